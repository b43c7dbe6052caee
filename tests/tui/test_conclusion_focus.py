"""ctrl+s in the conclusion saves it and gives the keys back to the claim, as escape does: the
tester's "…overstates it.e" (an `e` meant to add evidence typed into the text) cannot happen."""

from __future__ import annotations

from textual.widgets import TextArea

from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.evidence_form import EvidenceForm
from factcheck_tui.tui.widgets.conclusion_editor import WRITING

SIZE = (80, 24)
TEXT = "The figure overstates it."


async def test_after_ctrl_s_review_keys_are_commands_again(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter", "c", *TEXT)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        editor = screen.query_one("#conclusion", TextArea)
        # While typing, the editor's border says that keys are text.
        assert editor.has_focus and editor.border_title == WRITING
        await pilot.press("ctrl+s", "v", "6")
        saved = workspace.repo.get_claim(screen.claim_id)
        assert saved.conclusion == TEXT
        assert saved.verdict == workspace.scale.names[5]
        assert not editor.has_focus and not editor.border_title
        await pilot.press("e")
        assert isinstance(app.screen, EvidenceForm)
        assert editor.text == TEXT


async def test_c_after_ctrl_s_goes_on_where_the_cursor_was(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter", "c", *"First. Third.", *["left"] * 6, "ctrl+s")
        await pilot.press("c", *"Second. ", "escape")
        assert workspace.repo.get_claim(app.screen.claim_id).conclusion == "First. Second. Third."
