"""Something to copy, shown in full: a link there is no browser for, the path of a written report."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from factcheck_tui.tui.clipboard import copy
from factcheck_tui.tui.links import link_text
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot

COPY_ID = "copydialog.copy"


class CopyDialog(ModalScreen[None]):
    """A title, a message, and ``value`` (a link is a terminal hyperlink when it is safe to open),
    with the copy key; enter or escape closes it."""

    BINDINGS = [
        Binding("ctrl+c", "copy", "Copy", id=COPY_ID),
        Binding("escape,enter", "dismiss", "Close", id="copydialog.close"),
    ]

    def __init__(self, title: str, message: str, value: str, *, what: str, link: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.value = value
        self.what = what
        self.link = link

    def compose(self) -> ComposeResult:
        with DialogBody(classes="dialog"):
            yield Label(literal(self.title_text), classes="dialog-title")
            if self.message:
                yield Label(literal(self.message), id="copy-message")
            value: Text = link_text(self.value, style="bold") if self.link else literal(self.value, "bold")
            yield Static(value, id="copy-value")
            yield DialogFoot(self._hint("ctrl+c"), with_error=False)

    def on_mount(self) -> None:
        # The copy key as the reviewer has it: the config's [keys] table may remap it.
        key = next((key for key, active in self.active_bindings.items() if active.binding.id == COPY_ID), "ctrl+c")
        self.query_one(DialogFoot).query_one(".hint", Label).update(literal(self._hint(key)))

    def _hint(self, key: str) -> str:
        return f"{key} copies the {self.what} · enter or escape closes"

    def action_copy(self) -> None:
        copy(self.app, self.what, self.value)
