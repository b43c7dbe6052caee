"""How the tests drive the app: the pilot, made to wait for what the app has really done.

Textual's pilot guesses when a key has been handled: after every key it sleeps in 20 ms steps
until the process's CPU time stops advancing, at least 40 ms a key, so typing a path or a
conclusion costs seconds of doing nothing. The guess is also wrong on a busy machine: a process
that gets no CPU for one sleep looks idle with keys still to handle. Our app knows exactly:
``TypeAheadApp`` handles keys one after another and sets ``keys_settled`` once the last has run
its course. So the pilot sleeps in 2 ms steps, and ``press`` returns only once the keys have settled
and the screen has handled what they set off.

Text cursors do not blink in tests: whether a snapshot caught the cursor on or off would depend
on how long the machine took to get there.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
import textual._wait
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from factcheck_tui.tui.type_ahead import TypeAheadApp

IDLE_SLEEP_SECONDS = 0.002


@pytest.fixture(autouse=True)
def _pilot_waits_for_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", IDLE_SLEEP_SECONDS)
    monkeypatch.setattr(textual._wait, "SLEEP_IDLE", IDLE_SLEEP_SECONDS / 20)
    monkeypatch.setattr(Pilot, "press", _settling(Pilot.press))
    monkeypatch.setattr(Input, "_toggle_cursor", _steady)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", _steady)


def _steady(widget: Input | TextArea) -> None:
    """The blink timer's tick, doing nothing: the cursor stays as typing left it."""


def _settling(press: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    async def press_until_settled(pilot: Pilot, *keys: str) -> None:
        await press(pilot, *keys)
        if isinstance(pilot.app, TypeAheadApp):
            await pilot.app.keys_settled.wait()
            await pilot._wait_for_screen()

    return press_until_settled
