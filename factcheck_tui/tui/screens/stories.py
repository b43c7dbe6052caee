"""The first screen: every story with its outlet, date and review progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.models import StorySummary
from factcheck_tui.tui.formatting import one_line, progress_text

POLL_SECONDS = 2.0


class StoriesScreen(Screen[None]):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="stories.down"),
        Binding("k", "cursor_up", "Up", show=False, id="stories.up"),
        Binding("enter", "open", "Open", id="stories.open"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="stories", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#stories", DataTable)
        table.add_column("Id", key="id", width=5)
        table.add_column("Date", key="date", width=10)
        table.add_column("Outlet", key="outlet", width=14)
        table.add_column("Progress", key="progress", width=16)
        table.add_column("Headline", key="title")
        self._signature = None
        self.refresh_stories()
        self.set_interval(POLL_SECONDS, self._poll)

    def on_screen_resume(self) -> None:
        self.refresh_stories()

    def _poll(self) -> None:
        if self.app.repo.catalog_signature() != self._signature:
            self.refresh_stories()

    def refresh_stories(self) -> None:
        repo = self.app.repo
        try:
            self._signature = repo.catalog_signature()
            summaries = repo.list_stories()
        except FactcheckError as error:
            self.app.report(error)
            return
        summaries.sort(key=lambda s: (s.published or s.imported_at.date(), s.imported_at), reverse=True)
        self._fill(summaries)

    def _fill(self, summaries: list[StorySummary]) -> None:
        table = self.query_one("#stories", DataTable)
        current = self._current_id()
        table.clear()
        for summary in summaries:
            table.add_row(
                summary.id,
                summary.published.isoformat() if summary.published else "",
                one_line(summary.outlet, 14),
                progress_text(summary.reviewed_count, summary.checkworthy_count, width=6),
                summary.title,
                key=summary.id,
            )
        if current and current in {summary.id for summary in summaries}:
            table.move_cursor(row=table.get_row_index(current))

    def _current_id(self) -> str | None:
        table = self.query_one("#stories", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_cursor_down(self) -> None:
        self.query_one("#stories", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#stories", DataTable).action_cursor_up()

    def action_open(self) -> None:
        story_id = self._current_id()
        if story_id:
            from factcheck_tui.tui.screens.claims import ClaimsScreen

            self.app.push_screen(ClaimsScreen(story_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()
