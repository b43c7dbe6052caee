"""A terminal paste reaches the field whole, as text, even when it holds escape sequences.

The pilot cannot paste raw bytes, so these tests do what the app's driver does: feed the bytes a
terminal sends to the app's parser and post what it makes of them to the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import TextArea

from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.paste import PasteSafeDriver, PasteSafeParser
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.import_dialog import ImportDialog

SIZE = (80, 24)
START, END = "\x1b[200~", "\x1b[201~"
# Copied from a terminal with colours: every letter after an ESC used to become a key press,
# and "q" quits the app, "s" saves, "v" opens the verdicts.
COLOURED = "Tram fares \x1b[1;31mrose\x1b[0m by a third\rsaid the \x1b[32mquay\x1b[0m office\x07 on Friday."
TYPED = "Tram fares rose by a third\nsaid the quay office on Friday."


def _terminal_sends(data: str, chunk: int = 0) -> list[events.Message]:
    parser = PasteSafeParser()
    pieces = [data[start : start + chunk] for start in range(0, len(data), chunk)] if chunk else [data]
    return [message for piece in pieces for message in parser.feed(piece)]


async def _paste(pilot: Pilot[None], data: str) -> None:
    app = pilot.app
    assert isinstance(app, FactcheckApp)
    for message in _terminal_sends(data):
        app.post_message(message)
    await pilot.pause()
    await app.keys_settled.wait()
    await pilot.pause()


@pytest.mark.parametrize("chunk", [0, 1, 5])
def test_a_paste_with_escape_sequences_is_one_paste_of_clean_text(chunk: int) -> None:
    messages = _terminal_sends(f"a{START}{COLOURED}{END}b\x1b[A", chunk)
    assert [type(message) for message in messages] == [events.Key, events.Paste, events.Key, events.Key]
    assert [message.key for message in messages if isinstance(message, events.Key)] == ["a", "b", "up"]
    assert [message.text for message in messages if isinstance(message, events.Paste)] == [TYPED]


def test_a_paste_that_holds_a_lone_escape_or_the_start_marker_again_still_ends_at_its_end_marker() -> None:
    messages = _terminal_sends(f"{START}one\x1b{START}two\x1b\x1b[{END}q")
    assert [message.text for message in messages if isinstance(message, events.Paste)] == ["onetwo"]
    assert [message.key for message in messages if isinstance(message, events.Key)] == ["q"]


def test_the_app_reads_the_terminal_through_the_paste_safe_driver(workspace: Workspace) -> None:
    assert create_app(workspace).driver_class is PasteSafeDriver


async def test_pasting_coloured_text_into_the_import_dialog(workspace: Workspace) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "tab")
        await _paste(pilot, f"{START}{COLOURED}{END}")
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.query_one("#pasted", TextArea).text == TYPED
        assert app.is_running


async def test_pasting_coloured_text_into_a_conclusion(workspace: Workspace, strike_story, tmp_path: Path) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "n", "enter", "c")
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        await _paste(pilot, f"{START}{COLOURED}{END}")
        assert app.screen is screen and app.is_running
        await pilot.press("escape")
        assert workspace.repo.get_claim(screen.claim_id).conclusion == TYPED
