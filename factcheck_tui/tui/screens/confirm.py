"""A yes/no/cancel question answered by a key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label

from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot


class ConfirmScreen(ModalScreen[str | None]):
    """Dismisses with the key of the chosen answer, or ``None`` on escape; enter chooses ``default``."""

    BINDINGS = [Binding("escape", "answer(None)", "Cancel", id="confirm.cancel")]

    def __init__(
        self, question: str, answers: dict[str, str], *, cancel: str = "Cancel", default: str | None = None
    ) -> None:
        super().__init__()
        self.question = question
        self.answers = answers
        # What escape does, in words: "Cancel: nothing is linked" when cancelling matters.
        self.cancel = cancel
        self.default = default

    def compose(self) -> ComposeResult:
        with DialogBody(classes="dialog"):
            yield Label(literal(self.question), classes="dialog-title")
            for key, label in self.answers.items():
                yield Label(literal(f"{key}  {label}{'  (enter)' if key == self.default else ''}"), classes="answer")
            yield DialogFoot(f"escape  {self.cancel}", with_error=False)

    def on_key(self, event) -> None:
        key = self.default if event.key == "enter" and self.default is not None else event.key
        if key in self.answers:
            event.stop()
            self.dismiss(key)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
