"""Claims that recur across stories: each cluster with its stories and verdicts, then its members."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from factcheck_tui.core.matching.results import Cluster, ClusterMember
from factcheck_tui.core.text import shown
from factcheck_tui.tui.formatting import verdict_text
from factcheck_tui.tui.match_marks import source_name
from factcheck_tui.tui.messages import MatchesChanged
from factcheck_tui.tui.screens.base import AppScreen
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from factcheck_tui.tui.widgets.fit_table import Column, FitTable, WithAside

# At 80 columns the text keeps about 52 characters beside the id and the verdict; a date fits beside that.
TEXT_BESIDE_DATE = 30


@dataclass
class ClaimsSearched(Message):
    """How far pass number ``run`` has got: ``done`` of ``total`` claims searched from."""

    run: int
    done: int
    total: int


class ClustersScreen(AppScreen[None]):
    AUTO_FOCUS = "#clusters"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="clusters.back"),
        Binding("j", "cursor(1)", "Down", show=False, id="clusters.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="clusters.up"),
        Binding("tab", "switch_list", "Clusters / members", id="clusters.switch"),
    ]

    def __init__(self, story_id: str | None = None) -> None:
        super().__init__()
        self.story_id = story_id
        self.clusters: list[Cluster] = []
        # Which pass is running (None once one has finished): its progress messages may still be
        # queued when its result arrives, and must not bring the progress line back.
        self._runs = 0
        self._pass_running: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="clusters-head", classes="status-line")
        yield FitTable(id="clusters")
        yield FitTable(id="members")
        yield Static(id="member-where")
        yield Static(id="member-words")
        yield ActivityBar()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#clusters", FitTable).set_columns(
            [("Claims", "claims", 6), ("Stories", "stories", 7), ("Sim.", "score", 5)], ("Verdicts · claim", "text")
        )
        # A member's row says what it says (the words differ from story to story), then where; the
        # line under the list names the highlighted one's story in full.
        self.query_one("#members", FitTable).set_columns(
            [
                ("Claim", "id", 9),
                ("Verdict", "verdict", 12),
                Column("Date", "date", 10, keeps_text=TEXT_BESIDE_DATE, only_filled=True),
            ],
            ("What was said · where", "text"),
        )
        self._search()

    def on_matches_changed(self, message: MatchesChanged) -> None:
        self._search()

    def _search(self) -> None:
        head = self.query_one("#clusters-head", Static)
        story_id = self.story_id
        self._runs += 1
        run = self._runs

        def progress(done: int, total: int) -> None:
            # From the worker's thread: posting is thread-safe and never waits for the screen.
            self.post_message(ClaimsSearched(run, done, total))

        if self.run_matching(
            "clusters",
            lambda index, cancel: index.clusters(story_id, cancel=cancel, progress=progress),
            self._show,
            activity="Grouping recurring claims…",
        ):
            self._pass_running = run
            head.update("Looking for claims that recur across stories…")
        else:
            head.update("The duplicate index is still loading…")

    def on_claims_searched(self, message: ClaimsSearched) -> None:
        if message.run != self._pass_running:
            return
        self.query_one("#clusters-head", Static).update(
            f"Looking for claims that recur across stories… {message.done:,}/{message.total:,}"
        )

    def _show(self, clusters: list[Cluster]) -> None:
        self._pass_running = None
        self.clusters = clusters
        stories = len({story for cluster in clusters for story in cluster.story_ids})
        self.query_one("#clusters-head", Static).update(
            f"{len(clusters)} claims recur across {stories} stories · tab: members · enter on a member opens it"
        )
        self.query_one("#clusters", FitTable).set_rows(
            [
                (
                    str(number),
                    (str(len(cluster.members)), str(len(cluster.story_ids)), f"{cluster.score:.2f}"),
                    f"{', '.join(cluster.verdicts) or 'not rated'} · {cluster.members[0].text}",
                )
                for number, cluster in enumerate(clusters)
            ]
        )
        self._show_members()

    def _current_cluster(self) -> Cluster | None:
        key = self.query_one("#clusters", FitTable).current_key()
        return self.clusters[int(key)] if key is not None and int(key) < len(self.clusters) else None

    def _show_members(self) -> None:
        cluster = self._current_cluster()
        members = cluster.members if cluster else []
        scale = self.app.workspace.scale
        self.query_one("#members", FitTable).set_rows(
            [
                (
                    member.claim_id,
                    (
                        member.claim_id,
                        verdict_text(member.verdict, scale, colour=not self.app.no_color),
                        member.published.isoformat() if member.published else "",
                    ),
                    WithAside(member.text, source_name(member)),
                )
                for member in members
            ]
        )
        self._show_member()

    def _current_member(self) -> ClusterMember | None:
        cluster = self._current_cluster()
        claim_id = self.query_one("#members", FitTable).current_key()
        return next((member for member in cluster.members if member.claim_id == claim_id), None) if cluster else None

    def _show_member(self) -> None:
        """The highlighted member's story (or archive check) and date on one line, then its words."""
        member = self._current_member()
        where, words = self.query_one("#member-where", Static), self.query_one("#member-words", Static)
        where.display = words.display = member is not None
        if member is None:
            return
        head = Text(member.claim_id, style="bold")
        head.append(f" in “{source_name(member)}”")
        if member.published:
            head.append(f", {member.published.isoformat()}")
        where.update(head)
        words.update(Text(shown(member.text), style="italic"))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "clusters":
            self._show_members()
        else:
            self._show_member()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "clusters":
            self.query_one("#members", FitTable).focus()
            return
        member = self._current_member()
        if member is not None:
            from factcheck_tui.tui.screens.claim import ClaimScreen

            self.app.push_screen(ClaimScreen(member.story_id, member.claim_id))

    def action_cursor(self, step: int) -> None:
        table = self.focused if isinstance(self.focused, FitTable) else self.query_one("#clusters", FitTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_switch_list(self) -> None:
        members = self.query_one("#members", FitTable)
        (self.query_one("#clusters", FitTable) if members.has_focus else members).focus()
