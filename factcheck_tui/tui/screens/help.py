"""Every key of the screen the reviewer came from, with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from factcheck_tui.tui.actions import ActionEntry
from factcheck_tui.tui.literal import literal
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
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim", no_wrap=True)
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
        table.add_row(Text("Marks in the lists", style="bold underline"), Text(""))
        for column, meaning in LEGEND:
            table.add_row(Text(column), Text(meaning))
        with ReadingPage(id="help", classes="dialog"):
            yield Label(f"Keys: {self.title_text}", classes="dialog-title")
            yield Static(table, id="help-keys")
            yield Label(
                literal(
                    "j k ↑↓ / space pgup pgdn / g G scroll · escape closes · every action is also in the command palette (ctrl+p); "
                    "keys can be remapped in the config's [keys] table (see the README)"
                ),
                classes="hint",
            )
