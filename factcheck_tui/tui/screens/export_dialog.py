"""Export a verdict report: format, scope, the CLI's filters, and where to write it.

Before anything is written the dialog says what the export will hold and why the other claims
stay out, from the same ``select`` the CLI's export runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, Select

from factcheck_tui.core.config import Config
from factcheck_tui.core.errors import FactcheckError, InputError
from factcheck_tui.core.export import FORMATS, ExportOptions, select, selection_line
from factcheck_tui.core.export.destination import default_folder, report_file_name, resolve_folder
from factcheck_tui.core.export.exporter import publishing
from factcheck_tui.core.intake.story_import import parse_date
from factcheck_tui.core.models import Status
from factcheck_tui.core.storage.preferences import ExportChoice
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import shown
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.widgets.dialog_body import DialogBody

ANY = "any"
# How long typing may pause before the dialog counts the claims again (a date half typed is not counted).
PREVIEW_DELAY = 0.25


@dataclass(frozen=True)
class ExportRequest:
    options: ExportOptions
    path: Path


def _row(label: str, *widgets: Input | Select[str]) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), *widgets, classes="field-row")


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choices are compact Selects, which show the chosen value as text: readable without colour,
    and one line each, so the dialog fits 80×24 (at 60×20 its body scrolls)."""

    AUTO_FOCUS = "#format"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "submit", "Export", id="export.submit"),
    ]

    def __init__(
        self, story_id: str | None, config: Config, repo: Repository, remembered: ExportChoice | None = None
    ) -> None:
        super().__init__()
        self.story_id = story_id
        # The organisation and review page a ClaimReview export defaults to, the scale, the folder.
        self.config = config
        self.repo = repo
        self.remembered = remembered or ExportChoice()
        self._preview_timer: Timer | None = None

    def _first_format(self) -> str:
        return self.remembered.format if self.remembered.format in FORMATS else next(iter(FORMATS))

    def compose(self) -> ComposeResult:
        fmt = self._first_format()
        with DialogBody(id="export-dialog", classes="dialog"):
            yield Label("Export a report", classes="dialog-title")
            yield _row(
                "Format",
                Select(
                    [(f"{name}: {item.description}", name) for name, item in FORMATS.items()],
                    value=fmt,
                    allow_blank=False,
                    compact=True,
                    id="format",
                ),
            )
            if self.story_id:
                yield _row(
                    "Stories",
                    Select(
                        [(f"This story ({self.story_id})", "story"), ("All stories", "all")],
                        value="story",
                        allow_blank=False,
                        compact=True,
                        id="scope",
                    ),
                )
            yield _row(
                "Claims",
                Select(
                    [("Claims with a verdict", "reviewed"), ("All claims, with or without a verdict", "all")],
                    value="all" if FORMATS[fmt].backup else "reviewed",
                    allow_blank=False,
                    compact=True,
                    id="claim-scope",
                ),
            )
            yield _row(
                "Status",
                Select(
                    [("Any status", ANY), *((status.value, status.value) for status in Status)],
                    value=ANY,
                    allow_blank=False,
                    compact=True,
                    id="status",
                ),
                Select(
                    [("Any verdict", ANY), *((shown(name), name) for name in self.config.scale.names)],
                    value=ANY,
                    allow_blank=False,
                    compact=True,
                    id="verdict",
                ),
            )
            yield _row(
                "Reviewer", Input(placeholder="anyone (or names, separated by commas)", compact=True, id="reviewer")
            )
            yield _row(
                "Rated",
                Input(placeholder="from YYYY-MM-DD", compact=True, id="since"),
                Input(placeholder="to YYYY-MM-DD", compact=True, id="until"),
            )
            organisation = self.config.organisation
            with Vertical(id="claimreview-fields"):
                yield _row(
                    "Publisher",
                    Input(value=shown(organisation.name), placeholder="organisation name", compact=True, id="org-name"),
                    Input(value=shown(organisation.url), placeholder="https://…", compact=True, id="org-url"),
                )
                yield _row(
                    "Published",
                    Input(
                        placeholder="https://…/{claim_id} (default: the config)",
                        compact=True,
                        id="review-url",
                    ),
                )
            path = default_folder(self.remembered, self.config) / report_file_name(self.story_id, fmt)
            yield _row("Save as", Input(value=str(path), compact=True, id="path"))
            yield Label("Counting the claims…", id="selection")
            yield Label("", id="form-error", classes="error")
            yield Label("tab: next · enter: open a list · ctrl+s: export · escape: cancel", classes="hint")

    def on_mount(self) -> None:
        self._show_publication_fields(self._first_format())
        self.count_now()

    def _show_publication_fields(self, fmt: str) -> None:
        self.query_one("#claimreview-fields").display = FORMATS[fmt].publication

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        fmt = FORMATS[str(event.value)]
        # A backup (what `factcheck restore` loads) takes every claim.
        self.query_one("#claim-scope", Select).value = "all" if fmt.backup else "reviewed"
        self._show_publication_fields(fmt.name)
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        if path.stem == Path(report_file_name(self.story_id, "md")).stem:
            path_input.value = str(path.with_suffix(fmt.suffix))

    @on(Select.Changed)
    @on(Input.Changed)
    def _choice_changed(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.count_now)

    def _options(self) -> ExportOptions:
        """The choices as export options; a bad value is an ``InputError`` naming the field."""

        def chosen(selector: str) -> list[str]:
            value = str(self.query_one(selector, Select).value)
            return [] if value == ANY else [value]

        whole = not self.story_id or self.query_one("#scope", Select).value == "all"
        reviewers = self.query_one("#reviewer", Input).value.split(",")
        return ExportOptions.parse(
            format=str(self.query_one("#format", Select).value),
            story_ids=[] if whole else [self.story_id],
            include_unreviewed=self.query_one("#claim-scope", Select).value == "all",
            statuses=chosen("#status"),
            verdicts=chosen("#verdict"),
            reviewers=[name.strip() for name in reviewers if name.strip()],
            since=parse_date(self.query_one("#since", Input).value.strip(), "From"),
            until=parse_date(self.query_one("#until", Input).value.strip(), "To"),
            review_url=self.query_one("#review-url", Input).value.strip() or None,
            org_name=self.query_one("#org-name", Input).value.strip(),
            org_url=self.query_one("#org-url", Input).value.strip(),
        )

    def count_now(self) -> None:
        """Count what the export would hold (what the timer does a moment after each change)."""
        try:
            options = self._options()
        except InputError as problem:
            self.query_one("#selection", Label).update(literal(str(problem)))
            return
        self._count(options)

    @work(thread=True, exclusive=True, group="export-preview", exit_on_error=False)
    def _count(self, options: ExportOptions) -> None:
        try:
            text = f"Will export {selection_line(select(self.repo, self.config, options))}"
        except FactcheckError as problem:
            text = str(problem)
        self.app.call_from_thread(self.query_one("#selection", Label).update, literal(text))

    def action_submit(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        error = self.query_one("#form-error", Label)
        if not raw or raw.endswith("/"):
            error.update("Say which file to write the report to.")
            return
        typed = Path(raw).expanduser()
        path = resolve_folder(str(typed.parent)) / typed.name
        if not path.parent.is_dir():
            error.update(literal(f"{path.parent} is not a folder."))
            return
        try:
            options = self._options()
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
