"""The recurring-claims pass shows how far it has got, on a line the footer does not hide."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import Footer, Static

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.clusters import ClaimsSearched, ClustersScreen
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from support.newsrooms import build_screen_newsroom


@pytest.fixture
def newsroom(tmp_path: Path) -> Workspace:
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    return Workspace(Config(reviewer="ana"), tmp_path / "config.toml", root)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_pass_reports_each_step_and_the_activity_line_shows_above_the_footer(
    newsroom: Workspace, size: tuple[int, int]
) -> None:
    heard: list[ClaimsSearched] = []

    def hear(message: Message) -> None:
        if isinstance(message, ClaimsSearched):
            heard.append(message)

    app = create_app(newsroom)
    async with app.run_test(size=size, message_hook=hear) as pilot:
        await asyncio.wait_for(app.index_loaded.wait(), timeout=60)
        await pilot.press("C")
        screen = app.screen
        assert isinstance(screen, ClustersScreen)
        bar, footer = screen.query_one(ActivityBar), screen.query_one(Footer)
        app.begin_task("probe", "Some work in the background…")
        await pilot.pause()
        assert bar.region.height == 1 and bar.region.bottom <= footer.region.y
        app.end_task("probe")
        await app.workers.wait_for_complete()
        await pilot.pause()
        seeds = sum(len(newsroom.repo.list_claims(story_id)) for story_id in newsroom.repo.story_ids())
        assert (heard[0].done, heard[0].total) == (0, seeds)
        assert (heard[-1].done, heard[-1].total) == (seeds, seeds)
        # Progress still queued when the result came must not cover the result.
        screen.post_message(ClaimsSearched(heard[-1].run, 1, seeds))
        await pilot.pause()
        head = str(screen.query_one("#clusters-head", Static).render())
        assert "recur across" in head and "/" not in head
        assert not bar.has_class("-busy")
