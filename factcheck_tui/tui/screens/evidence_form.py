"""Add or edit one evidence item: URL, source name and a note on what it shows."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.models import Evidence
from factcheck_tui.core.text import shown
from factcheck_tui.core.urls import normalise_url
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot


@dataclass(frozen=True)
class EvidenceInput:
    url: str
    source: str
    note: str


class EvidenceForm(ModalScreen[EvidenceInput | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="evidence.cancel"),
        Binding("ctrl+s", "submit", "Save", id="evidence.save"),
    ]

    def __init__(
        self, existing: Evidence | None = None, typed: EvidenceInput | None = None, *, changed_meanwhile: bool = True
    ) -> None:
        """``typed`` brings back what the reviewer entered when a save of it was refused: because
        someone changed the item meanwhile (the form says how it now reads), or for another
        reason the app has just shown (a note over the length limit, say)."""
        super().__init__()
        self.existing = existing
        self.typed = typed
        self.changed_meanwhile = changed_meanwhile

    def compose(self) -> ComposeResult:
        item = self.typed or self.existing
        with DialogBody(id="evidence-form", classes="dialog"):
            yield Label("Edit evidence" if self.existing else "Add evidence", classes="dialog-title")
            yield Label("URL")
            yield Input(value=shown(item.url) if item else "", placeholder="https://…", id="url")
            yield Label("Source")
            yield Input(value=shown(item.source) if item else "", placeholder="who published it", id="source")
            yield Label("Note")
            yield Input(value=shown(item.note) if item else "", placeholder="what it shows", id="note")
            conflict = ""
            if self.typed and self.existing and self.changed_meanwhile:
                conflict = (
                    f"Someone changed this item meanwhile; it now reads: {self.existing.source or '—'} · "
                    f"{self.existing.url or '—'} · {self.existing.note or '—'}. Your input is above."
                )
            yield DialogFoot("enter: next field / save · ctrl+s: save · escape: cancel", error=conflict)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "note":
            self.action_submit()
        else:
            self.focus_next()

    def action_submit(self) -> None:
        url, source, note = (self.query_one(f"#{name}", Input).value.strip() for name in ("url", "source", "note"))
        error = self.query_one("#form-error", Label)
        if not (url or source or note):
            error.update("Give a URL, a source or a note.")
            return
        if url:
            try:
                url = normalise_url(url)
            except InputError as problem:
                error.update(literal(str(problem)))
                self.query_one("#url", Input).focus()
                return
        self.dismiss(EvidenceInput(url, source, note))

    def action_cancel(self) -> None:
        self.dismiss(None)
