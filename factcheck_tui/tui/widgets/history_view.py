"""Who changed what and when, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from factcheck_tui.core.models import Change, Claim
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow.history import describe_change


def change_line(change: Change) -> Text:
    line = Text(f"{change.at:%Y-%m-%d %H:%M} ", style="dim")
    line.append(shown(change.by), style="bold")
    line.append(f" {shown(describe_change(change))}")
    if change.note:
        line.append(f" ({shown(change.note)})", style="italic")
    return line


class HistoryView(Static):
    """Every change down to the first one: the claim's page scrolls, so nothing is left out."""

    def show(self, claim: Claim) -> None:
        lines = [change_line(change) for change in reversed(claim.history)]
        self.update(Text("\n").join(lines) if lines else Text("No changes yet.", style="dim"))
