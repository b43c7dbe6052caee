"""A compact text bar, so that a verdict summary reads at a glance in any output format."""

from __future__ import annotations

BAR_WIDTH = 20


def text_bar(count: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * count / total) if total else 0
    if count and not filled:
        filled = 1
    return "█" * filled + "░" * (width - filled)
