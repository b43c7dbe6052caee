"""A crash is loud and safe: exit status 1, drafts kept, the traceback in a log, one line on the terminal."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import TextArea

from factcheck_tui.cli import main
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.stories import StoriesScreen

SIZE = (80, 24)


class Bug(Exception):
    pass


def explode() -> None:
    raise Bug("boom \x1b]0;owned\x07 [/]")


async def test_a_crash_keeps_the_typed_conclusion_and_logs_the_traceback(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    with pytest.raises(Bug):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "n", "enter", "c")
            assert isinstance(app.screen, ClaimScreen)
            claim_id = app.screen.claim_id
            # Typed just now: the draft timer has not fired yet when the bug strikes.
            app.screen.query_one("#conclusion", TextArea).insert("Half a thought")
            app.call_later(explode)
            await pilot.pause()
    assert app.return_code == 1
    draft = workspace.repo.drafts(workspace.actor).get(claim_id, "conclusion")
    assert draft is not None and draft.text.endswith("Half a thought")
    log = app.crash_log
    assert log is not None and log.parent == workspace.db_path / "logs"
    assert "Bug: boom" in log.read_text(encoding="utf-8") and "in explode" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600


def test_the_terminal_gets_one_line_and_a_failing_status(
    workspace: Workspace, strike_story, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refresh_fails(self: StoriesScreen) -> None:
        explode()

    def run_headless(self: FactcheckApp) -> None:
        App.run(self, headless=True, size=SIZE)

    monkeypatch.setattr(StoriesScreen, "refresh_stories", refresh_fails)
    monkeypatch.setattr(FactcheckApp, "run", run_headless)
    assert main(["--db", str(workspace.db_path)]) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "\x1b" not in err
    (log,) = (workspace.db_path / "logs").iterdir()
    assert lines[0].endswith(f"Details: {log}")
    assert "boom" in log.read_text(encoding="utf-8")


def test_a_cli_command_that_hits_a_bug_says_where_the_log_is(
    workspace: Workspace, strike_story, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("factcheck_tui.core.storage.repository.Repository.list_stories", lambda self: explode())
    assert main(["--db", str(workspace.db_path), "stories"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(Path(workspace.db_path) / "logs" / "crash-") in err
