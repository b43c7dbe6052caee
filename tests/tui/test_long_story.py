"""A long story (a debate transcript runs to 5,000 claims) stays legible and quick to review."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events

from factcheck_tui.core.config import Config
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.formatting import progress_text
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.widgets.fit_table import FitTable

SIZE = (80, 24)
CLAIMS = 5001


def long_story(root: Path, count: int = CLAIMS) -> Workspace:
    workspace = Workspace(Config(reviewer="ana"), root / "config.toml", root / "db")
    sentences = [f"Speaker {n % 7} said fares rose {n % 90 + 1} percent in {2000 + n % 25}." for n in range(count)]
    body = " ".join(sentences)
    claims, offset = [], 0
    for text in sentences:
        claims.append(
            Claim(id="", story_id="", number=0, text=text, start=offset, end=offset + len(text), checkworthy=True)
        )
        offset += len(text) + 1
    workspace.repo.add_story(Story(id="d3bat", title="The whole debate", body=body), claims, "ana")
    return workspace


def test_counts_stay_whole_and_the_bar_makes_room() -> None:
    assert progress_text(0, 5001, cell=9, bar=4) == "░░ 0/5001"
    assert progress_text(12, 25001, cell=9, bar=4) == "12/25001"
    assert progress_text(3, 5, cell=9, bar=4) == "██░░ 3/5"


async def test_the_stories_list_shows_every_number_whole_and_typed_ahead_verdicts_all_land(tmp_path: Path) -> None:
    workspace = long_story(tmp_path)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#stories", FitTable)
        shown = [table.get_cell("d3bat", column).plain for column in ("claims", "progress")]
        assert shown == [str(CLAIMS), f"░░ 0/{CLAIMS}"]
        app.push_screen(ClaimsScreen("d3bat"))
        await pilot.pause()
        await app.keys_settled.wait()
        for key in ["v", "1", "j", "v", "2", "j", "v", "3"]:
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await app.keys_settled.wait()
        verdicts = [claim.verdict for claim in workspace.repo.list_claims("d3bat")[:3]]
        assert verdicts == [label.label for label in workspace.scale.labels[:3]]
        rows = app.screen.query_one("#claims", FitTable)
        assert [str(rows.get_cell(f"d3bat-{n}", "verdict")) for n in (1, 2, 3)] == verdicts


async def test_verdicts_typed_ahead_are_saved_while_the_duplicate_index_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Matching a whole long story keeps the duplicate index busy for a minute; saves must not
    wait for it. Here the index stays busy until the test lets it go: every verdict typed ahead
    lands on the claim the cursor was on, and the index catches up afterwards."""
    workspace = long_story(tmp_path, 300)
    index_free = threading.Event()
    # Should a save wait for the index after all, it is let go after a while, and the test fails below.
    guard = threading.Timer(60, index_free.set)
    folded_in: list[str] = []
    all_folded_in = asyncio.Event()
    update = MatchIndex.update
    loop = asyncio.get_running_loop()

    def busy_update(index: MatchIndex, digest: Any) -> None:
        index_free.wait()
        update(index, digest)
        folded_in.append(digest.id)
        if len(folded_in) == 3:
            loop.call_soon_threadsafe(all_folded_in.set)

    monkeypatch.setattr(MatchIndex, "update", busy_update)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await app.index_loaded.wait()
        app.push_screen(ClaimsScreen("d3bat"))
        await pilot.pause()
        await app.keys_settled.wait()
        guard.start()
        for key in ["j", "v", "1", "j", "v", "2", "j", "v", "3"]:
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await app.keys_settled.wait()
        assert not index_free.is_set(), "a save waited for the busy duplicate index"
        stored = {claim.number: claim.verdict for claim in workspace.repo.list_claims("d3bat")[:5]}
        labels = [label.label for label in workspace.scale.labels[:3]]
        assert stored == {1: None, 2: labels[0], 3: labels[1], 4: labels[2], 5: None}
        index_free.set()
        guard.cancel()
        await all_folded_in.wait()
        assert sorted(folded_in) == ["d3bat-2", "d3bat-3", "d3bat-4"]
