"""My queue: the claims assigned to me that are not Done, across stories, most pressing first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.models import Claim
from factcheck_tui.core.workflow.desk import queue
from factcheck_tui.tui.clipboard import copy_claim_id
from factcheck_tui.tui.formatting import status_text, verdict_text
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.screens.base import AppScreen
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from factcheck_tui.tui.widgets.fit_table import Column, FitTable

POLL_SECONDS = 2.0


class QueueScreen(AppScreen[None]):
    AUTO_FOCUS = "#queue"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="queue.back"),
        Binding("n", "next_claim", "Next of mine", id="queue.next"),
        Binding("j", "cursor(1)", "Down", show=False, id="queue.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="queue.up"),
        Binding("ctrl+c", "copy", "Copy claim id", show=False, id="queue.copy"),
    ]

    def __init__(self, reviewer: str) -> None:
        super().__init__()
        self.reviewer = reviewer
        self.claims: list[Claim] = []
        self.titles: dict[str, str] = {}
        self._signature: object = None
        # The claim opened from here: back on this screen the cursor is on it, and n goes on from it.
        self._opened: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="queue-head", classes="status-line")
        yield FitTable(id="queue")
        yield ActivityBar()
        yield Footer()

    @property
    def table(self) -> FitTable:
        return self.query_one("#queue", FitTable)

    def on_mount(self) -> None:
        self.table.set_columns(
            # The story's headline gives way below 80 columns: the claim's text is what the queue is read
            # for, and the claim id names its story.
            [
                ("Claim", "id", 9),
                ("St", "status", 3),
                ("Verdict", "verdict", 12),
                Column("Story", "story", 14, keeps_text=30),
            ],
            ("Text", "text"),
        )
        self.set_interval(POLL_SECONDS, self._poll)

    def on_screen_resume(self) -> None:
        self.reload(anchor=self._opened)

    def _poll(self) -> None:
        if self.app.repo.catalog_signature() != self._signature:
            self.reload()

    def reload(self, anchor: str | None = None) -> None:
        repo = self.app.repo
        try:
            self._signature = repo.catalog_signature()
            self.claims = queue(repo, self.reviewer)
            self.titles = {summary.id: summary.title for summary in repo.list_stories()}
        except FactcheckError as error:
            self.app.report(error)
            return
        scale = self.app.workspace.scale
        self.table.set_rows(
            [
                (
                    claim.id,
                    (
                        claim.id,
                        status_text(claim.status),
                        verdict_text(claim.verdict, scale, colour=not self.app.no_color),
                        self.titles.get(claim.story_id, claim.story_id),
                    ),
                    claim.text,
                )
                for claim in self.claims
            ],
            anchor,
        )
        stories = len({claim.story_id for claim in self.claims})
        head = (
            f"{len(self.claims)} claim{'s' if len(self.claims) != 1 else ''} for {self.reviewer} in {stories} "
            f"stor{'y' if stories == 1 else 'ies'}, not Done · enter opens · n opens the next"
            if self.claims
            else f"Nothing assigned to {self.reviewer} is waiting: the queue is empty."
        )
        self.query_one("#queue-head", Static).update(literal(head))

    def current_claim(self) -> Claim | None:
        key = self.table.current_key()
        return next((claim for claim in self.claims if claim.id == key), None)

    def action_copy(self) -> None:
        copy_claim_id(self, self.current_claim())

    def action_cursor(self, step: int) -> None:
        (self.table.action_cursor_down if step > 0 else self.table.action_cursor_up)()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(self.current_claim())

    def action_next_claim(self) -> None:
        """Open the claim after the one last opened (or under the cursor), whatever its story."""
        if not self.claims:
            self.notify("Your queue is empty", timeout=2)
            return
        ids = [claim.id for claim in self.claims]
        if self._opened is None:
            current = self.current_claim()
            self._open(current or self.claims[0])
            return
        place = ids.index(self._opened) + 1 if self._opened in ids else self.table.cursor_row
        self._open(self.claims[place % len(self.claims)])

    def _open(self, claim: Claim | None) -> None:
        if claim is None:
            return
        self._opened = claim.id
        self.table.show_key(claim.id)
        same_story = [other.id for other in self.claims if other.story_id == claim.story_id]
        self.app.push_screen(ClaimScreen(claim.story_id, claim.id, same_story))
