"""Choose which claims the list shows: all, check-worthy, unreviewed, one verdict, a tag, an
assignee, or a filter saved in the config."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.workflow.filters import ClaimFilter, reviewer_key
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot
from factcheck_tui.tui.widgets.menu import Menu


class FilterMenu(ModalScreen[ClaimFilter | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="filters.cancel")]

    def __init__(
        self,
        scale: VerdictScale,
        current: ClaimFilter,
        *,
        me: str = "",
        tags: Sequence[str] = (),
        assignees: Sequence[str] = (),
        saved: Mapping[str, ClaimFilter] | None = None,
    ) -> None:
        super().__init__()
        self.current = current
        others = [name for name in assignees if reviewer_key(name) != reviewer_key(me)]
        self.choices: list[tuple[str, ClaimFilter]] = [
            ("All claims", ClaimFilter()),
            ("Check-worthy only", ClaimFilter(checkworthy_only=True)),
            ("Unreviewed check-worthy", ClaimFilter(checkworthy_only=True, reviewed=False)),
            ("Unreviewed (any)", ClaimFilter(reviewed=False)),
            *[(f"Verdict: {label}", ClaimFilter(verdicts=frozenset({label}))) for label in scale.names],
            *([("Assigned to me", ClaimFilter(assignees=frozenset({reviewer_key(me)})))] if me else []),
            *[(f"Assigned to: {name}", ClaimFilter(assignees=frozenset({reviewer_key(name)}))) for name in others],
            *[(f"Tag: {tag}", ClaimFilter(tags=frozenset({tag}))) for tag in tags],
            *[(f"Saved: {name}", choice) for name, choice in (saved or {}).items()],
            ("Dismissed claims", ClaimFilter(dismissed=True)),
        ]

    def compose(self) -> ComposeResult:
        with DialogBody(classes="dialog"):
            yield Label("Show", classes="dialog-title")
            yield Menu(
                *[Option(literal(label), id=str(index)) for index, (label, _) in enumerate(self.choices)], id="filters"
            )
            yield DialogFoot("j k g G: move · enter: show these · escape: cancel", with_error=False)

    def on_mount(self) -> None:
        base = self.current.with_text("")
        for index, (_, choice) in enumerate(self.choices):
            if choice == base:
                self.query_one(OptionList).highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.choices[int(event.option.id or 0)][1]
        self.dismiss(chosen if chosen.text else chosen.with_text(self.current.text))

    def action_cancel(self) -> None:
        self.dismiss(None)
