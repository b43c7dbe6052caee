"""Who changed what and when, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from factcheck_tui.core.history import describe_change
from factcheck_tui.core.models import Change, Claim
from factcheck_tui.core.text import shown


def change_line(change: Change) -> Text:
    line = Text(f"{change.at:%Y-%m-%d %H:%M} ", style="dim")
    line.append(shown(change.by), style="bold")
    line.append(f" {shown(describe_change(change))}")
    if change.note:
        line.append(f" ({shown(change.note)})", style="italic")
    return line


class HistoryView(Static):
    def show(self, claim: Claim, limit: int = 12) -> None:
        lines = [change_line(change) for change in reversed(claim.history[-limit:])]
        if len(claim.history) > limit:
            lines.append(Text(f"… {len(claim.history) - limit} earlier changes", style="dim"))
        self.update(Text("\n").join(lines) if lines else Text("No changes yet.", style="dim"))
