"""The first screen: every story with its outlet, date, claim count and review progress."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.models import StoryKind, StorySummary
from factcheck_tui.core.workflow.stories import delete_story, edit_story, news_order, oldest_order
from factcheck_tui.tui.formatting import ago, progress_text
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.messages import CatalogChanged
from factcheck_tui.tui.screens.base import AppScreen
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.story_dialog import StoryDetails, StoryDialog
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from factcheck_tui.tui.widgets.filter_bar import FilterBar
from factcheck_tui.tui.widgets.fit_table import Column, FitTable

REVIEWED_WIDTH = 9
REVIEWED_BAR = 4
# Below this the headline gives no idea of the story: the outlet, then the date, give way to it
# (at 60 columns), and either goes when no story has one (text pasted or imported from a file).
HEADLINE_BESIDE_DETAILS = 24

SORTS = {
    "newest": (news_order, True),
    "oldest": (oldest_order, False),
    "headline": (lambda s: s.title.casefold(), False),
    "outlet": (lambda s: (s.outlet.casefold(), s.title.casefold()), False),
    "least reviewed": (
        lambda s: (s.reviewed_count / s.checkworthy_count if s.checkworthy_count else 1.0, s.title),
        False,
    ),
}


class StoriesScreen(AppScreen[None]):
    AUTO_FOCUS = "#stories"
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="stories.down"),
        Binding("k", "cursor_up", "Up", show=False, id="stories.up"),
        Binding("slash", "search", "Search", id="stories.search"),
        Binding("o", "cycle_sort", "Sort", id="stories.sort"),
        Binding("i", "app.import", "Import", id="stories.import"),
        Binding("x", "app.export", "Export", id="stories.export"),
        Binding("a", "toggle_archive", "Show/hide archive", show=False, id="stories.archive"),
        Binding("C", "clusters", "Recurring claims", show=False, id="stories.clusters"),
        Binding("e", "edit_story", "Edit story details", show=False, id="stories.edit"),
        Binding("delete", "delete_story", "Delete story", show=False, id="stories.delete"),
        Binding("q", "app.quit", "Quit", id="stories.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[StorySummary] = []
        self.sort = "newest"
        self.show_archive = False
        self._signature: object = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(placeholder="Search headlines, outlets and ids", id="search")
        yield Static(id="stories-status", classes="status-line")
        yield Static(id="story-desk", classes="status-line")
        yield FitTable(id="stories")
        yield ActivityBar()
        yield Footer()

    @property
    def table(self) -> FitTable:
        return self.query_one("#stories", FitTable)

    def on_mount(self) -> None:
        self.table.set_columns(
            [
                ("Id", "id", 5),
                Column("Date", "date", 10, keeps_text=HEADLINE_BESIDE_DETAILS, only_filled=True),
                Column("Outlet", "outlet", 10, keeps_text=HEADLINE_BESIDE_DETAILS, only_filled=True),
                ("Claims", "claims", 6),
                ("Reviewed", "progress", REVIEWED_WIDTH),
            ],
            ("Headline", "title"),
        )

    def on_screen_resume(self) -> None:
        # Also runs when the screen is first shown: the one place the list is (re)loaded.
        self.refresh_stories()
        # Back from a story (one just imported, say): the cursor is on it.
        story_id, self.app.last_story_id = self.app.last_story_id, None
        search = self.query_one("#search", FilterBar)
        if story_id is not None and search.value and story_id not in {summary.id for summary in self._visible()}:
            # A kept search must not hide the story just left (one just imported, say).
            search.action_clear()
            self._fill()
        if story_id is not None:
            self.table.show_key(story_id)

    def on_catalog_changed(self, message: CatalogChanged) -> None:
        if self.app.repo.catalog_signature() != self._signature:
            self.refresh_stories()

    def refresh_stories(self) -> None:
        repo = self.app.repo
        try:
            self._signature = repo.catalog_signature()
            self.summaries = repo.list_stories()
        except FactcheckError as error:
            self.app.report(error)
            return
        self._fill()
        self.call_after_refresh(self.app.start_index)

    def _visible(self) -> list[StorySummary]:
        needle = self.query_one("#search", FilterBar).value.casefold().split()
        key, reverse = SORTS[self.sort]
        shown = [
            summary
            for summary in self.summaries
            if (self.show_archive or summary.kind is StoryKind.ARTICLE)
            and all(word in f"{summary.id} {summary.title} {summary.outlet}".casefold() for word in needle)
        ]
        return sorted(shown, key=key, reverse=reverse)

    def _fill(self) -> None:
        visible = self._visible()
        self.table.set_rows(
            [
                (
                    summary.id,
                    (
                        summary.id,
                        summary.published.isoformat() if summary.published else "",
                        summary.outlet,
                        str(summary.claim_count),
                        progress_text(
                            summary.reviewed_count, summary.checkworthy_count, cell=REVIEWED_WIDTH, bar=REVIEWED_BAR
                        ),
                    ),
                    summary.title,
                )
                for summary in visible
            ]
        )
        archived = sum(summary.kind is StoryKind.ARCHIVE for summary in self.summaries)
        status = f"{len(visible)} of {len(self.summaries)} stories · sorted by {self.sort}"
        if archived and not self.show_archive:
            status += f" · {archived} past-check archive{'s' if archived != 1 else ''} hidden (a)"
        if not self.summaries:
            status = "No stories yet: press i to import one (a file, or pasted text)."
        self.query_one("#stories-status", Static).update(literal(status))
        self._show_desk()

    def _show_desk(self) -> None:
        """Who has the highlighted story's claims, and who changed it last."""
        key = self.table.current_key()
        summary = next((summary for summary in self.summaries if summary.id == key), None)
        line = ""
        if summary is not None:
            assigned = f"assigned to {', '.join(summary.assignees)}" if summary.assignees else "nobody assigned"
            changed = f"last changed by {summary.updated_by}, {ago(summary.updated_at)}" if summary.updated_by else ""
            line = " · ".join(part for part in (summary.id, assigned, changed) if part)
        self.query_one("#story-desk", Static).update(literal(line))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_desk()

    def on_input_changed(self, event: FilterBar.Changed) -> None:
        self._fill()

    def on_filter_bar_done(self, event: FilterBar.Done) -> None:
        self.table.focus()

    def action_search(self) -> None:
        self.query_one("#search", FilterBar).open()

    def action_cycle_sort(self) -> None:
        names = list(SORTS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        self._fill()

    def action_clusters(self) -> None:
        from factcheck_tui.tui.screens.clusters import ClustersScreen

        self.app.push_screen(ClustersScreen())

    def action_toggle_archive(self) -> None:
        self.show_archive = not self.show_archive
        self._fill()

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_open(self) -> None:
        story_id = self.table.current_key()
        if story_id:
            from factcheck_tui.tui.screens.claims import ClaimsScreen

            self.app.push_screen(ClaimsScreen(story_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_edit_story(self) -> None:
        story_id = self.table.current_key()
        if story_id is None:
            return
        try:
            story = self.app.repo.get_story(story_id)
        except FactcheckError as error:
            self.app.report(error)
            return

        def chosen(details: StoryDetails | None) -> None:
            if details is None:
                return

            def refused(error: FactcheckError) -> None:
                self.app.report(error)
                self.refresh_stories()
                # Not saved (another reviewer saving, a bad date): the dialog comes back as typed.
                typed = story.model_copy(update=dataclasses.asdict(details))
                self.app.push_screen(StoryDialog(typed), chosen)

            self.app.run_save(
                lambda: edit_story(
                    self.app.repo,
                    story_id,
                    actor=self.app.workspace.actor,
                    title=details.title,
                    outlet=details.outlet,
                    url=details.url,
                    published=details.published,
                    limits=self.app.workspace.config.limits,
                ),
                lambda _: self.refresh_stories(),
                refused,
            )

        self.app.push_screen(StoryDialog(story), chosen)

    def action_delete_story(self) -> None:
        story_id = self.table.current_key()
        summary = next((summary for summary in self.summaries if summary.id == story_id), None)
        if summary is None:
            return

        def answered(answer: str | None) -> None:
            if answer != "y":
                return
            try:
                kept = delete_story(self.app.repo, summary.id)
            except FactcheckError as error:
                self.app.report(error)
                return
            self.app.forget_story(summary.id)
            self.notify(f"Deleted {summary.id}; its file is kept in {kept}", timeout=6)
            self.refresh_stories()

        self.app.push_screen(
            ConfirmScreen(
                f"Delete story {summary.id}, “{summary.title}”, with its {summary.claim_count} claims and their reviews?",
                {"y": "Yes, delete it (a copy is kept under backups/deleted/)", "n": "No"},
            ),
            answered,
        )
