"""What a test sees of the app's terminal: the characters on screen, or those inside one widget."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable


def screen_text(app: App) -> str:
    """What the terminal would show, character by character (the top screen, with any toasts)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def text_in(app: App, region: Region) -> str:
    """The characters shown inside ``region`` of the screen, its lines joined by single spaces:
    text wrapped over several lines reads as one line again."""
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return words(" ".join(line[region.x : region.right] for line in lines))


def words(text: str) -> str:
    return " ".join(text.split())


async def after_refresh(widget: Widget) -> None:
    """Return once ``widget`` has been refreshed: End scrolls a page only then, once its full
    height is laid out, so a test reads the page after that, not after a guessed pause."""
    await asyncio.wait_for(widget.wait_for_refresh(), timeout=10)


def cell_text(table: DataTable, row: str, column: str) -> str:
    """What a list shows in one cell: "" also when the column is not shown (a list leaves out a
    column that no row has anything in)."""
    if column not in table.columns:
        return ""
    cell = table.get_cell(row, column)
    return cell.plain if isinstance(cell, Text) else str(cell)
