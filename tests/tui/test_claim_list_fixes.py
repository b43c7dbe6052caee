"""Fixing the machine's claim list in the app at the smallest size: merge and split ask and land where expected."""

from __future__ import annotations

from pathlib import Path

from factcheck_tui.core.config import Config
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.workflow import review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from support.long_story import STORY_ID, build_long_story

SMALL = (60, 20)


def _workspace(tmp_path: Path) -> Workspace:
    root = tmp_path / "newsroom"
    build_long_story(root)
    return Workspace(Config(reviewer="tester"), tmp_path / "config.toml", root)


async def test_merging_a_rated_claim_asks_what_becomes_of_its_verdict(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    repo = workspace.repo
    third, fourth = f"{STORY_ID}-3", f"{STORY_ID}-4"
    review.set_verdict(repo, third, "Mostly true", scale=DEFAULT_SCALE, actor="tester")
    app = create_app(workspace)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter", "j", "j", "m")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Mostly true" in app.screen.question
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)
        assert not repo.get_claim(fourth).dismissed and repo.get_claim(third).verdict == "Mostly true"

        await pilot.press("m", "r")
        merged = repo.get_claim(third)
        assert repo.get_claim(fourth).dismissed and merged.text.endswith("9,000 jobs in the region.")
        assert merged.verdict is None

        await pilot.press("u", "m", "k")
        assert repo.get_claim(fourth).dismissed and repo.get_claim(third).verdict == "Mostly true"
