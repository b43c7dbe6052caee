"""One story's claims in document order, with the highlighted sentence in its paragraph below."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.tui.formatting import score_text, status_text, verdict_text
from factcheck_tui.tui.screens.review_base import ReviewScreen
from factcheck_tui.tui.widgets.claim_context import ClaimContext

POLL_SECONDS = 2.0


class ClaimsScreen(ReviewScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="claims.back"),
        Binding("enter", "open", "Open", id="claims.open"),
        Binding("j", "cursor_down", "Down", show=False, id="claims.down"),
        Binding("k", "cursor_up", "Up", show=False, id="claims.up"),
        Binding("n", "next_unreviewed", "Next unreviewed", id="claims.next_unreviewed"),
        Binding("N", "previous_unreviewed", "Prev unreviewed", show=False, id="claims.previous_unreviewed"),
    ]

    def __init__(self, story_id: str) -> None:
        super().__init__()
        self.story_id = story_id
        self.story: Story | None = None
        self.claims: list[Claim] = []
        self._signature = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="story-head")
        yield ProgressBar(id="review-progress", show_eta=False)
        yield DataTable(id="claims", cursor_type="row")
        with VerticalScroll(id="context-pane"):
            yield ClaimContext(id="context")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#claims", DataTable)
        table.add_column("Claim", key="id", width=8)
        table.add_column("Score", key="score", width=6)
        table.add_column("St", key="status", width=3)
        table.add_column("Verdict", key="verdict", width=12)
        table.add_column("Text", key="text")
        self.reload()
        self.set_interval(POLL_SECONDS, self._poll)

    def on_screen_resume(self) -> None:
        self.reload()

    def _poll(self) -> None:
        if self.app.repo.story_signature(self.story_id) != self._signature:
            self.reload()

    def reload(self) -> None:
        repo = self.app.repo
        try:
            self._signature = repo.story_signature(self.story_id)
            self.story = repo.get_story(self.story_id)
            self.claims = repo.list_claims(self.story_id)
        except FactcheckError as error:
            self.app.report(error)
            return
        self._fill()

    def _fill(self) -> None:
        assert self.story is not None
        scale = self.app.workspace.scale
        meta = " · ".join(part for part in (self.story.outlet, str(self.story.published or "")) if part)
        head = Text(self.story.title, style="bold")
        if meta:
            head.append(f"  {meta}", style="dim")
        self.query_one("#story-head", Static).update(head)
        worthy = [claim for claim in self.claims if claim.checkworthy]
        self.query_one("#review-progress", ProgressBar).update(
            total=max(len(worthy), 1), progress=sum(claim.reviewed for claim in worthy)
        )
        table = self.query_one("#claims", DataTable)
        current = self._current_id()
        table.clear()
        for claim in self.claims:
            table.add_row(
                claim.id,
                score_text(claim),
                status_text(claim.status),
                verdict_text(claim.verdict, scale),
                " ".join(claim.text.split()),
                key=claim.id,
            )
        if current and any(claim.id == current for claim in self.claims):
            table.move_cursor(row=table.get_row_index(current))
        self._show_context()

    def _current_id(self) -> str | None:
        table = self.query_one("#claims", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def current_claim(self) -> Claim | None:
        current = self._current_id()
        return next((claim for claim in self.claims if claim.id == current), None)

    def claim_saved(self, claim: Claim) -> None:
        self.reload()

    def _show_context(self) -> None:
        if self.story is not None:
            self.query_one("#context", ClaimContext).show(self.story, self.current_claim())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_context()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_cursor_down(self) -> None:
        self.query_one("#claims", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#claims", DataTable).action_cursor_up()

    def _jump_unreviewed(self, step: int) -> None:
        table = self.query_one("#claims", DataTable)
        count = len(self.claims)
        for offset in range(1, count + 1):
            index = (table.cursor_row + step * offset) % count
            claim = self.claims[index]
            if claim.checkworthy and not claim.reviewed:
                table.move_cursor(row=index)
                return
        self.notify("Every check-worthy claim has a verdict", timeout=3)

    def action_next_unreviewed(self) -> None:
        self._jump_unreviewed(1)

    def action_previous_unreviewed(self) -> None:
        self._jump_unreviewed(-1)

    def action_open(self) -> None:
        claim = self.current_claim()
        if claim:
            from factcheck_tui.tui.screens.claim_detail import ClaimScreen

            self.app.push_screen(ClaimScreen(self.story_id, claim.id))
