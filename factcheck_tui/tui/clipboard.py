"""Copying for the reviewer: through the terminal (OSC 52, Textual's ``copy_to_clipboard``), which
reaches the clipboard of the reviewer's own computer even when the app runs over SSH."""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen

from factcheck_tui.core.models import Claim
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


def copy_selection(screen: Screen) -> bool:
    """Text selected with the mouse is what the copy key copies, as anywhere in Textual."""
    selected = screen.get_selected_text()
    if not selected:
        return False
    copy(screen.app, "the selected text", selected)
    return True


def copy_claim_id(screen: Screen, claim: Claim | None) -> None:
    """The copy key wherever a claim is under the cursor (the claims list, my queue, the reading view)."""
    if copy_selection(screen):
        return
    if claim is None:
        screen.app.notify("No claim here to copy", timeout=2)
        return
    copy(screen.app, "claim id", claim.id)
