"""Marking a claim Done with no conclusion warns, in the app as on the command line."""

from __future__ import annotations

from textual.widgets import DataTable

from factcheck_tui.core.models import Status
from factcheck_tui.core.workflow import review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from support.cli import run_cli

SIZE = (80, 24)
WARNING = "Done without a conclusion"


async def step(app, pilot, *keys: str) -> None:
    """Each key once the save of the one before is done: ``s`` cycles from the status it shows."""
    for key in keys:
        await pilot.press(key)
        await app.workers.wait_for_complete()


async def test_s_to_done_without_a_conclusion_warns_and_with_one_does_not(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "n", "v", "4")
        table = app.screen.query_one("#claims", DataTable)
        target = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        await step(app, pilot, "s", "s")
        assert workspace.repo.get_claim(target).status is Status.DONE
        said = [str(note.message) for note in app._notifications]
        assert any(f"{target} is {WARNING}" in message and "c on the claim" in message for message in said)

        app.clear_notifications()
        # The conclusion written on the claim's page, then round the cycle back to Done.
        await step(app, pilot, "enter", "c", *"The port's own figures say 4%.", "escape")
        assert workspace.repo.get_claim(target).conclusion == "The port's own figures say 4%."
        await step(app, pilot, "s", "s", "s")
        assert workspace.repo.get_claim(target).status is Status.DONE
        assert not any(WARNING in str(note.message) for note in app._notifications)


def test_the_cli_warns_in_one_line_and_still_marks_done(tmp_path, workspace: Workspace, strike_story) -> None:
    _story, claims = strike_story
    claim = next(claim for claim in claims if claim.checkworthy)
    review.set_verdict(workspace.repo, claim.id, "Mostly false", scale=workspace.scale, actor="ana")
    result = run_cli(tmp_path, "--db", str(workspace.db_path), "status", claim.id, "done")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{claim.id}: Done")
    assert result.stderr.splitlines() == [
        f"factcheck: warning: {claim.id} is {WARNING}: reports and ClaimReview will publish the verdict with no "
        "explanation (write one with: factcheck verdict ID VERDICT --note TEXT)"
    ]
    review.set_conclusion(workspace.repo, claim.id, "Checked.", actor="ana")
    review.set_status(workspace.repo, claim.id, Status.IN_PROGRESS, actor="ana")
    quiet = run_cli(tmp_path, "--db", str(workspace.db_path), "status", claim.id, "done")
    assert (quiet.returncode, quiet.stderr) == (0, "")
