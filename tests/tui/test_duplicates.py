"""The duplicates screen, by keys alone against a real database: the earlier check in full before
any decision, a cancelled copy that changes nothing, and a rejected candidate brought back."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from factcheck_tui.core.config import Config
from factcheck_tui.core.matching.results import Decision
from factcheck_tui.core.workflow import review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.duplicates import DuplicatesScreen
from support.newsrooms import build_screen_newsroom
from support.screen import screen_text, words

EARLIER = "p0rt5-6"
# The earlier check gets five evidence items, each with a note of its own: all must be reachable.
NOTES = [f"Ledger {number}: tonnage handled on day {number} of the strike" for number in range(2, 6)]
CONCLUSION = (
    "Port figures put the cost nearer $60 million a day. The $95 million figure counts cargo delayed, "
    "not lost, and counts the first day twice; the port authority's own daily ledgers, published each "
    "morning of the strike, never exceed $61 million. [Editor's note: figures rounded.]"
)


@pytest.fixture
def newsroom(tmp_path: Path) -> Workspace:
    root = tmp_path / "newsroom"
    repo = build_screen_newsroom(root)
    review.set_conclusion(repo, EARLIER, CONCLUSION, actor="maria")
    for number, note in enumerate(NOTES, start=2):
        review.add_evidence(
            repo,
            EARLIER,
            url=f"https://port.example/ledger/{number}",
            source=f"[Port] ledger {number}",
            note=note,
            actor="maria",
        )
    return Workspace(Config(reviewer="ana"), tmp_path / "config.toml", root)


def database_files(root: Path) -> dict[str, bytes]:
    """Every stored file but the duplicate index's cache, which the app may write at any time."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "cache" not in path.relative_to(root).parts and path.name != ".lock"
    }


async def settled(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()


def pane_text(screen: DuplicatesScreen) -> str:
    """Everything in the earlier-check pane, scrolled into view or not."""
    console = Console(width=100, record=True)
    console.print(screen.query_one("#dupes-earlier", Static).content)
    return words(console.export_text())


async def open_duplicates(app, pilot) -> DuplicatesScreen:
    """The week-two story's "$95 million every day" claim, whose earlier check is p0rt5-6."""
    await asyncio.wait_for(app.index_loaded.wait(), timeout=60)
    await settled(app, pilot)
    await pilot.press("j", "j", "enter")
    await settled(app, pilot)
    await pilot.press("down", "down", "d")
    await settled(app, pilot)
    screen = app.screen
    assert isinstance(screen, DuplicatesScreen)
    assert screen.current() is not None and screen.current().claim_id == EARLIER
    return screen


def pane_lines(app, pane) -> list[str]:
    region = pane.scrollable_content_region
    return [line[region.x : region.right] for line in screen_text(app).splitlines()[region.y : region.bottom]]


async def read_whole_check(app, pilot) -> str:
    """Every line of the earlier-check pane, read as a reader does: a page with space, then, from
    inside the pane (tab), line by line with j to its end."""
    pane = app.screen.query_one("#dupes-detail")
    await pilot.press("space")
    assert pane.scroll_y == pane.content_region.height or pane.scroll_y == pane.max_scroll_y > 0
    await pilot.press("pageup", "tab")
    assert pane.has_focus and pane.scroll_y == 0
    lines = pane_lines(app, pane)
    while pane.scroll_y < pane.max_scroll_y:
        await pilot.press("j")
        await pilot.pause()
        lines.append(pane_lines(app, pane)[-1])
    return words(" ".join(lines))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_the_earlier_check_is_shown_in_full_before_any_decision(newsroom: Workspace, size) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=size) as pilot:
        await open_duplicates(app, pilot)
        first = words(screen_text(app))
        assert "Mostly false" in first and "checked 2026-01-13 by maria" in first
        pages = await read_whole_check(app, pilot)
        assert "Port of Ellery strike enters" not in pages  # this claim's own story is not the earlier one
        assert "Dockworkers vote to end 11-day strike at Port of Ellery" in pages
        assert words(CONCLUSION) in pages
        for note in ["Daily trade figures", *NOTES]:
            assert note in pages
        for number in range(2, 6):
            assert f"[Port] ledger {number}" in pages
            assert f"https://port.example/ledger/{number}" in pages
        # Nothing was decided by looking.
        assert newsroom.repo.links.all() == []


async def test_cancel_in_the_copy_question_links_nothing_and_undoes_nothing(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duplicates(app, pilot)
        # An unrelated change first: the verdict of the claim itself, which u must still undo afterwards.
        await pilot.press("v", "3")
        claim_id = screen.claim.id
        assert newsroom.repo.get_claim(claim_id).verdict is not None
        before, steps = database_files(newsroom.db_path), list(app.undo_stack)
        await pilot.press("y")
        assert isinstance(app.screen, ConfirmScreen)
        assert "escape Cancel: nothing is linked or copied" in words(screen_text(app))
        await pilot.press("escape")
        await settled(app, pilot)
        assert app.screen is screen
        assert database_files(newsroom.db_path) == before
        assert app.undo_stack == steps
        await pilot.press("u")
        assert newsroom.repo.get_claim(claim_id).verdict is None
        assert newsroom.repo.links.all() == []


async def test_link_without_copying_then_link_and_copy_each_undone_in_one_step(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duplicates(app, pilot)
        claim_id = screen.claim.id
        await pilot.press("y", "n")
        await settled(app, pilot)
        link = newsroom.repo.links.get(claim_id, EARLIER)
        assert link is not None and (link.decision, link.by) == (Decision.CONFIRMED, "ana")
        assert newsroom.repo.get_claim(claim_id).verdict is None
        assert screen.current() is not None and screen.current().confirmed
        assert "Confirmed as the same claim by ana" in words(screen_text(app))
        await pilot.press("u")
        await settled(app, pilot)
        assert newsroom.repo.links.all() == []

        await pilot.press("y", "c")
        await settled(app, pilot)
        copied = newsroom.repo.get_claim(claim_id)
        assert (copied.verdict, copied.copied_from, copied.conclusion) == ("Mostly false", EARLIER, CONCLUSION)
        assert len(copied.evidence) == 5
        assert newsroom.repo.links.get(claim_id, EARLIER) is not None
        steps = len(app.undo_stack)
        await pilot.press("u")
        await settled(app, pilot)
        assert len(app.undo_stack) == steps - 1
        restored = newsroom.repo.get_claim(claim_id)
        assert (restored.verdict, restored.evidence, restored.copied_from) == (None, [], None)
        assert newsroom.repo.links.all() == []


async def test_a_refused_copy_leaves_no_link(newsroom: Workspace) -> None:
    """Someone else changed the claim since the screen read it: the copy is refused, and the link with it."""
    app = create_app(newsroom)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duplicates(app, pilot)
        review.set_conclusion(newsroom.repo, screen.claim.id, "Ben's own note.", actor="ben")
        before = database_files(newsroom.db_path)
        await pilot.press("c")
        await settled(app, pilot)
        assert database_files(newsroom.db_path) == before
        assert app.undo_stack == []
        assert any("was changed by ben" in str(note.message) for note in app._notifications)


async def test_a_rejected_candidate_is_listed_and_restored(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_duplicates(app, pilot)
        claim_id = screen.claim.id
        await pilot.press("r")
        await settled(app, pilot)
        assert EARLIER not in [match.claim_id for match in screen.matches]
        assert "R rejected: 1" in words(screen_text(app))

        await pilot.press("R")
        # The rejected claim's check is read in a worker, as a candidate's is.
        await settled(app, pilot)
        assert f"Rejected for {claim_id}" in words(screen_text(app))
        # The pane as a whole: how much of it is on screen depends on where the hint line wraps.
        detail = pane_text(screen)
        assert "✗ Rejected by ana, just now, when matching gave" in detail
        assert "Mostly false" in detail and "Port figures put the cost nearer" in detail
        assert screen.current_rejected() is not None and screen.current_rejected().other_id == EARLIER
        # y and c do not act on a rejected claim; r restores it.
        await pilot.press("y", "c")
        assert newsroom.repo.links.get(claim_id, EARLIER).decision is Decision.REJECTED
        await pilot.press("r")
        await settled(app, pilot)
        assert newsroom.repo.links.all() == []
        assert screen.rejected == []
        assert f"No earlier claim was rejected for {claim_id}" in words(screen_text(app))

        # Undo rejects it again; escape goes back to the candidates, where it is missing once more.
        await pilot.press("u")
        await settled(app, pilot)
        assert newsroom.repo.links.get(claim_id, EARLIER).decision is Decision.REJECTED
        await pilot.press("escape")
        assert not screen.showing_rejected and app.screen is screen
        await pilot.press("R", "r", "escape")
        await settled(app, pilot)
        assert EARLIER in [match.claim_id for match in screen.matches]
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)


async def test_tab_moves_into_the_check_and_escape_steps_back_out(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_duplicates(app, pilot)
        page = screen.query_one("#dupes-detail")
        await pilot.press("tab")
        assert page.has_focus
        await pilot.press("j", "j")
        assert page.scroll_y == 2
        await pilot.press("g")
        assert page.scroll_y == 0
        await pilot.press("escape")
        assert screen.table.has_focus and app.screen is screen
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == EARLIER
