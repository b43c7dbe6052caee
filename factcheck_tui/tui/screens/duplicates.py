"""Earlier checks of one claim: confirm or reject each suggested link, or reuse its verdict."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.matching.copying import copy_verdict
from factcheck_tui.core.matching.results import Match, level_meaning
from factcheck_tui.core.models import Claim
from factcheck_tui.core.text import shown
from factcheck_tui.tui.formatting import verdict_text
from factcheck_tui.tui.match_marks import source_name
from factcheck_tui.tui.messages import MatchesChanged
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.review_base import ReviewScreen
from factcheck_tui.tui.undo import UndoStep
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from factcheck_tui.tui.widgets.fit_table import FitTable

TOP_K = 20


class DuplicatesScreen(ReviewScreen):
    """The review keys (v, s, u) act on the claim whose duplicates are listed."""

    AUTO_FOCUS = "#duplicates"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="dupes.back"),
        Binding("j", "cursor(1)", "Down", show=False, id="dupes.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="dupes.up"),
        Binding("y", "confirm", "Same claim", id="dupes.confirm"),
        Binding("r", "reject", "Not the same", id="dupes.reject"),
        Binding("c", "copy", "Copy verdict", id="dupes.copy"),
    ]

    def __init__(self, claim: Claim) -> None:
        super().__init__()
        self.claim = claim
        self.matches: list[Match] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dupes-claim")
        yield FitTable(id="duplicates")
        yield Static(id="dupes-detail")
        yield ActivityBar()
        yield Footer()

    @property
    def table(self) -> FitTable:
        return self.query_one("#duplicates", FitTable)

    def current_claim(self) -> Claim | None:
        return self.claim

    def claim_saved(self, claim: Claim) -> None:
        self.claim = claim
        self._show_head()

    def _show_head(self) -> None:
        head = Text("Earlier checks of ", style="bold")
        head.append(f"{self.claim.id}", style="bold")
        head.append(" (now: ")
        head.append_text(verdict_text(self.claim.verdict, self.app.workspace.scale, colour=not self.app.no_color))
        head.append(f"): {shown(self.claim.text)}")
        self.query_one("#dupes-claim", Static).update(head)

    def on_mount(self) -> None:
        self._show_head()
        self.table.set_columns(
            [
                ("Score", "score", 5),
                ("Level", "level", 9),
                ("Verdict", "verdict", 12),
                ("Date", "date", 10),
                ("Claim", "id", 9),
            ],
            ("Where and what", "text"),
        )
        self._search()

    def on_matches_changed(self, message: MatchesChanged) -> None:
        self._search()

    def _search(self) -> None:
        claim_id = self.claim.id
        if not self.run_matching("duplicates", lambda index, cancel: index.similar_to(claim_id, TOP_K), self._show):
            self.query_one("#dupes-detail", Static).update("The duplicate index is still loading…")

    def _show(self, matches: list[Match]) -> None:
        self.matches = matches
        scale = self.app.workspace.scale
        self.table.set_rows(
            [
                (
                    match.claim_id,
                    (
                        f"{match.score:.2f}",
                        "confirmed" if match.confirmed else match.level.value,
                        verdict_text(match.verdict, scale, colour=not self.app.no_color),
                        match.published.isoformat() if match.published else "",
                        match.claim_id,
                    ),
                    f"{source_name(match)}: {match.text}",
                )
                for match in matches
            ]
        )
        self._show_detail()

    def current(self) -> Match | None:
        key = self.table.current_key()
        return next((match for match in self.matches if match.claim_id == key), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        match = self.current()
        detail = self.query_one("#dupes-detail", Static)
        if match is None:
            detail.update(Text("No earlier claim says the same, as far as matching can tell.", style="dim"))
            return
        text = Text(source_name(match), style="bold")
        if match.published:
            text.append(f" · {match.published.isoformat()}")
        text.append(f"\n{shown(match.text)}")
        if not match.confirmed:
            thresholds = self.app.workspace.config.matching
            text.append(f"\n{level_meaning(match.score, thresholds.possible, thresholds.likely)}", style="italic")
        text.append(
            "\ny: same claim · r: not the same · c: copy its verdict, conclusion and evidence · enter: open it",
            style="dim",
        )
        detail.update(text)

    def action_cursor(self, step: int) -> None:
        self.table.action_cursor_down() if step > 0 else self.table.action_cursor_up()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        match = self.current()
        if match is not None:
            from factcheck_tui.tui.screens.claim import ClaimScreen

            self.app.push_screen(ClaimScreen(match.story_id, match.claim_id))

    def _decide(self, confirm: bool) -> Match | None:
        match = self.current()
        if match is None:
            return None
        links = self.app.repo.links
        decide = links.confirm if confirm else links.reject
        try:
            previous = links.get(self.claim.id, match.claim_id)
            decide(self.claim.id, match.claim_id, actor=self.app.workspace.actor, score=round(match.score, 4))
        except FactcheckError as error:
            self.app.report(error)
            return None
        word = "link of" if confirm else "rejection of"
        self.app.undo_stack.append(
            UndoStep.decision(f"{word} {match.claim_id}", self.claim.id, match.claim_id, previous)
        )
        self.app.announce_matches()
        return match

    def action_confirm(self) -> None:
        match = self._decide(confirm=True)
        if match is None:
            return
        if not match.verdict:
            self.notify(f"Linked {self.claim.id} with {match.claim_id}", timeout=3)
            return

        def answered(answer: str | None) -> None:
            if answer == "c":
                self._copy(match)
            else:
                self.notify(f"Linked {self.claim.id} with {match.claim_id}", timeout=3)

        self.app.push_screen(
            ConfirmScreen(
                f"Linked. Copy “{match.verdict}”, its conclusion and evidence from {match.claim_id} to {self.claim.id}?",
                {"c": "Copy them (u undoes)", "n": "Just keep the link"},
            ),
            answered,
        )

    def action_reject(self) -> None:
        match = self._decide(confirm=False)
        if match is not None:
            self.notify(f"{match.claim_id} will not be suggested for {self.claim.id} again (u undoes)", timeout=3)

    def action_copy(self) -> None:
        match = self.current()
        if match is None:
            return
        if not match.verdict:
            self.notify(f"{match.claim_id} has no verdict to copy", timeout=3)
            return
        if self._decide(confirm=True) is not None:
            self._copy(match)

    def _copy(self, match: Match) -> None:
        try:
            current = self.app.repo.get_claim(self.claim.id)
            saved = copy_verdict(
                self.app.repo,
                self.claim.id,
                match.claim_id,
                actor=self.app.workspace.actor,
                expected_version=current.version,
            )
        except FactcheckError as error:
            self.app.report(error)
            return
        self.app.undo_stack.append(UndoStep.of(f"copy of {match.claim_id}'s verdict", [saved]))
        self.app.claims_saved([saved])
        self.claim_saved(saved)
        self.notify(f"{saved.id} is now “{saved.verdict}”, copied from {match.claim_id}", timeout=4)
