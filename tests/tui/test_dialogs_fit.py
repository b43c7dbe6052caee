"""Every dialog at 80x24 and 60x20: its question, lines, hint and error wrap instead of being cut,
and a dialog taller than the screen scrolls inside itself with its fields, answers and keys in reach."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label

from factcheck_tui.core.config import Config
from factcheck_tui.core.models import Evidence, utcnow
from factcheck_tui.core.workflow.filters import ClaimFilter
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.screens.claim_text_dialog import ADD, ClaimTextDialog
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.evidence_form import EvidenceForm, EvidenceInput
from factcheck_tui.tui.screens.export_dialog import ExportDialog
from factcheck_tui.tui.screens.filter_menu import FilterMenu
from factcheck_tui.tui.screens.help import HelpScreen
from factcheck_tui.tui.screens.import_dialog import ImportDialog, ImportRequest
from factcheck_tui.tui.screens.prompt import PromptScreen
from factcheck_tui.tui.screens.story_dialog import StoryDialog
from factcheck_tui.tui.screens.verdict_picker import VerdictPicker
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot
from support.newsrooms import build_screen_newsroom
from support.screen import after_refresh, text_in, words

SIZES = [(80, 24), (60, 20)]
LONG = (
    "the council's own budget papers, published in March and amended twice since then, put the rise "
    "at two per cent and not four as the mayor said on the radio"
)


@dataclass(frozen=True)
class Case:
    open: Callable[[FactcheckApp], ModalScreen]
    # Keys that bring up the dialog's error, where it has one.
    keys: tuple[str, ...] = ()
    error: str = ""


def _evidence() -> Evidence:
    return Evidence(id="e1", url="https://budget.example/2026", source=LONG[:60], note=LONG, added_at=utcnow())


CASES = {
    "confirm": Case(lambda app: ConfirmScreen(f"Copy the verdict? {LONG}", {"c": LONG, "n": f"No, {LONG}"})),
    "prompt": Case(lambda app: PromptScreen(f"Who said it? {LONG}", "", f"hint: {LONG} · escape cancels")),
    "claim_text": Case(lambda app: ClaimTextDialog(ADD), ("ctrl+s",), "A claim needs some text."),
    "evidence": Case(lambda app: EvidenceForm(), (*"ftp://x", "ctrl+s"), "ftp://x"),
    "evidence_conflict": Case(
        lambda app: EvidenceForm(_evidence(), typed=EvidenceInput("https://a.example", "mine", LONG)),
        error="Someone changed this item meanwhile",
    ),
    "story": Case(
        lambda app: StoryDialog(app.repo.get_story("p0rt5")),
        ("tab", "tab", "tab", "ctrl+u", *"sometime in March", "ctrl+s"),
        "sometime in March",
    ),
    "import": Case(
        lambda app: ImportDialog(ImportRequest("story.txt", "", "", "", "", ""), f"story.txt: {LONG}"),
        error="story.txt: the council's own budget papers",
    ),
    "export": Case(lambda app: ExportDialog("p0rt5", app.workspace.config, app.repo)),
    "verdict": Case(lambda app: VerdictPicker(app.workspace.scale, None, f"{LONG} {LONG}", subject="abcde-12")),
    "filter": Case(
        lambda app: FilterMenu(
            app.workspace.scale, ClaimFilter(), me="ana", tags=[f"tag-{n}" for n in range(12)], assignees=["ben"]
        )
    ),
    "help": Case(lambda app: HelpScreen("Claims", [])),
}


def _app(tmp_path: Path) -> FactcheckApp:
    build_screen_newsroom(tmp_path / "db")
    return create_app(Workspace(Config(reviewer="ana"), tmp_path / "c.toml", tmp_path / "db"))


async def _open(pilot: Pilot, case: Case) -> ModalScreen:
    app = pilot.app
    assert isinstance(app, FactcheckApp)
    await app.push_screen(case.open(app))
    await pilot.pause()
    await pilot.press(*case.keys)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ModalScreen)
    return screen


def _shown(widget: Widget) -> bool:
    """Displayed, and so is every container around it (the export dialog hides a group of fields)."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def _body(screen: ModalScreen) -> Widget:
    return screen.query_one(".dialog")


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
@pytest.mark.parametrize("name", list(CASES))
async def test_no_line_of_a_dialog_is_cut(tmp_path: Path, name: str, size: tuple[int, int]) -> None:
    case = CASES[name]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        screen = await _open(pilot, case)
        body = _body(screen)
        assert body.region.width <= size[0] and body.region.height <= size[1]
        labels = [label for label in screen.query(Label) if _shown(label) and str(label.render()).strip()]
        assert labels
        for label in labels:
            label.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            shown = text_in(app, body.scrollable_content_region)
            assert words(str(label.render())) in shown, f"{name}: cut at {size}: {label.render()!s}\n{shown}"
        if case.error:
            error = screen.query_one("#form-error", Label)
            assert case.error in words(str(error.render()))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
@pytest.mark.parametrize("name", list(CASES))
async def test_the_keys_and_fields_of_a_dialog_stay_in_reach(tmp_path: Path, name: str, size: tuple[int, int]) -> None:
    case = CASES[name]
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        screen = await _open(pilot, case)
        body = _body(screen)
        inside = body.content_region
        # The hint (and the error) are pinned in view, however far the dialog is scrolled.
        for foot in screen.query(DialogFoot):
            assert inside.contains_region(foot.region) and foot.region.area
        # tab reaches every field, and each one it reaches is in view, clear of the pinned foot.
        fields = [widget for widget in screen.focus_chain if widget is not body]
        for _ in fields:
            await pilot.press("tab")
            await pilot.pause()
            focused = app.focused
            assert focused is not None
            if focused is body:
                continue
            place = focused.region
            assert place.area and inside.contains_region(place), f"{name}: {focused} out of view at {size}"
            for foot in screen.query(DialogFoot):
                # A field pinned in the foot itself (the verdict picker's scale) is always in view.
                if foot not in focused.ancestors:
                    assert not place.overlaps(foot.region), f"{name}: {focused} under the hint at {size}"
        if isinstance(body, DialogBody) and body.max_scroll_y > 0:
            # A dialog taller than the screen is read with the page keys once tab reaches it.
            body.focus()
            await pilot.press("end")
            await after_refresh(body)
            assert body.scroll_y == body.max_scroll_y
            await pilot.press("home")
            await pilot.pause()
            assert body.scroll_y == 0


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_every_field_of_the_import_dialog_shows_at_once(tmp_path: Path, size: tuple[int, int]) -> None:
    """At 60x20 the headline, outlet, link and date fields showed only their top border until tab
    reached them: a new user did not know they were there."""
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportDialog)
        # The short terminal's class is set once the dialog knows its size: laid out again after.
        await pilot.pause()
        await after_refresh(screen)
        body = _body(screen)
        window = body.scrollable_content_region
        foot = screen.query_one(DialogFoot).region
        for name in ("path", "pasted", "title", "outlet", "url", "published"):
            place = screen.query_one(f"#{name}").region
            assert place.height >= 3 and window.contains_region(place), f"#{name} cut at {size}: {place}"
            assert not place.overlaps(foot), f"#{name} under the hint at {size}"
