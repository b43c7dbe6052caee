"""Text from outside (stories, feeds, notes, config) as data: cleaned on the way in, made safe on the way out.

A story can hold anything a web page or a wire feed can: terminal escape sequences that set the
window title or write the clipboard, bell and backspace characters, and invisible Unicode that
reorders or hides what a reviewer reads. ``clean_text`` runs on every intake path, so stored text
has no controls; ``shown`` runs on every human-facing output (CLI, TUI, reports), so text stored
before this rule existed, and the invisible characters that are legitimately kept, still cannot
act on the terminal or fool the eye.
"""

from __future__ import annotations

import re

# ESC or its 8-bit form, then the sequence's body: CSI with its parameters, or a string command
# (OSC, DCS, SOS, PM, APC) up to its terminator (BEL or ST), or a two-character escape. A string
# command left open stops at the line's end, so a stray ESC cannot swallow the rest of a story.
_ESCAPE_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 except tab and newline, DEL, and C1.
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
# Overrides and isolates that reorder a line (U+202A–202E, U+2066–2069): shown by name, so a
# reviewer sees that the text tried to reorder itself.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Zero-width characters and marks that hide a difference between two words: dropped.
_ZERO_WIDTH = "\u200b-\u200f\u2060-\u2064\ufeff\u061c\u180e"

_CONTROLS = re.compile(f"{_ESCAPE_SEQUENCE}|{_CONTROL}")
_UNSAFE = re.compile(f"{_ESCAPE_SEQUENCE}|{_CONTROL}|[{_BIDI}]|[{_ZERO_WIDTH}]")
_BIDI_CHAR = re.compile(f"[{_BIDI}]")


def clean_text(text: str) -> str:
    """Text to store: line breaks as ``\\n``, and no escape sequences or control characters."""
    if text.isprintable():
        return text
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _visible(found: re.Match[str]) -> str:
    character = found.group()
    return f"‹U+{ord(character):04X}›" if _BIDI_CHAR.fullmatch(character) else ""


def shown(text: str) -> str:
    """Text for a person to read: nothing that acts on a terminal, nothing that reorders or hides text."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_visible, text)


def stored_offset(text: str, offset: int) -> int:
    """Where in ``text`` an offset into ``shown(text)`` falls (a split point picked on screen)."""
    return next((end for end in range(len(text) + 1) if len(shown(text[:end])) >= offset), len(text))


def one_line(text: str, width: int) -> str:
    """Text shown in a fixed width: one line, cut with an ellipsis. The CLI, the TUI and history use it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"
