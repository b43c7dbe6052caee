"""The lists give their width to the text a reviewer reads them for: a column no row fills is left
out, low-value columns give way at narrow widths, and the claims list names speakers when it has
room for them beside the claim."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from factcheck_tui.core.config import Config
from factcheck_tui.core.intake.articles import read_article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.widgets.fit_table import FitTable
from support.newsrooms import build_screen_newsroom
from support.paths import STRIKE
from support.screen import cell_text, screen_text

# An escape sequence that would turn the terminal red, and a right-to-left override.
HOSTILE_SPEAKER = "\x1b[31m[b]Ana\u202e Ruiz-Montgomery-Whitfield"


def _app(tmp_path: Path):
    build_screen_newsroom(tmp_path / "db")
    return create_app(Workspace(Config(reviewer="maria"), tmp_path / "c.toml", tmp_path / "db"))


async def _duplicates_marked(pilot: Pilot) -> None:
    """The duplicate marks are found in the background, once the index is loaded; the dup column
    comes with them."""
    await asyncio.wait_for(pilot.app.index_loaded.wait(), timeout=60)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _columns(table: FitTable) -> list[str]:
    return [str(key.value) for key in table.columns]


def _width(table: FitTable, column: str) -> int:
    return next(item.width for key, item in table.columns.items() if key.value == column)


@pytest.mark.parametrize(
    ("size", "speaker", "score"),
    [((120, 40), True, True), ((100, 30), True, True), ((80, 24), False, True), ((60, 20), False, False)],
    ids=["120x40", "100x30", "80x24", "60x20"],
)
async def test_the_claims_list_shows_speakers_only_beside_a_readable_claim(
    tmp_path: Path, size: tuple[int, int], speaker: bool, score: bool
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "enter")
        await _duplicates_marked(pilot)
        table = app.screen.query_one("#claims", FitTable)
        columns = _columns(table)
        assert ("speaker" in columns) is speaker
        assert ("score" in columns) is score
        # The check-worthy mark stays when the score number gives way.
        assert "worthy" in columns
        # Nothing is marked: the mark column takes no width; the strike story has a duplicate.
        assert "mark" not in columns and "dup" in columns
        assert _width(table, "text") >= (36 if speaker else 24)
        # Every row fits: nothing needs sideways scrolling.
        assert table.max_scroll_x == 0
        if speaker:
            assert cell_text(table, "p0rt5-6", "speaker") == "Alan Reyes"
            assert "Alan Reyes" in screen_text(app)


async def test_speakers_are_literal_stripped_of_control_characters_and_cut_with_an_ellipsis(tmp_path: Path) -> None:
    app = _app(tmp_path)
    app.workspace.repo.update_claim("p0rt5-4", lambda claim: claim.model_copy(update={"speaker": HOSTILE_SPEAKER}), "x")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "enter")
        table = app.screen.query_one("#claims", FitTable)
        shown = cell_text(table, "p0rt5-4", "speaker")
        assert shown == "[b]Ana‹U+202E› …"
        assert len(shown) == _width(table, "speaker")
        assert "[b]Ana‹U+202E› …" in screen_text(app)


async def test_p_on_the_claim_screen_corrects_the_speaker_the_list_then_shows(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "enter", "n", "enter")
        screen = app.screen
        assert isinstance(screen, ClaimScreen) and screen.claim_id == "p0rt5-3"
        await pilot.press("p", "ctrl+a", "ctrl+k", *"Union [local] 12", "enter")
        assert app.workspace.repo.get_claim("p0rt5-3").speaker == "Union [local] 12"
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)
        assert cell_text(app.screen.table, "p0rt5-3", "speaker") == "Union [local] 12"


async def test_the_mark_column_comes_with_the_first_mark_and_goes_with_the_last(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        await _duplicates_marked(pilot)
        table = app.screen.query_one("#claims", FitTable)
        assert "dup" in _columns(table)
        narrowest = _width(table, "text")
        await pilot.press("space")
        assert cell_text(table, "p0rt5-1", "mark") == "*"
        assert _width(table, "text") == narrowest - 3
        await pilot.press("escape")
        assert "mark" not in _columns(table) and _width(table, "text") == narrowest


def _import_bare_story(root: Path) -> None:
    """A story as pasted or read from a file: no outlet, no date."""
    repo = Repository(root)
    import_story(repo, read_article(str(STRIKE)), actor="maria")


@pytest.mark.parametrize(
    ("size", "details"),
    [((120, 40), True), ((80, 24), True), ((60, 20), False)],
    ids=["120x40", "80x24", "60x20"],
)
async def test_the_stories_list_gives_the_headline_the_date_and_outlet_at_60_columns(
    tmp_path: Path, size: tuple[int, int], details: bool
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#stories", FitTable)
        assert ({"date", "outlet"} & set(_columns(table))) == ({"date", "outlet"} if details else set())
        assert _width(table, "title") >= 24
        assert table.max_scroll_x == 0
        assert "Dockworkers vote to end 1" in screen_text(app)


async def test_date_and_outlet_columns_no_story_fills_are_left_out(tmp_path: Path) -> None:
    _import_bare_story(tmp_path / "db")
    app = create_app(Workspace(Config(reviewer="maria"), tmp_path / "c.toml", tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#stories", FitTable)
        assert _columns(table) == ["id", "claims", "progress", "title"]
