"""Pick a verdict from the configured scale: a number key picks at once, 0 clears."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot
from factcheck_tui.tui.widgets.menu import Menu

CLEAR = "__clear__"


class VerdictPicker(ModalScreen[str | None]):
    """Dismisses with the chosen label, ``CLEAR`` to remove the verdict, or ``None`` if cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        *[Binding(str(n), f"pick({n})", f"Verdict {n}", show=False, id=f"picker.{n}") for n in range(10)],
    ]

    def __init__(self, scale: VerdictScale, current: str | None, claim_text: str) -> None:
        super().__init__()
        self.scale = scale
        self.current = current
        self.claim_text = claim_text

    def compose(self) -> ComposeResult:
        options = [
            Option(
                literal(f"{number}  {item.label}" + ("  (current)" if item.label == self.current else "")),
                id=item.label,
            )
            for number, item in enumerate(self.scale.labels, start=1)
        ]
        options.append(Option("0  Clear the verdict", id=CLEAR))
        with DialogBody(id="picker", classes="dialog"):
            yield Label("Verdict for:", classes="dialog-title")
            yield Label(literal(self.claim_text), classes="dialog-claim")
            yield Menu(*options, id="verdicts")
            yield DialogFoot("1-9: pick · 0: clear · j k enter: choose · escape: cancel", with_error=False)

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        if self.current in self.scale.names:
            option_list.highlighted = self.scale.names.index(self.current)

    def action_pick(self, number: int) -> None:
        if number == 0:
            self.dismiss(CLEAR)
        elif number <= len(self.scale.labels):
            self.dismiss(self.scale.labels[number - 1].label)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
