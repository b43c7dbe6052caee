"""Lists, menus and the help page move with the same keys; escape undoes one narrowing at a time."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.help import HelpScreen
from factcheck_tui.tui.screens.stories import StoriesScreen
from factcheck_tui.tui.widgets.page import Page
from support.long_story import STORY_ID, build_long_story
from support.screen import after_refresh

SIZE = (80, 24)


def _app(tmp_path: Path):
    build_long_story(tmp_path / "db")
    return create_app(Workspace(Config(reviewer="tester"), tmp_path / "config.toml", tmp_path / "db"))


async def test_j_k_g_and_G_move_in_the_filter_menu(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f")
        menu = app.screen.query_one(OptionList)
        await pilot.press("j", "j")
        assert menu.highlighted == 2
        await pilot.press("k")
        assert menu.highlighted == 1
        await pilot.press("G")
        assert menu.highlighted == menu.option_count - 1
        await pilot.press("g")
        assert menu.highlighted == 0


async def test_the_help_page_scrolls_with_j_and_G(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        page = app.screen.query_one("#help", Page)
        assert page.max_scroll_y > 0
        await pilot.press("j")
        await pilot.pause()
        assert page.scroll_y > 0
        await pilot.press("G")
        await after_refresh(page)
        assert page.scroll_y == page.max_scroll_y


async def test_escape_clears_the_search_then_the_filter_then_goes_back(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f", "j", "enter", "slash", *"harbour", "enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen) and screen.filter.text == "harbour"
        await pilot.press("escape")
        assert app.screen is screen and screen.filter.text == "" and screen.filter.checkworthy_only
        await pilot.press("escape")
        assert app.screen is screen and not screen.filter.checkworthy_only
        assert len(screen.visible_claims()) == 12
        await pilot.press("escape")
        assert isinstance(app.screen, StoriesScreen)


async def test_a_kept_search_does_not_hide_the_story_just_left(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"nothing like it", "enter")
        assert app.screen.table.row_count == 0
        # A story opened another way (an import opens its story) and left: it is listed again.
        app.push_screen(ClaimsScreen(STORY_ID))
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, StoriesScreen)
        assert app.screen.table.current_key() == STORY_ID
