"""A claim's history in words: the same sentence in the CLI's `show` and the TUI's history pane."""

from __future__ import annotations

from typing import Any

from factcheck_tui.core.models import Change
from factcheck_tui.core.text import one_line

SHOWN_CHARS = 40


def _short(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return "—" if value is None or value == "" else one_line(str(value), SHOWN_CHARS)


def _label(item: dict[str, Any]) -> str:
    return f"{item.get('id', '?')} ({_short(item.get('source') or item.get('url') or item.get('note'))})"


def _evidence_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    if old is None and new is not None:
        return f"evidence: added {_label(new)}"
    if new is None and old is not None:
        return f"evidence: removed {_label(old)}"
    return f"evidence: edited {_label(new or {})}"


def describe_change(change: Change) -> str:
    """What one history entry did, without its time and author: "verdict: — → False"."""
    if change.field == "created":
        return "created the claim"
    if change.field == "evidence":
        return _evidence_change(change.old, change.new)
    return f"{change.field}: {_short(change.old)} → {_short(change.new)}"
