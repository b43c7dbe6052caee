"""Text shown in a fixed width: one line, cut with an ellipsis. The CLI, the TUI and history use it."""

from __future__ import annotations


def one_line(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"
