"""Fixing the machine's claim list in the app at the smallest size: merge and split ask and land where expected."""

from __future__ import annotations

import asyncio
from pathlib import Path

from factcheck_tui.core.config import Config
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.workflow import desk, review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.duplicates import DuplicatesScreen
from factcheck_tui.tui.screens.queue import QueueScreen
from support.long_story import STORY_ID, long_story_workspace
from support.newsrooms import build_screen_newsroom
from support.screen import screen_text, text_in, words

SMALL = (60, 20)


async def test_merging_a_rated_claim_asks_what_becomes_of_its_verdict(tmp_path: Path) -> None:
    workspace = long_story_workspace(tmp_path)
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


async def test_split_after_a_merge_starts_at_the_join_and_the_part_is_listed_in_story_order(tmp_path: Path) -> None:
    workspace = long_story_workspace(tmp_path)
    repo = workspace.repo
    third, fourth = repo.get_claim(f"{STORY_ID}-3"), repo.get_claim(f"{STORY_ID}-4")
    app = create_app(workspace)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("enter", "j", "j", "m", "T", "enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        assert repo.get_claim(third.id).text == third.text
        part = next(
            claim for claim in repo.list_claims(STORY_ID) if claim.text == fourth.text and claim.id != fourth.id
        )
        # Numbers are permanent ids (history, exports and the command line name claims by them):
        # the split-off part gets a new one, and is listed where its words are in the story.
        shown = [claim.id for claim in screen.visible_claims()]
        assert shown.index(part.id) == shown.index(third.id) + 1


async def test_at_60_columns_the_text_has_room_in_the_queue_and_the_duplicates(tmp_path: Path) -> None:
    root = tmp_path / "newsroom"
    repo = build_screen_newsroom(root)
    week_two = repo.list_claims("w33k2")
    desk.assign(repo, week_two, "ana", actor="maria")
    app = create_app(Workspace(Config(reviewer="ana"), tmp_path / "config.toml", root))
    async with app.run_test(size=SMALL) as pilot:
        await asyncio.wait_for(app.index_loaded.wait(), timeout=60)
        await pilot.press("w")
        assert isinstance(app.screen, QueueScreen)
        # The story's headline gives way; the claim's text keeps about half the width.
        assert app.screen.table.columns["text"].width >= 24 and "story" not in app.screen.table.columns

        await pilot.press("escape", "j", "j", "enter")
        await app.workers.wait_for_complete()
        await pilot.press("down", "down")
        await app.workers.wait_for_complete()
        await pilot.pause()
        claims = app.screen
        assert isinstance(claims, ClaimsScreen)
        # The earlier check is one line, so the claim itself shows in the pane below the list.
        pane = claims.query_one("#context-pane")
        shown = text_in(app, pane.content_region)
        assert shown.startswith("Checked before: Mostly false")
        assert claims.query_one("#earlier-check").outer_size.height == 1
        assert words(claims.current_claim().text) in shown

        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DuplicatesScreen)
        assert "Earlier claim · where" in screen_text(app)
