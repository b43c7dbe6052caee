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
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

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

# Line breaks first, so that a Windows or old Mac line end becomes a newline instead of vanishing.
_CONTROLS = re.compile(f"\r\n?|{_ESCAPE_SEQUENCE}|{_CONTROL}")
_UNSAFE = re.compile(f"{_ESCAPE_SEQUENCE}|{_CONTROL}|[{_BIDI}]|[{_ZERO_WIDTH}]")
_BIDI_CHAR = re.compile(f"[{_BIDI}]")


def _kept(found: re.Match[str]) -> str:
    return "\n" if found.group().startswith("\r") else ""


def clean_text(text: str) -> str:
    """Text to store: line breaks as ``\\n``, and no escape sequences or control characters."""
    if text.isprintable():
        return text
    return _CONTROLS.sub(_kept, text)


def clean_data(value: Any) -> Any:
    """``clean_text`` over every string (keys too) of parsed JSON or TOML: a feed, a backup, a config."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(key): clean_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_data(item) for item in value]
    return value


def clean_text_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """``clean_text``, and where each offset into ``text`` lands in the cleaned text (for claim spans)."""
    cleaned: list[str] = []
    # (start in text, end in text, start in cleaned, length kept) for each piece taken out or replaced.
    cuts: list[tuple[int, int, int, int]] = []
    position = 0
    length = 0
    for found in _CONTROLS.finditer(text):
        cleaned.append(text[position : found.start()])
        length += found.start() - position
        kept = _kept(found)
        cuts.append((found.start(), found.end(), length, len(kept)))
        cleaned.append(kept)
        length += len(kept)
        position = found.end()
    cleaned.append(text[position:])
    starts = [cut[0] for cut in cuts]

    def moved(offset: int) -> int:
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return offset
        start, end, new_start, kept = cuts[index]
        if offset < end:
            return new_start + min(offset - start, kept)
        return new_start + kept + (offset - end)

    return "".join(cleaned), moved


def _visible(found: re.Match[str]) -> str:
    character = found.group()
    return f"‹U+{ord(character):04X}›" if _BIDI_CHAR.fullmatch(character) else ""


def shown(text: str) -> str:
    """Text for a person to read: nothing that acts on a terminal, nothing that reorders or hides text."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_visible, text)


# In an editor, the invisible characters a story may keep (bidi controls, zero-width ones) stand as
# visible markers that ``from_editable`` turns back: editing a claim must neither let them act on
# the terminal nor swap the reviewer's real text for its display form.
_INVISIBLE = re.compile(f"[{_BIDI}{_ZERO_WIDTH}]")
_MARKER = re.compile("‹U\\+([0-9A-F]{4})›")


def editable(text: str) -> str:
    """Stored text as an editor shows it: every bidi or zero-width character as ``‹U+XXXX›``."""
    return _INVISIBLE.sub(lambda found: f"‹U+{ord(found.group()):04X}›", text)


def from_editable(text: str) -> str:
    """What an editor holds, as text to store: markers of invisible characters become them again
    (a marker naming any other character is text the reviewer typed, and stays)."""

    def character(found: re.Match[str]) -> str:
        original = chr(int(found.group(1), 16))
        return original if _INVISIBLE.fullmatch(original) else found.group()

    return _MARKER.sub(character, text)


def stored_offset(text: str, offset: int) -> int:
    """Where in ``text`` an offset into ``shown(text)`` falls (a split point picked on screen)."""
    return next((end for end in range(len(text) + 1) if len(shown(text[:end])) >= offset), len(text))


# JSON escapes C0 itself; DEL, C1, bidi and zero-width characters it leaves raw.
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI}{_ZERO_WIDTH}]")


def json_escaped(json_text: str) -> str:
    """JSON with DEL, C1, bidi and zero-width characters written as ``\\uXXXX``: the same data, but
    a terminal showing it cannot be made to act, reorder or hide anything."""
    return _JSON_RAW.sub(lambda found: f"\\u{ord(found.group()):04x}", json_text)


def one_line(text: str, width: int) -> str:
    """Text shown in a fixed width: one line, cut with an ellipsis. The CLI, the TUI and history use it."""
    # Cleaned before it is cut, so that a cut never leaves half an escape sequence behind.
    flat = " ".join(clean_text(text).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def copyable(text: str) -> str:
    """Text for the clipboard: one line with nothing that acts on a terminal or hides itself. A
    line break pasted into a shell would run what came before it, so none is ever copied."""
    return " ".join(shown(text).split())


_WORD = re.compile(r"\w+")


def wording(text: str) -> str:
    """A text's words, whatever their case, punctuation and spacing: equal for the same words."""
    return " ".join(_WORD.findall(text.casefold()))
