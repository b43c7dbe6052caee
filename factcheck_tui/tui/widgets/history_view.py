"""Who changed what and when, newest first."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from factcheck_tui.core.models import Change, Claim
from factcheck_tui.tui.formatting import one_line


def _value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if field == "evidence" and isinstance(value, list):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    return one_line(str(value), 40)


def change_line(change: Change) -> Text:
    line = Text(f"{change.at:%Y-%m-%d %H:%M} ", style="dim")
    line.append(change.by, style="bold")
    if change.field == "created":
        line.append(" created the claim")
    else:
        line.append(f" {change.field}: {_value(change.field, change.old)} → {_value(change.field, change.new)}")
    if change.note:
        line.append(f" ({change.note})", style="italic")
    return line


class HistoryView(Static):
    def show(self, claim: Claim, limit: int = 12) -> None:
        lines = [change_line(change) for change in reversed(claim.history[-limit:])]
        if len(claim.history) > limit:
            lines.append(Text(f"… {len(claim.history) - limit} earlier changes", style="dim"))
        self.update(Text("\n").join(lines) if lines else Text("No changes yet.", style="dim"))
