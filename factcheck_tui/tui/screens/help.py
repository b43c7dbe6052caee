"""Every key of the screen the reviewer came from, with what it does."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from factcheck_tui.tui.actions import ActionEntry
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogFoot
from factcheck_tui.tui.widgets.page import ReadingPage

LEGEND = (
    ("Score", "● check-worthy, ○ not; 0 to 1, higher is more worth checking"),
    ("St", "· unreviewed, … in progress, 2nd needs a second review, ✓ done"),
    ("Dup", "◆ likely checked before elsewhere, = confirmed the same claim"),
)


class HelpScreen(ModalScreen[None]):
    AUTO_FOCUS = "#help"
    BINDINGS = [
        Binding("escape", "dismiss", "Close help", id="help.close"),
        Binding("question_mark", "dismiss", "Close help", show=False, id="help.close_again"),
    ]

    def __init__(self, title: str, entries: list[ActionEntry]) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        # At 60 columns the three do not fit on one line: each wraps in its own column, and the
        # description keeps the most room, rather than any of them being cut.
        table.add_column(style="bold", max_width=16, overflow="fold")
        table.add_column(ratio=2, min_width=16)
        table.add_column(style="dim", ratio=1, overflow="fold")
        scope = None
        for entry in self.entries:
            if entry.scope != scope:
                scope = entry.scope
                table.add_row(
                    Text(scope, style="bold underline"),
                    Text(""),
                    Text("id for [keys]" if scope == "On this screen" else ""),
                )
            table.add_row(literal(entry.keys), literal(entry.description), literal(entry.binding.id or ""))
        # A grid of its own: in the keys' grid a meaning wrapped in the action column, 16
        # characters wide at 60 columns, beside an empty id column.
        legend = Table.grid(padding=(0, 2))
        legend.add_column(style="bold")
        legend.add_column(ratio=1)
        for column, meaning in LEGEND:
            legend.add_row(Text(column), Text(meaning))
        marks = Group(table, Text(""), Text("Marks in the lists", style="bold underline"), legend)
        with ReadingPage(id="help", classes="dialog"):
            yield Label(f"Keys: {self.title_text}", classes="dialog-title")
            yield Static(marks, id="help-keys")
            yield DialogFoot(
                "j k space pgup pgdn g G scroll · escape closes · every action is in the palette (ctrl+p) · "
                "remap keys in the config's [keys] table",
                with_error=False,
            )
