"""One scrollable claim screen, with the claim's paragraph, and the whole story to read around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from factcheck_tui.core.config import Config
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.story_reader import StoryReader
from factcheck_tui.tui.widgets.page import Page
from support.long_story import STORY_ID, long_story_workspace
from support.screen import after_refresh, text_in, words

SIZES = [(80, 24), (60, 20)]
SECTIONS = ("#claim-text", "#claim-paragraph", "#claim-rank", "#conclusion", "#evidence", "#history")


def _app(tmp_path: Path):
    return create_app(long_story_workspace(tmp_path))


def _lines_in_view(page: Page, top: int, bottom: int) -> bool:
    """Whether lines [top, bottom) of the page's content are on screen."""
    return page.scroll_y <= top and bottom <= page.scroll_y + page.scrollable_content_region.height


def _in_view(page: Page, widget: Widget) -> bool:
    place = widget.virtual_region
    return _lines_in_view(page, place.y, place.bottom)


def _partly_in_view(page: Page, widget: Widget) -> bool:
    place = widget.virtual_region
    return place.y < page.scroll_y + page.scrollable_content_region.height and page.scroll_y < place.bottom


def _plain(widget: Widget) -> str:
    """What a Static shows, as plain text."""
    return widget.content.plain


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_every_section_of_a_claim_is_in_reach_of_the_keys(tmp_path: Path, size: tuple[int, int]) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", *"jjjjj", "delete", "v", "5", "enter")
        screen = app.screen
        assert isinstance(screen, ClaimScreen) and screen.claim_id == f"{STORY_ID}-7"
        page = screen.query_one("#claim-body", Page)
        history = screen.query_one("#history")
        assert not _in_view(page, history)
        await pilot.press("end")
        await after_refresh(page)
        assert page.scroll_y == page.max_scroll_y > 0
        assert _plain(history).rstrip().endswith("created the claim")
        assert _in_view(page, history)
        await pilot.press("g")
        await pilot.pause()
        assert page.scroll_y == 0 and _in_view(page, screen.query_one("#claim-text"))
        # space pages down until the bottom, through every section.
        seen = set()
        for _ in range(20):
            seen |= {name for name in SECTIONS if _partly_in_view(page, screen.query_one(name))}
            await pilot.press("space")
            await pilot.pause()
        assert page.scroll_y == page.max_scroll_y
        assert seen == set(SECTIONS)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_j_and_k_move_the_evidence_cursor_and_bring_its_row_into_view(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", "enter")
        screen = app.screen
        page = screen.query_one("#claim-body", Page)
        table = screen.query_one("#evidence")
        assert not table.show_cursor, "nothing is highlighted before j or k"
        # The first j highlights the first item; each next one moves down.
        await pilot.press(*"jjjjj")
        assert table.show_cursor and table.current_key() == "e5"
        row = table.virtual_region.y + 1 + table.cursor_row
        assert _lines_in_view(page, row, row + 1)
        await pilot.press("home", *"kkk")
        assert table.current_key() == "e2"
        row = table.virtual_region.y + 1 + table.cursor_row
        assert _lines_in_view(page, row, row + 1)
        # enter edits the item under the cursor.
        await pilot.press("enter")
        assert app.screen.__class__.__name__ == "EvidenceForm"


async def test_the_claim_screen_shows_the_paragraph_and_p_sets_the_speaker(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "j", "enter")
        screen = app.screen
        paragraph = _plain(screen.query_one("#claim-paragraph"))
        assert "Officials blamed a two-week closure" in paragraph and "cargo volumes fell" in paragraph
        await pilot.press("p", *"Harbour authority", "enter")
        assert app.workspace.repo.get_claim(f"{STORY_ID}-2").speaker == "Harbour authority"
        assert "Harbour authority" in _plain(screen.query_one("#claim-text"))


async def test_the_reading_view_marks_every_claim_and_opens_the_one_under_the_cursor(tmp_path: Path) -> None:
    app = _app(tmp_path)
    app.no_color = True
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "v", "5", "j", "enter", "r")
        reader = app.screen
        assert isinstance(reader, StoryReader) and reader.cursor == f"{STORY_ID}-2"
        text = "".join(_plain(widget) for widget in reader.query(".reader-paragraph"))
        # Without colour the verdict still shows: claim 1 is False (✗), the others still to check (?).
        assert "[1✗]The harbour authority" in text.replace("\n", " ")
        assert [number for number in range(2, 13) if f"[{number}?]" not in text] == [], text
        await pilot.press("j", "j", "enter")
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == f"{STORY_ID}-4"
        # r from there goes back to the reading view, its cursor on the claim just read.
        await pilot.press("right_square_bracket", "r")
        assert app.screen is reader and reader.cursor == f"{STORY_ID}-5"


def _one_long_claim(tmp_path: Path, text: str):
    root = tmp_path / "newsroom"
    workspace = Workspace(Config(reviewer="tester"), tmp_path / "config.toml", root)
    claim = Claim(id="", story_id="", number=0, text=text, start=0, end=len(text), checkworthy=True)
    _, claims = workspace.repo.add_story(Story(id="", title="A long quote", body=text), [claim], "tester")
    return create_app(workspace), claims[0].id


async def test_a_20000_character_claim_reads_whole_on_its_screen(tmp_path: Path) -> None:
    text = " ".join(f"w{n:05d}" for n in range(3000))[:20_000]
    app, claim_id = _one_long_claim(tmp_path, text)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ClaimScreen(claim_id.split("-")[0], claim_id, [claim_id]))
        await pilot.pause()
        page = app.screen.query_one("#claim-body", Page)
        claim_text = app.screen.query_one("#claim-text")
        assert " ".join(_plain(claim_text).split()) == text
        place = claim_text.virtual_region
        assert place.height >= len(text) // 80
        # Space pages through it: every one of its lines comes into view.
        seen: set[int] = set()
        while True:
            top = page.scroll_y
            seen |= set(range(int(top), int(top) + page.scrollable_content_region.height))
            await pilot.press("space")
            await pilot.pause()
            if page.scroll_y == top:
                break
        assert set(range(place.y, place.bottom)) <= seen


async def test_at_40x10_the_claim_screen_still_shows_the_claim(tmp_path: Path) -> None:
    text = "The mayor said bus fares rose by 40 percent in the last two years."
    app, claim_id = _one_long_claim(tmp_path, text)
    async with app.run_test(size=(40, 10)) as pilot:
        app.push_screen(ClaimScreen(claim_id.split("-")[0], claim_id, [claim_id]))
        await pilot.pause()
        claim_text = app.screen.query_one("#claim-text")
        shown = claim_text.region.intersection(app.screen.region)
        assert shown.height >= 1 and shown.width >= 20
        first_line = claim_text.render_line(0).text
        assert first_line.strip() and text.startswith(first_line.strip()[:10])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_the_reading_view_brings_the_whole_claim_under_its_cursor_into_view(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", "r")
        reader = app.screen
        assert isinstance(reader, StoryReader)
        page = reader.query_one("#story-page", Page)
        # Laid out first: a j typed before that scrolls once the paragraphs have their lines.
        await after_refresh(page)
        texts = {claim.id: claim.text for claim in app.repo.list_claims(STORY_ID)}
        for _ in range(len(texts) - 1):
            await pilot.press("j")
            await after_refresh(page)
            assert words(texts[reader.cursor]) in text_in(app, page.scrollable_content_region), reader.cursor
