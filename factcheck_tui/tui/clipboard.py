"""Copying for the reviewer: through the terminal (OSC 52, Textual's ``copy_to_clipboard``), which
reaches the clipboard of the reviewer's own computer even when the app runs over SSH."""

from __future__ import annotations

from textual.app import App

from factcheck_tui.core.text import copyable, one_line

# A terminal (or tmux) may refuse OSC 52: the app cannot tell, so the line says what it needs.
NEEDS = "your terminal must allow OSC 52"
# Enough of a long link to recognise it, while the line still fits a notification at 80 columns.
SHOWN_CHARS = 48


def copy(app: App, what: str, value: str) -> str:
    """Copy ``value`` (as one line, no control characters), say so in one line, and return what was copied."""
    text = copyable(value)
    app.copy_to_clipboard(text)
    app.notify(f"Copied {what} {one_line(text, SHOWN_CHARS)} to the clipboard ({NEEDS})", timeout=4)
    return text
