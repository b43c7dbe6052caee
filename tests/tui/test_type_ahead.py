"""Keys that arrive in one burst (a fast typist, a laggy SSH link) are handled in order, each
after the screen or focus change of the one before."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.import_dialog import ImportDialog
from factcheck_tui.tui.type_ahead import TypeAheadApp
from support.newsrooms import build_screen_newsroom

SIZE = (80, 24)
NAMED_KEYS = {"enter", "tab", "escape", "slash"}


@pytest.fixture
def newsroom(tmp_path: Path) -> Workspace:
    root = tmp_path / "newsroom"
    build_screen_newsroom(root)
    return Workspace(Config(reviewer="ana"), tmp_path / "config.toml", root)


async def burst(app: App, pilot, keys: list[str]) -> None:
    """Every key in the app's queue before the first is handled, as one read from a terminal gives them."""
    for key in keys:
        character = {"enter": "\r", "tab": "\t", "escape": "\x1b", "slash": "/", "ctrl+p": None}.get(key, key)
        app.post_message(events.Key(key, character))
    await pilot.pause()
    await app.keys_settled.wait()


async def test_a_path_typed_straight_after_i_goes_into_the_import_dialog(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await burst(app, pilot, ["i", *"ferry.txt", "tab", "tab", *"Strike", "tab", *"Wire"])
        assert isinstance(app.screen, ImportDialog)
        assert [app.screen.query_one(f"#{name}", Input).value for name in ("path", "title", "outlet")] == [
            "ferry.txt",
            "Strike",
            "Wire",
        ]


async def test_open_a_claim_and_set_its_verdict_in_one_burst(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await burst(app, pilot, ["j", "enter", "j", "enter", "v", "3"])
        assert isinstance(app.screen, ClaimScreen)
        claim = newsroom.repo.get_claim(app.screen.claim_id)
        assert claim.verdict == newsroom.scale.labels[2].label


async def test_a_search_ended_with_enter_does_not_swallow_the_next_key(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await burst(app, pilot, ["slash", *"port", "enter", "j"])
        search = app.screen.query_one(Input)
        assert search.value == "port"
        assert not search.has_focus


async def test_a_command_chosen_in_the_palette_gets_the_keys_typed_after_it(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        await burst(app, pilot, ["ctrl+p", *"import", "enter", *"ferry.txt"])
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.query_one("#path", Input).value == "ferry.txt"


async def test_a_path_pasted_straight_after_i_goes_into_the_import_dialog(newsroom: Workspace) -> None:
    app = create_app(newsroom)
    async with app.run_test(size=SIZE) as pilot:
        app.post_message(events.Key("i", "i"))
        app.post_message(events.Paste("/home/ana/ferry.txt"))
        await pilot.pause()
        await app.keys_settled.wait()
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.query_one("#path", Input).value == "/home/ana/ferry.txt"


async def test_text_typed_into_the_editor_goes_straight_in_and_the_next_command_still_waits(
    newsroom: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A character in a text field moves nothing, so it does not wait for the app to settle (that
    cost a fast typist ~6 ms a key); escape after it is a command and still does."""
    app = create_app(newsroom)
    waited: list[str] = []
    send_in_flight = TypeAheadApp._send_in_flight

    async def counted(self: TypeAheadApp, event: events.Key | events.Paste) -> None:
        waited.append(getattr(event, "key", "paste"))
        await send_in_flight(self, event)

    monkeypatch.setattr(TypeAheadApp, "_send_in_flight", counted)
    async with app.run_test(size=SIZE) as pilot:
        await burst(app, pilot, ["j", "enter", "enter", "c"])
        waited.clear()
        for char in "Port data":
            app.post_message(events.Key(char if char != " " else "space", char))
        app.post_message(events.Paste(" says otherwise."))
        await burst(app, pilot, ["escape", "v", "2"])
        assert waited == ["escape", "v", "2"]
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        claim = newsroom.repo.get_claim(screen.claim_id)
    assert claim.conclusion == "Port data says otherwise." and claim.verdict == newsroom.scale.labels[1].label
