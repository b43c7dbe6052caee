"""The cursor keeps its place: when a row leaves a list, the row that took its place is under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen
from support.long_story import STORY_ID, long_story_workspace
from support.pilot import changes_seen

SIZE = (80, 24)


async def test_dismiss_then_rate_rates_the_claim_that_took_its_place(tmp_path: Path) -> None:
    workspace = long_story_workspace(tmp_path)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press(*"jjjjj", "delete", "v", "5")
        await pilot.pause()
        rated = {claim.id: claim.verdict for claim in workspace.repo.list_claims(STORY_ID, include_dismissed=True)}
        assert workspace.repo.get_claim(f"{STORY_ID}-6").dismissed
        assert {claim_id for claim_id, verdict in rated.items() if verdict} == {f"{STORY_ID}-7"}
        assert rated[f"{STORY_ID}-7"] == "False"
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimScreen)
        assert app.screen.claim_id == f"{STORY_ID}-7"


@pytest.mark.parametrize("refreshed", [False, True], ids=["as-left", "list-refreshed-meanwhile"])
async def test_back_from_a_claim_rated_under_a_filter_the_cursor_is_on_the_next(
    tmp_path: Path, refreshed: bool
) -> None:
    workspace = long_story_workspace(tmp_path)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        # Filter: unreviewed claims only (the third entry of the filter menu).
        await pilot.press("enter", "f", "down", "down", "enter")
        await pilot.press(*"jjjj", "enter")
        assert app.screen.claim_id == f"{STORY_ID}-5"
        await pilot.press("v", "5")
        if refreshed:
            # The watcher tells the list underneath that the story file changed while the claim is open.
            await changes_seen(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)
        assert app.screen.current_claim().id == f"{STORY_ID}-6"
        await pilot.press("p", *"Ines Calder", "enter")
        assert workspace.repo.get_claim(f"{STORY_ID}-6").speaker == "Ines Calder"
        assert workspace.repo.get_claim(f"{STORY_ID}-5").speaker is None


async def test_back_from_walking_with_brackets_the_cursor_is_on_the_claim_shown_last(tmp_path: Path) -> None:
    app = create_app(long_story_workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j", "enter", "right_square_bracket", "right_square_bracket", "escape")
        assert app.screen.current_claim().id == f"{STORY_ID}-4"


async def test_the_last_row_leaving_puts_the_cursor_on_the_one_before(tmp_path: Path) -> None:
    workspace = long_story_workspace(tmp_path)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "end", "delete")
        assert app.screen.current_claim().id == f"{STORY_ID}-11"
        # Undo brings claim 12 back; the cursor stays where the reviewer is.
        await pilot.press("u")
        assert not workspace.repo.get_claim(f"{STORY_ID}-12").dismissed
        assert app.screen.current_claim().id == f"{STORY_ID}-11"


async def test_a_colleagues_change_that_hides_the_row_moves_the_cursor_to_the_next(tmp_path: Path) -> None:
    from factcheck_tui.core.workflow import claim_edits

    workspace = long_story_workspace(tmp_path)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j", "j")
        screen = app.screen
        assert screen.current_claim().id == f"{STORY_ID}-3"
        claim_edits.dismiss_claim(workspace.repo, f"{STORY_ID}-3", actor="colleague")
        await changes_seen(pilot)
        assert screen.current_claim().id == f"{STORY_ID}-4"


async def test_merging_keeps_the_cursor_on_the_merged_claim(tmp_path: Path) -> None:
    app = create_app(long_story_workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j", "j", "m")
        assert app.screen.current_claim().id == f"{STORY_ID}-3"


async def test_deleting_a_story_puts_the_cursor_on_the_next_story(tmp_path: Path) -> None:
    from support.newsrooms import build_screen_newsroom

    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    app = create_app(Workspace(Config(reviewer="tester"), tmp_path / "config.toml", root))
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.table
        order = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        await pilot.press("j", "delete", "y")
        assert table.current_key() == order[2]


def test_successor_is_the_next_row_still_listed_else_the_one_before() -> None:
    from factcheck_tui.tui.widgets.fit_table import successor

    before = ["a", "b", "c", "d", "e"]
    assert successor(before, ["a", "b", "c", "d", "e"], "c") == "c"
    assert successor(before, ["a", "b", "d", "e"], "c") == "d"
    assert successor(before, ["a", "b", "e"], "c") == "e"
    assert successor(before, ["a", "b"], "c") == "b"
    assert successor(before, ["x"], "c") == "x"
    assert successor(before, [], "c") is None
