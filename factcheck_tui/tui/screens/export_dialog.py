"""Export a verdict report: format, scope, and where to write it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select

from factcheck_tui.core.config import Config
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export import FORMATS, ExportOptions
from factcheck_tui.core.export.exporter import publishing
from factcheck_tui.core.text import shown
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.widgets.dialog_body import DialogBody


@dataclass(frozen=True)
class ExportRequest:
    options: ExportOptions
    path: Path


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choices are Selects, which show the chosen value as text: readable without colour."""

    AUTO_FOCUS = "#format"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "submit", "Export", id="export.submit"),
    ]

    def __init__(self, story_id: str | None, config: Config) -> None:
        super().__init__()
        self.story_id = story_id
        # The organisation and review page a ClaimReview export defaults to.
        self.config = config

    def compose(self) -> ComposeResult:
        with DialogBody(id="export-dialog", classes="dialog"):
            yield Label("Export a report", classes="dialog-title")
            yield Label("Format")
            yield Select(
                [(f"{name}: {fmt.description}", name) for name, fmt in FORMATS.items()],
                value=next(iter(FORMATS)),
                allow_blank=False,
                id="format",
            )
            if self.story_id:
                yield Label("Stories")
                yield Select(
                    [(f"This story ({self.story_id})", "story"), ("All stories", "all")],
                    value="story",
                    allow_blank=False,
                    id="scope",
                )
            yield Label("Claims")
            yield Select(
                [("Claims with a verdict", "reviewed"), ("All claims, with or without a verdict", "all")],
                value="reviewed",
                allow_blank=False,
                id="claim-scope",
            )
            organisation = self.config.organisation
            yield Label("For ClaimReview: your organisation's name and web address")
            with Horizontal(classes="fields"):
                yield Input(value=shown(organisation.name), placeholder="Organisation name", id="org-name")
                yield Input(value=shown(organisation.url), placeholder="https://…", id="org-url")
            yield Label("Published at, for ClaimReview ({claim_id} is filled in)")
            yield Input(placeholder="e.g. https://…/{claim_id}; empty: organisation.review_url", id="review-url")
            yield Label("Write to (relative to the folder the app was started in)")
            yield Input(value=self._default_name(next(iter(FORMATS))), id="path")
            yield Label("", id="form-error", classes="error")
            yield Label("tab: next · enter: open a list · ctrl+s: export · escape: cancel", classes="hint")

    def _default_name(self, fmt: str) -> str:
        return f"factcheck-{self.story_id or 'report'}{FORMATS[fmt].suffix}"

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "format":
            fmt = FORMATS[str(event.value)]
            # A backup (what `factcheck restore` loads) takes every claim.
            self.query_one("#claim-scope", Select).value = "all" if fmt.backup else "reviewed"
            path_input = self.query_one("#path", Input)
            if Path(path_input.value).stem == Path(self._default_name("md")).stem:
                path_input.value = str(Path(path_input.value).with_suffix(fmt.suffix))

    def action_submit(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        error = self.query_one("#form-error", Label)
        if not raw:
            error.update("Say where to write the report.")
            return
        path = Path(raw).expanduser()
        if not path.parent.is_dir():
            error.update(literal(f"{path.parent} is not a folder."))
            return
        whole = not self.story_id or self.query_one("#scope", Select).value == "all"
        try:
            options = ExportOptions.parse(
                format=str(self.query_one("#format", Select).value),
                story_ids=[] if whole else [self.story_id],
                include_unreviewed=self.query_one("#claim-scope", Select).value == "all",
                review_url=self.query_one("#review-url", Input).value.strip() or None,
                org_name=self.query_one("#org-name", Input).value.strip(),
                org_url=self.query_one("#org-url", Input).value.strip(),
            )
            if FORMATS[options.format].publication:
                publishing(options, self.config)
        except InputError as problem:
            error.update(literal(str(problem)))
            return
        if path.exists():

            def answered(answer: str | None) -> None:
                if answer == "y":
                    self.dismiss(ExportRequest(options, path))

            self.app.push_screen(
                ConfirmScreen(f"{path} exists.", {"y": "Replace it", "n": "Keep it; choose another name"}), answered
            )
            return
        self.dismiss(ExportRequest(options, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
