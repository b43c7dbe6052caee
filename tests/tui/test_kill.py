"""A reviewer's work survives the app being killed with SIGKILL right after they made it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_tui.core.storage.repository import Repository
from support.newsrooms import build_screen_newsroom

pytestmark = pytest.mark.slow

CHILD = """
import asyncio, sys
from pathlib import Path
from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app

async def main():
    root = Path(sys.argv[1])
    app = create_app(Workspace(Config(reviewer="ana"), root / "none.toml", root))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter", "n")
        print(app.screen.current_claim().id, flush=True)
        if sys.argv[2] == "verdict":
            await pilot.press("v", "5")
        else:
            await pilot.press("enter", "c", *"Typed before the crash")
            await pilot.pause(1.0)  # the issue's "one second later"
        print("done", flush=True)
        await asyncio.Event().wait()

asyncio.run(main())
"""


def _run_until_done_then_kill(root: Path, mode: str) -> str:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(root), mode], stdout=subprocess.PIPE, text=True)
    try:
        claim_id = child.stdout.readline().strip()
        assert child.stdout.readline().strip() == "done"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    return claim_id


def test_a_verdict_survives_kill_9(tmp_path: Path) -> None:
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    claim_id = _run_until_done_then_kill(root, "verdict")
    assert Repository(root).get_claim(claim_id).verdict == "False"


def test_a_conclusion_being_typed_survives_kill_9_as_a_draft(tmp_path: Path) -> None:
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    claim_id = _run_until_done_then_kill(root, "conclusion")
    draft = Repository(root).drafts("ana").get(claim_id, "conclusion")
    assert draft is not None and draft.text == "Typed before the crash"
