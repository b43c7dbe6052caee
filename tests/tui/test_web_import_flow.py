"""Importing a link, a feed and pasted HTML from the app, against a server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.stories import StoriesScreen
from support.newsrooms import build_screen_newsroom
from support.web_pages import OUTLET, STORIES, news_page, rss_feed
from support.web_server import Site, silent_server

pytestmark = pytest.mark.slow

SIZE = (100, 30)


@pytest.fixture
def newsroom(tmp_path: Path) -> Workspace:
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    return Workspace(Config(reviewer="ana"), tmp_path / "config.toml", root)


async def test_a_link_typed_in_the_dialog_imports_the_page_with_its_details(newsroom: Workspace, site: Site) -> None:
    port = STORIES[0]
    address = site.page("/article.html", news_page(port, base=site.base))
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *address, "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        story = newsroom.repo.get_story(app.screen.story_id)
        assert (story.title, story.outlet, str(story.published)) == (port.headline, OUTLET, port.published)
        assert app.activity == ""


async def test_a_feed_imports_its_new_articles_in_the_background(newsroom: Workspace, site: Site) -> None:
    for story in STORIES:
        site.page(f"/news/{story.slug}", news_page(story, base=site.base))
    feed = site.page("/feed.xml", rss_feed(site.base), content_type="application/rss+xml")
    before = len(newsroom.repo.list_stories())
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        for imported in (3, 0):
            await pilot.press("i", *feed, "ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, StoriesScreen)
            assert len(app.screen.summaries) == before + 3
            assert f"{feed}: {imported} imported, {3 - imported} imported before" in [
                str(note.message) for note in app._notifications
            ]


async def test_escape_cancels_a_fetch_and_the_app_goes_on(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        with silent_server() as address:
            await pilot.press("i", *address, "ctrl+s")
            assert "Fetching" in app.activity
            await pilot.press("escape")
            assert app.activity == ""
            assert isinstance(app.screen, StoriesScreen)
            # The app answers keys while the cancelled fetch is still waiting for the server.
            await pilot.press("question_mark")
            assert not isinstance(app.screen, StoriesScreen)
            await pilot.press("escape")
        # The server closed: the abandoned fetch ends without bringing anything back.
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        assert len(newsroom.repo.list_stories()) == len(app.screen.summaries)


async def test_pasted_html_is_read_as_a_page(newsroom: Workspace) -> None:
    ferry = STORIES[2]
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        app.screen.query_one("#pasted", TextArea).load_text(news_page(ferry))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        story = newsroom.repo.get_story(app.screen.story_id)
        assert (story.title, story.outlet, story.source_file) == (ferry.headline, OUTLET, "pasted text")
        assert "Share on Facebook" not in story.body
