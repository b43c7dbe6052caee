"""Fix the machine's claim list: type a new claim, reword one, or pick where to split one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from factcheck_tui.core.text import editable, from_editable, shown, stored_offset
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot

EDIT, ADD, SPLIT = "edit", "add", "split"
_HINTS = {
    EDIT: "Reword the claim; the original stays in its history. ctrl+s saves · escape cancels",
    ADD: "Type the claim as it should be checked. ctrl+s adds it · escape cancels",
    SPLIT: "Move the cursor to the first character of the second claim. enter or ctrl+s splits · escape cancels",
}


class ClaimTextDialog(ModalScreen[str | int | None]):
    """Dismisses with the text as stored (edit, add), the split offset (split), or ``None``."""

    AUTO_FOCUS = "#claim-text-editor"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="claimtext.cancel"),
        Binding("ctrl+s", "submit", "Save", id="claimtext.save"),
    ]

    def __init__(self, mode: str, text: str = "", *, split_at: int | None = None) -> None:
        """``split_at``: where in ``text`` the split cursor starts (split only; else the middle)."""
        super().__init__()
        self.mode = mode
        self.text = text
        self.split_at = len(text) // 2 if split_at is None else split_at

    def compose(self) -> ComposeResult:
        title = {EDIT: "Edit claim", ADD: "Add a claim", SPLIT: "Split claim"}[self.mode]
        with DialogBody(classes="dialog"):
            yield Label(title, classes="dialog-title")
            # Split only points at a place; edit and add change the text, whose invisible
            # characters must come back as they were (not as the markers that show them).
            shown_text = shown(self.text) if self.mode == SPLIT else editable(self.text)
            yield TextArea(shown_text, id="claim-text-editor", soft_wrap=True, read_only=self.mode == SPLIT)
            yield DialogFoot(_HINTS[self.mode])

    def on_mount(self) -> None:
        if self.mode == SPLIT:
            # The stored offset, counted in the text as shown (invisible characters are markers there).
            before = shown(self.text[: self.split_at]).split("\n")
            self.query_one(TextArea).move_cursor((len(before) - 1, len(before[-1])))

    def on_key(self, event) -> None:
        if self.mode == SPLIT and event.key == "enter":
            event.stop()
            self.action_submit()

    def action_submit(self) -> None:
        editor = self.query_one(TextArea)
        error = self.query_one("#form-error", Label)
        if self.mode == SPLIT:
            row, column = editor.cursor_location
            offset = sum(len(line) + 1 for line in editor.text.split("\n")[:row]) + column
            offset = stored_offset(self.text, offset)
            if not 0 < offset < len(self.text):
                error.update("Put the cursor inside the claim, not at either end.")
                return
            self.dismiss(offset)
            return
        text = " ".join(from_editable(editor.text).split())
        if not text:
            error.update("A claim needs some text.")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
