"""The review flow driven by keys alone, on a real database in tmp_path."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, TextArea

from factcheck_tui.core.workflow import review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen

pytestmark = pytest.mark.slow

SIZE = (80, 24)


async def test_set_a_verdict_with_keys_quit_reopen_and_find_it(workspace: Workspace, strike_story) -> None:
    _story, claims = strike_story
    # "n" jumps from the cursor (on the first row) to the next unreviewed check-worthy claim.
    first_worthy = next(claim for claim in claims[1:] if claim.checkworthy)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press("n", "v", "5")
        await pilot.press("q")
    assert workspace.repo.get_claim(first_worthy.id).verdict == "False"

    reopened = create_app(Workspace(workspace.config, workspace.config_path, workspace.db_path))
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        table = reopened.screen.query_one("#claims", DataTable)
        row = table.get_row_index(first_worthy.id)
        assert "False" in str(table.get_cell_at((row, table.get_column_index("verdict"))))


async def test_claim_detail_conclusion_evidence_and_undo(workspace: Workspace, strike_story) -> None:
    _story, _claims = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter")
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        target = screen.claim_id
        await pilot.press("c")
        await pilot.press(*"Wages rose 11 percent")
        # Letters typed into the conclusion must not trigger v, s, e or q.
        assert isinstance(app.screen, ClaimScreen)
        await pilot.press("escape")
        assert workspace.repo.get_claim(target).conclusion == "Wages rose 11 percent"
        await pilot.press("e")
        await pilot.press(*"union.example/contract", "enter", *"Union", "enter", *"contract text", "enter")
        saved = workspace.repo.get_claim(target)
        assert [(item.url, item.source, item.note) for item in saved.evidence] == [
            ("https://union.example/contract", "Union", "contract text")
        ]
        await pilot.press("u")
        assert workspace.repo.get_claim(target).evidence == []
        assert workspace.repo.get_claim(target).history[-1].note.startswith("undo of version")


async def test_unsaved_conclusion_survives_as_a_draft(workspace: Workspace, strike_story) -> None:
    _story, _claims = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter", "c")
        target = app.screen.claim_id
        await pilot.press(*"Half typed")
        # No pause for typing to stop: each key's text goes to the disk (in a thread, off the event loop).
        await app.workers.wait_for_complete()
        draft = workspace.repo.drafts("tester").get(target, "conclusion")
        assert draft is not None and draft.text == "Half typed"
    # The app is gone without saving (as after a crash); the draft comes back on reopening.
    again = create_app(Workspace(workspace.config, workspace.config_path, workspace.db_path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter")
        assert again.screen.query_one("#conclusion", TextArea).text == "Half typed"


async def _typing_into_a_conflict(app, workspace: Workspace, pilot) -> str:
    """Type a conclusion while another reviewer saves one, then press ctrl+s once: it is refused."""
    await pilot.press("enter", "n", "enter")
    target = app.screen.claim_id
    await pilot.press("c", *"My reading")
    review.set_conclusion(workspace.repo, target, "Their reading", actor="ben")
    await pilot.press("ctrl+s")
    assert workspace.repo.get_claim(target).conclusion == "Their reading"
    assert app.screen.query_one("#conclusion", TextArea).text == "My reading"
    assert app.screen.query_one("#conflict").display
    return target


async def test_another_reviewers_save_is_not_overwritten(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        target = await _typing_into_a_conflict(app, workspace, pilot)
        # Saving again is a deliberate choice, made with their text on screen.
        await pilot.press("ctrl+s")
        assert workspace.repo.get_claim(target).conclusion == "My reading"


async def test_escape_after_a_conflict_keeps_both_texts_and_saves_nothing(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        target = await _typing_into_a_conflict(app, workspace, pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)
        assert workspace.repo.get_claim(target).conclusion == "Their reading"
        assert workspace.repo.drafts("tester").get(target, "conclusion").text == "My reading"


async def test_saving_keeps_the_cursor_where_the_reviewer_was_typing(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter", "c", *"First sentence.", "ctrl+s", "c", *" Second one.", "escape")
        assert workspace.repo.get_claim(app.screen.claim_id).conclusion == "First sentence. Second one."
        await pilot.press("c", *" Third.", "escape")
        assert workspace.repo.get_claim(app.screen.claim_id).conclusion == "First sentence. Second one. Third."


async def test_a_restored_draft_does_not_replace_a_conclusion_saved_since(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        target = await _typing_into_a_conflict(app, workspace, pilot)
        # Away from the claim (ctrl+s left the editor) and back: the draft returns, and their text beside it.
        await pilot.press("escape", "enter")
        assert app.screen.claim_id == target
        assert app.screen.query_one("#conflict").display
        await pilot.press("c", "escape")
        assert workspace.repo.get_claim(target).conclusion == "Their reading"
        assert workspace.repo.drafts("tester").get(target, "conclusion").text == "My reading"


async def test_stepping_to_a_claim_without_evidence_keeps_keys_out_of_the_editor(
    workspace: Workspace, strike_story
) -> None:
    _, claims = strike_story
    review.add_evidence(
        workspace.repo, claims[0].id, url="https://example.org/a", source="Port", note="", actor="tester"
    )
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press(*["k"] * len(claims), "enter")
        assert app.screen.claim_id == claims[0].id and app.screen.query_one("#claim-body").has_focus
        await pilot.press("right_square_bracket", "v")
        assert app.screen.__class__.__name__ == "VerdictPicker"
        stepped = app.screen_stack[-2]
        assert stepped.claim_id != claims[0].id and not stepped.query_one("#conclusion", TextArea).text


async def test_u_twice_steps_back_through_two_changes_of_one_claim(workspace: Workspace, strike_story) -> None:
    _story, _claims = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter")
        target = app.screen.claim_id
        before = workspace.repo.get_claim(target)
        await pilot.press("v", "1", "c", *"Checked twice", "escape")
        changed = workspace.repo.get_claim(target)
        assert (changed.verdict, changed.conclusion) == ("True", "Checked twice")
        await pilot.press("u")
        await app.workers.wait_for_complete()
        assert workspace.repo.get_claim(target).conclusion == before.conclusion
        # The second u undoes the verdict: the first undo's own save is no clash with oneself.
        await pilot.press("u")
        await app.workers.wait_for_complete()
        undone = workspace.repo.get_claim(target)
        assert (undone.verdict, undone.conclusion) == (before.verdict, before.conclusion)
        assert app.undo_stack == []


async def test_u_steps_back_through_a_status_change_then_a_merge_in_the_claims_list(
    workspace: Workspace, strike_story
) -> None:
    _story, _claims = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n")
        table = app.screen.query_one("#claims", DataTable)
        target = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        before = workspace.repo.get_claim(target)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.press("m")
        await app.workers.wait_for_complete()
        assert workspace.repo.get_claim(target).text != before.text
        await pilot.press("u")
        await app.workers.wait_for_complete()
        await pilot.press("u")
        await app.workers.wait_for_complete()
        undone = workspace.repo.get_claim(target)
        assert (undone.text, undone.status) == (before.text, before.status)
