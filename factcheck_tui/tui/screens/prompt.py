"""Ask for one line of text: enter accepts, escape cancels."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from factcheck_tui.core.text import shown
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot


class PromptScreen(ModalScreen[str | None]):
    AUTO_FOCUS = "#answer"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, question: str, value: str = "", hint: str = "", *, suggestions: Sequence[str] = ()) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.hint = hint
        # Completed as the reviewer types (right arrow or end accepts): names of the desk, say.
        self.suggestions = [shown(item) for item in suggestions]

    def compose(self) -> ComposeResult:
        with DialogBody(classes="dialog"):
            yield Label(literal(self.question), classes="dialog-title")
            suggester = SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
            yield Input(value=shown(self.value), id="answer", suggester=suggester)
            yield DialogFoot(self.hint or "enter: save · escape: cancel", with_error=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
