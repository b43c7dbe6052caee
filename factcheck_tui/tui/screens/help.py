"""Every key of the screen the reviewer came from, with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from factcheck_tui.tui.actions import ActionEntry
from factcheck_tui.tui.widgets.dialog_body import DialogBody


class HelpScreen(ModalScreen[None]):
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
        scope = None
        for entry in self.entries:
            if entry.scope != scope:
                scope = entry.scope
                table.add_row(Text(scope, style="bold underline"), Text(""))
            table.add_row(Text(entry.keys), Text(entry.description))
        with DialogBody(id="help", classes="dialog"):
            yield Label(f"Keys: {self.title_text}", classes="dialog-title")
            yield Static(table, id="help-keys")
            yield Label("Every action is also in the command palette (ctrl+p). Keys can be remapped in the config's [keys] table by binding id.", classes="hint")

    def action_dismiss(self) -> None:
        self.dismiss(None)
