"""Each row of the duplicates pane (d) and of a recurring claim's members (C) says what that claim
says, at 80 and at 60 columns: four candidates from stories with one headline no longer read alike."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from factcheck_tui.core.config import Config
from factcheck_tui.core.text import shown
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.match_marks import source_name
from factcheck_tui.tui.screens.clusters import ClustersScreen
from factcheck_tui.tui.screens.duplicates import DuplicatesScreen
from factcheck_tui.tui.widgets.fit_table import FitTable
from support.newsrooms import build_screen_newsroom
from support.screen import cell_text, words

SIZES = [(80, 24), (60, 20)]


@pytest.fixture
def newsroom(tmp_path: Path) -> Workspace:
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    return Workspace(Config(reviewer="ana"), tmp_path / "config.toml", root)


def opening(text: str, width: int) -> str:
    """The first ``width`` characters of a claim, as a row shows them (before any ellipsis)."""
    return words(shown(text))[: width - 1]


async def settled(app, pilot) -> None:
    await asyncio.wait_for(app.index_loaded.wait(), timeout=60)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_duplicate_rows_begin_with_the_earlier_claims_own_words(newsroom: Workspace, size) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        await pilot.press("j", "j", "enter")
        await settled(app, pilot)
        await pilot.press("down", "down", "d")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, DuplicatesScreen) and screen.matches
        table = screen.query_one("#duplicates", FitTable)
        width = table.columns["text"].width
        assert width >= 30
        for match in screen.matches:
            assert cell_text(table, match.claim_id, "text").startswith(opening(match.text, min(width, 30)))
        # Where each was said is in the check below the list, in full.
        console = Console(width=100, record=True)
        console.print(screen.query_one("#dupes-earlier", Static).content)
        assert source_name(screen.matches[0]).split(" (")[0] in words(console.export_text())
        # A date no candidate has takes no room from the claims' words.
        if not any(match.published for match in screen.matches) and not any(
            check.checked_on for check in screen.checks.values()
        ):
            assert "date" not in table.columns


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_member_rows_say_what_was_said_and_the_line_below_where(newsroom: Workspace, size) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        await pilot.press("C")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ClustersScreen) and screen.clusters
        members = screen.clusters[0].members
        table = screen.query_one("#members", FitTable)
        width = table.columns["text"].width
        assert width >= 30
        for member in members:
            assert cell_text(table, member.claim_id, "text").startswith(opening(member.text, min(width, 30)))
        await pilot.press("tab", "j")
        member = next(member for member in members if member.claim_id == table.current_key())
        where = screen.query_one("#member-where", Static)
        said = screen.query_one("#member-words", Static)
        assert where.content_region.height == 1 and said.region.height >= 1
        assert str(where.render()).startswith(f"{member.claim_id} in “{source_name(member)[:10]}")
        assert words(str(said.render())).startswith(opening(member.text, 40))
