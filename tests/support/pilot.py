"""Driving the app's timers from a test, without waiting for them."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot

from factcheck_tui.tui.app import FactcheckApp


async def changes_seen(pilot: Pilot[None]) -> None:
    """Run the app's watcher now (what its two-second timer does) and wait until every open
    screen, not only the one on top, has handled the messages it posted."""
    app = pilot.app
    assert isinstance(app, FactcheckApp)
    app.check_for_changes()
    handled = []
    for screen in app.screen_stack:
        event = asyncio.Event()
        # A callback queued behind the watcher's messages runs once they are handled.
        screen.call_later(event.set)
        handled.append(event.wait())
    await asyncio.gather(*handled)
    await pilot.pause()
