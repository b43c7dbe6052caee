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
HINT = "{keys} pick · 0 clear · j k enter choose · escape cancel"
# Fits one line at 60 columns, where a long claim is cut: j k enter are every menu's keys.
HINT_WHEN_CUT = "{keys} pick · 0 clear · pgdn pgup read on · escape cancel"


class VerdictPicker(ModalScreen[str | None]):
    """Dismisses with the chosen label, ``CLEAR`` to remove the verdict, or ``None`` if cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        *[Binding(str(n), f"pick({n})", f"Verdict {n}", show=False, id=f"picker.{n}") for n in range(10)],
        # Before the menu's own page keys: the scale is never longer than the dialog, the claim may be.
        Binding("pagedown", "read_on(1)", "More of the claim", show=False, priority=True, id="picker.claim_down"),
        Binding("pageup", "read_on(-1)", "Back up the claim", show=False, priority=True, id="picker.claim_up"),
    ]

    def __init__(self, scale: VerdictScale, current: str | None, claim_text: str, *, subject: str) -> None:
        """``subject`` names what is rated in the frame's title: a claim id, or "3 marked claims"."""
        super().__init__()
        self.subject = subject
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
        # The claim scrolls above the scale, which stays whole in the foot: at 60x20 a long claim
        # is read with space and pgup/pgdn while the number keys and the menu still answer.
        with DialogBody(id="picker", classes="dialog") as body:
            body.border_title = literal(f"Verdict for {self.subject}")
            yield Label(literal(self.claim_text), id="picker-claim", classes="dialog-claim")
            with DialogFoot(self._hint(HINT), with_error=False):
                yield Menu(*options, id="verdicts")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        if self.current in self.scale.names:
            option_list.highlighted = self.scale.names.index(self.current)

        # The body shows its scrollbar when the claim, once laid out at this size, does not fit.
        self.watch(self.query_one(DialogBody), "show_vertical_scrollbar", self._show_hint)

    def _show_hint(self, cut: bool) -> None:
        """The keys that read the rest of the claim are named only when some of it is out of view."""
        self.query_one(".hint", Label).update(self._hint(HINT_WHEN_CUT if cut else HINT))

    def _hint(self, template: str) -> str:
        """The hint with the number keys this scale answers to: "1-8" for eight verdicts."""
        count = min(len(self.scale.labels), 9)
        return template.format(keys="1" if count == 1 else f"1-{count}")

    def action_read_on(self, pages: int) -> None:
        body = self.query_one(DialogBody)
        body.action_page_down() if pages > 0 else body.action_page_up()

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
