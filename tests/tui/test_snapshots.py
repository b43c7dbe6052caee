"""Every screen at 80x24 and 60x20, as a reviewer sees it, and a long, fully reviewed claim (long
text, five evidence items, fifteen history entries) scrolled through at both sizes.

Regenerate with --snapshot-update after a deliberate change, and look at the pictures you accept."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from support.long_claim import build_long_claim_story
from support.newsrooms import build_screen_newsroom

SIZES = {"80x24": (80, 24), "60x20": (60, 20)}


@pytest.fixture(autouse=True)
def _fixed_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export dialog suggests a folder under home: the same one on every machine."""
    monkeypatch.setenv("HOME", "/home/maria")


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """As over SSH: no display, so "open link" shows the link to copy, on every machine."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 52000 10.0.0.1 22")


@pytest.fixture
def app(tmp_path: Path):
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    return create_app(Workspace(Config(reviewer="maria"), tmp_path / "config.toml", root))


# Each entry: the keys that lead to the screen from the stories list.
SCREENS = {
    "stories": [],
    "stories_help": ["question_mark"],
    "stories_search": ["slash", *"port"],
    "import_dialog": ["i"],
    "export_dialog": ["x"],
    "claims": ["j", "enter"],
    "claims_filter_menu": ["j", "enter", "f"],
    "claims_filtered_unreviewed": ["j", "enter", "f", "down", "down", "enter"],
    "verdict_picker": ["j", "enter", "n", "v"],
    "claim_detail": ["j", "enter", "n", "n", "n", "n", "enter"],
    "claim_detail_reviewed": ["j", "enter", "f", *["down"] * 7, "enter", "enter"],
    "evidence_form": ["j", "enter", "n", "enter", "e"],
    "claim_help": ["j", "enter", "n", "enter", "question_mark"],
    "duplicates": ["j", "j", "enter", "down", "down", "d"],
    "duplicates_scrolled": ["j", "j", "enter", "down", "down", "d", "space"],
    "duplicates_copy_question": ["j", "j", "enter", "down", "down", "d", "y"],
    "duplicates_rejected": ["j", "j", "enter", "down", "down", "d", "r", "R"],
    "claim_detail_checked_before": ["j", "j", "enter", "down", "down", "enter"],
    "clusters": ["C"],
    "story_dialog": ["e"],
    "delete_story_confirm": ["delete"],
    "queue": ["w"],
    "claim_text_dialog": ["j", "enter", "t"],
    "speaker_prompt": ["j", "enter", "p"],
    "story_reader": ["j", "enter", "r"],
}

# The long claim, from the stories list: its story's claims, the claim's page, its evidence, an
# evidence link opened with no browser here, the end of its history, the story read in full,
# maria's queue (the claim is hers), and the verdict picker, which shows the long claim whole.
LONG_CLAIM_SCREENS = {
    "queue": ["w"],
    "claims": ["enter"],
    "claim": ["enter", "enter"],
    "verdict_picker": ["enter", "v"],
    "evidence": ["enter", "enter", "j", "j", "j", "j"],
    "evidence_link": ["enter", "enter", "j", "j", "j", "j", "o"],
    "history_end": ["enter", "enter", "end"],
    "reader": ["enter", "enter", "r"],
}


def driven(keys: list[str]):
    """Press the keys one by one, letting background work (index, matches) finish after each,
    so that a snapshot never depends on how fast a worker happened to be."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


async def settle(pilot) -> None:
    await asyncio.wait_for(pilot.app.index_loaded.wait(), timeout=60)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    # A blinking text cursor is drawn or not depending on when the picture is taken: on a busy
    # machine that alone changed the pictures of screens with a text field.
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    # So is a toast: it times out after a few seconds, which a loaded machine may or may not reach.
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("name", SCREENS)
def test_screen(snap_compare, app, name: str) -> None:
    assert snap_compare(app, run_before=driven(SCREENS[name]), terminal_size=(80, 24))


@pytest.mark.parametrize("name", SCREENS)
def test_screen_at_60_by_20(snap_compare, app, name: str) -> None:
    assert snap_compare(app, run_before=driven(SCREENS[name]), terminal_size=SIZES["60x20"])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", LONG_CLAIM_SCREENS)
def test_long_claim(snap_compare, tmp_path: Path, name: str, size: str) -> None:
    build_long_claim_story(tmp_path / "newsroom")
    app = create_app(Workspace(Config(reviewer="maria"), tmp_path / "config.toml", tmp_path / "newsroom"))
    assert snap_compare(app, run_before=driven(LONG_CLAIM_SCREENS[name]), terminal_size=SIZES[size])


def test_stories_at_200_by_60(snap_compare, app) -> None:
    assert snap_compare(app, run_before=driven([]), terminal_size=(200, 60))


@pytest.mark.parametrize("name", ["stories", "claims"])
def test_list_at_120_by_40(snap_compare, app, name: str) -> None:
    """Wide enough for every column: the claims list names the speakers."""
    assert snap_compare(app, run_before=driven(SCREENS[name]), terminal_size=(120, 40))


def test_claims_in_light_theme(snap_compare, app) -> None:
    assert snap_compare(app, run_before=driven(["ctrl+t", "j", "enter"]), terminal_size=(80, 24))


def test_claims_without_colour(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    build_screen_newsroom(tmp_path / "newsroom")
    app = create_app(Workspace(Config(reviewer="maria"), tmp_path / "config.toml", tmp_path / "newsroom"))
    assert app.no_color
    assert snap_compare(app, run_before=driven(["j", "enter", "n"]), terminal_size=(80, 24))
