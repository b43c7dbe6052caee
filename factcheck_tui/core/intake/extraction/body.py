"""The stored body: one canonical form of an article's text that claim offsets index into."""

from __future__ import annotations

import re
import unicodedata

from factcheck_tui.core.text import clean_text

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUN = re.compile(r"\n{3,}")
_TERMINAL = tuple(".!?:;\"'”’)]»…")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
WRAP_MIN_LINES = 3


def normalise_body(text: str) -> str:
    """NFC, Unix newlines, single spaces, at most one blank line between paragraphs.

    Hard-wrapped paragraphs (e-mail, wire copy at 72 columns) are joined into one line each, so
    that a sentence is never cut by a line break that was only there for layout.
    """
    text = unicodedata.normalize("NFC", clean_text(text)).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    paragraphs = "\n".join(lines).strip("\n")
    paragraphs = _BLANK_RUN.sub("\n\n", paragraphs)
    return "\n\n".join(_unwrap(paragraph) for paragraph in paragraphs.split("\n\n"))


def _unwrap(paragraph: str) -> str:
    lines = paragraph.split("\n")
    if len(lines) < 2:
        return paragraph
    if _looks_hard_wrapped(lines):
        return " ".join(lines)
    joined = [lines[0]]
    for line in lines[1:]:
        # A line that ends mid-sentence followed by one that starts in lower case is a wrap.
        if not joined[-1].endswith(_TERMINAL) and line[:1].islower():
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)


def _looks_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < WRAP_MIN_LINES:
        return False
    widths = [len(line) for line in lines[:-1]]
    widest = max(widths)
    return 50 <= widest <= 100 and all(widest - 25 <= width for width in widths)
