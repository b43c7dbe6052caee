"""o orders a story's claims best score first and back to the story's order; the line above the
list says which, and n / N (and ] [ on a claim) follow the order on screen."""

from __future__ import annotations

from textual.widgets import Static

from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen

SIZE = (80, 24)


def rows(screen: ClaimsScreen) -> list[str]:
    table = screen.table
    return [table.coordinate_to_cell_key((row, 0)).row_key.value or "" for row in range(table.row_count)]


def head(screen: ClaimsScreen) -> str:
    return str(screen.query_one("#story-head", Static).render())


async def test_o_sorts_by_score_and_n_follows_the_order_shown(workspace: Workspace, strike_story) -> None:
    _story, claims = strike_story
    by_score = [claim.id for claim in sorted(claims, key=lambda claim: -claim.score)]
    assert by_score != [claim.id for claim in claims]
    worthy = [claim_id for claim_id in by_score if next(c for c in claims if c.id == claim_id).checkworthy]
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        assert "· story order ·" in head(screen)
        await pilot.press("o")
        assert rows(screen) == by_score
        assert "· by score ·" in head(screen)
        await pilot.press("g", "n")
        assert screen.table.current_key() == worthy[1]
        await pilot.press("n", "N", "N")
        assert screen.table.current_key() == worthy[0]
        # The claim opened from the sorted list steps through it in the same order.
        await pilot.press("enter", "n")
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == worthy[1]
        await pilot.press("escape")
        # Back to the story's order, the cursor on the claim it was on.
        await pilot.press("o")
        assert rows(screen) == [claim.id for claim in claims]
        assert screen.table.current_key() == worthy[1]
        assert "· story order ·" in head(screen)


async def test_the_order_is_in_the_palette_and_kept_for_the_next_story(workspace: Workspace, strike_story) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        await pilot.press("ctrl+p", *"best score first", "enter")
        assert "· by score ·" in head(screen)
        await pilot.press("escape", "enter")
        reopened = app.screen
        assert isinstance(reopened, ClaimsScreen) and reopened is not screen
        assert "· by score ·" in head(reopened)
        await pilot.press("ctrl+p", *"story order", "enter")
        assert "· story order ·" in head(reopened)
