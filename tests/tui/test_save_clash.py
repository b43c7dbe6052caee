"""Two reviewers save a conclusion on the same claim: the second one's save never silently replaces
the first one's, not by escape, not by quitting; and the clash is on screen when it happens."""

from __future__ import annotations

from contextlib import AsyncExitStack

import pytest
from textual.pilot import Pilot
from textual.widgets import Label, TextArea
from textual.widgets._toast import Toast

from factcheck_tui.core.config import Config
from factcheck_tui.core.workflow import desk, review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui import app as app_module
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.widgets.page import Page

pytestmark = pytest.mark.slow

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _no_watcher_on_a_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ben's own save finds maria's first, not his app's watcher: which comes first would depend on
    the machine's load."""
    monkeypatch.setattr(app_module, "WATCH_SECONDS", 3600)


def _reviewer(workspace: Workspace, name: str) -> Workspace:
    return Workspace(Config(reviewer=name), workspace.config_path, workspace.db_path)


async def _both_type(
    stack: AsyncExitStack, workspace: Workspace, size: tuple[int, int] = SIZE
) -> tuple[Pilot[None], Pilot[None], str]:
    """maria and ben open the same claim in their own apps and both type a conclusion; maria saves first."""
    pilots = []
    for name in ("maria", "ben"):
        app = create_app(_reviewer(workspace, name))
        pilot = await stack.enter_async_context(app.run_test(size=size, notifications=True))
        await pilot.press("enter", "n", "enter", "c", *f"{name.title()} reads it so")
        pilots.append(pilot)
    maria, ben = pilots
    target = ben.app.screen.claim_id
    assert maria.app.screen.claim_id == target
    await maria.press("escape")
    assert workspace.repo.get_claim(target).conclusion == "Maria reads it so"
    await ben.press("escape")
    assert workspace.repo.get_claim(target).conclusion == "Maria reads it so"
    return maria, ben, target


def _notes(app: FactcheckApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


def _dialog_text(app: FactcheckApp) -> str:
    return "\n".join(str(label.render()) for label in app.screen.query(Label))


async def test_quitting_in_a_clash_does_not_replace_the_other_reviewers_conclusion(
    workspace: Workspace, strike_story
) -> None:
    async with AsyncExitStack() as stack:
        _maria, ben, target = await _both_type(stack, workspace)
        # The first escape was refused and stayed in the editor; the second leaves it.
        await ben.press("escape", "q")
        assert isinstance(ben.app.screen, ConfirmScreen)
        said = _dialog_text(ben.app)
        assert "maria" in said and "replace" in said
        # s is not an answer here: the save it stood for would overwrite maria's.
        await ben.press("s")
        assert isinstance(ben.app.screen, ConfirmScreen)
        # Enter takes the default: quit, and keep ben's text as a draft.
        await ben.press("enter")
        assert ben.app.return_code == 0
        assert workspace.repo.get_claim(target).conclusion == "Maria reads it so"
        draft = workspace.repo.drafts("ben").get(target, "conclusion")
        assert draft is not None and draft.text == "Ben reads it so"


async def test_replacing_the_other_reviewers_conclusion_on_quit_takes_an_explicit_choice(
    workspace: Workspace, strike_story
) -> None:
    async with AsyncExitStack() as stack:
        _maria, ben, target = await _both_type(stack, workspace)
        await ben.press("escape", "q", "r")
        assert ben.app.return_code == 0
        assert workspace.repo.get_claim(target).conclusion == "Ben reads it so"


async def test_the_clash_is_on_screen_with_what_to_press(workspace: Workspace, strike_story) -> None:
    async with AsyncExitStack() as stack:
        _maria, ben, _target = await _both_type(stack, workspace)
        screen = ben.app.screen
        assert isinstance(screen, ClaimScreen)
        await ben.pause()
        box = screen.query_one("#conflict")
        page = screen.query_one("#claim-body", Page)
        assert box.display
        # The whole box, with maria's text, is inside the page's window on the screen.
        assert page.region.contains_region(box.region), (page.region, box.region)
        # What to press is said in the box, above maria's text: a notice would be drawn over it.
        said = str(box.render())
        assert "Maria reads it so" in said
        assert "reload it" not in said
        assert "ctrl+s" in said and "escape" in said
        assert screen.query_one("#conclusion", TextArea).text == "Ben reads it so"


@pytest.mark.parametrize(("author", "named"), [("maria", "maria saved another"), ("ben", "your other session saved")])
async def test_the_clash_names_who_wrote_the_conclusion_not_who_saved_the_claim_last(
    workspace: Workspace, strike_story, author: str, named: str
) -> None:
    """The conclusion's author is named, not ed, who only tagged the claim after; ben's own save
    from the command line is his other session, not "ben"."""
    async with AsyncExitStack() as stack:
        ben = await stack.enter_async_context(create_app(_reviewer(workspace, "ben")).run_test(size=SIZE))
        await ben.press("enter", "n", "enter", "c", *"Ben reads it so")
        target = ben.app.screen.claim_id
        review.set_conclusion(workspace.repo, target, "Written elsewhere", actor=author)
        desk.add_tag(workspace.repo, [workspace.repo.get_claim(target)], "port", actor="ed")
        await ben.press("escape")
        screen = ben.app.screen
        assert isinstance(screen, ClaimScreen)
        said = str(screen.query_one("#conflict").render())
        assert named in said and "ed saved" not in said, said
        assert workspace.repo.get_claim(target).conclusion == "Written elsewhere"


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_no_notice_covers_the_other_reviewers_text(workspace: Workspace, strike_story, size) -> None:
    """A tester's "Not saved" notice lay over the box with maria's text: what happened to ben's
    text is said in the box, and the notices left are drawn clear of it."""
    async with AsyncExitStack() as stack:
        _maria, ben, _target = await _both_type(stack, workspace, size)
        # The first escape was refused (the clash), the second leaves the editor, keeping a draft.
        await ben.press("escape")
        await ben.pause()
        screen = ben.app.screen
        assert isinstance(screen, ClaimScreen)
        box = screen.query_one("#conflict")
        assert box.display and not screen.query_one("#conclusion", TextArea).has_focus
        said = str(box.render())
        assert "Not saved" in said and "Maria reads it so" in said
        assert screen.query_one("#claim-body", Page).region.contains_region(box.region)
        for toast in screen.query(Toast):
            assert not toast.region.overlaps(box.region), (size, toast.region, box.region)
