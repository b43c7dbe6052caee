"""Earlier checks of one claim: weigh each suggested one (its verdict, conclusion, evidence, when
and where it was checked), then confirm it, reject it or reuse its verdict; and bring back one
rejected by mistake."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.matching.results import Match, level_meaning
from factcheck_tui.core.models import Claim
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow import duplicates
from factcheck_tui.core.workflow.duplicates import EarlierCheck, LinkChange, RejectedCandidate
from factcheck_tui.tui.formatting import ago, verdict_text
from factcheck_tui.tui.match_marks import check_source, marker, source_name
from factcheck_tui.tui.messages import MatchesChanged
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.review_base import ReviewScreen
from factcheck_tui.tui.undo import UndoStep
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from factcheck_tui.tui.widgets.earlier_check import earlier_check_table
from factcheck_tui.tui.widgets.fit_table import Column, FitTable, WithAside
from factcheck_tui.tui.widgets.page import ReadingPage

TOP_K = 20
CANDIDATES, REJECTED = "#duplicates", "#rejected"
CLAIM_COLUMN = "Earlier claim · where"
# At 80 columns the text keeps about 43 characters beside the score, verdict and date (the
# story's, else the check's); the claim id is shown on wider screens.
TEXT_BESIDE_DATE = 30
TEXT_BESIDE_ID = 40
DETAIL_TITLE = "The earlier check · space pgup scroll · tab into it"


@dataclass(frozen=True)
class Found:
    """What the screen lists, read in one worker: the candidates with their checks, and the rejected ones."""

    matches: list[Match]
    checks: dict[str, EarlierCheck]
    rejected: list[RejectedCandidate]


def _date(match: Match, check: EarlierCheck | None) -> str:
    """When the earlier claim was said (its story's date), else when it was checked."""
    when = match.published or (check.checked_on if check is not None else None)
    return when.isoformat() if when else ""


class DuplicatesScreen(ReviewScreen):
    """The review keys (v, s, u) act on the claim whose duplicates are listed."""

    AUTO_FOCUS = CANDIDATES
    BINDINGS = [
        Binding("escape", "back", "Back", id="dupes.back"),
        Binding("y", "confirm", "Same claim", id="dupes.confirm"),
        Binding("r", "reject", "Not the same", id="dupes.reject"),
        Binding("r", "restore", "Restore", id="dupes.restore"),
        Binding("c", "copy", "Copy its check", id="dupes.copy"),
        Binding("R", "toggle_rejected", "Rejected / candidates", id="dupes.rejected"),
        # The list keeps the focus and its keys (j k g G home end); these scroll the check below it.
        Binding(
            "space,pagedown",
            "scroll_detail(1)",
            "Scroll the check down",
            show=False,
            priority=True,
            id="dupes.page_down",
        ),
        Binding("pageup", "scroll_detail(-1)", "Scroll the check up", show=False, priority=True, id="dupes.page_up"),
    ]

    def __init__(self, claim: Claim) -> None:
        super().__init__()
        self.claim = claim
        self.matches: list[Match] = []
        self.checks: dict[str, EarlierCheck] = {}
        self.rejected: list[RejectedCandidate] = []
        self.showing_rejected = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dupes-claim")
        yield Static(id="dupes-keys", classes="status-line")
        yield FitTable(id="duplicates")
        yield FitTable(id="rejected")
        with ReadingPage(id="dupes-detail"):
            yield Static(id="dupes-earlier")
        yield ActivityBar()
        yield Footer()

    @property
    def table(self) -> FitTable:
        """The list on show: the candidates, or the rejected ones."""
        return self.query_one(REJECTED if self.showing_rejected else CANDIDATES, FitTable)

    def current_claim(self) -> Claim | None:
        return self.claim

    def claim_saved(self, claim: Claim) -> None:
        # An undo may restore another claim (the step before was elsewhere): this screen stays on its own.
        if claim.id == self.claim.id:
            self.claim = claim
            self._show_head()
            self._show_detail()

    def on_mount(self) -> None:
        # Each row says what the earlier claim says: that is what is compared. Where it was said
        # follows in the room left (and in full in the check below). The date, then the id, give
        # way to the text; a date no candidate has takes no room.
        self.query_one(CANDIDATES, FitTable).set_columns(
            [
                # The level as the claims list marks it (◆ likely, = confirmed): the check below says it in words.
                ("Score", "score", 6),
                ("Verdict", "verdict", 12),
                Column("Date", "date", 10, keeps_text=TEXT_BESIDE_DATE, only_filled=True),
                Column("Claim", "id", 9, keeps_text=TEXT_BESIDE_ID),
            ],
            (CLAIM_COLUMN, "text"),
        )
        self.query_one(REJECTED, FitTable).set_columns(
            [
                ("Rejected", "at", 10),
                # Who rejected it is in the check below: at 60 columns the words need the room.
                Column("By", "by", 10, keeps_text=TEXT_BESIDE_DATE),
                ("Verdict", "verdict", 12),
                Column("Claim", "id", 9, keeps_text=TEXT_BESIDE_ID),
            ],
            (CLAIM_COLUMN, "text"),
        )
        self.query_one(REJECTED, FitTable).display = False
        self.query_one("#dupes-detail", ReadingPage).border_title = DETAIL_TITLE
        self._show_head()
        self._search()

    # -- what is listed ------------------------------------------------------------------------

    def _show_head(self) -> None:
        head = Text()
        head.append("Rejected for " if self.showing_rejected else "Earlier checks of ", style="bold")
        head.append(self.claim.id, style="bold")
        head.append(" (now: ")
        head.append_text(verdict_text(self.claim.verdict, self.app.workspace.scale, colour=not self.app.no_color))
        head.append(f"): {shown(self.claim.text)}")
        self.query_one("#dupes-claim", Static).update(head)
        if self.showing_rejected:
            keys = "r restore as a candidate · R or escape: the candidates"
        else:
            keys = f"y same · r not the same · c copy its check · R rejected: {len(self.rejected)}"
        self.query_one("#dupes-keys", Static).update(Text(keys))

    def on_matches_changed(self, message: MatchesChanged) -> None:
        self._search()

    def _search(self) -> None:
        claim_id, repo = self.claim.id, self.app.repo

        def find(index, cancel) -> Found:
            matches = index.similar_to(claim_id, TOP_K)
            checks = duplicates.earlier_checks(repo, [match.claim_id for match in matches])
            return Found(matches, checks, duplicates.rejected_candidates(repo, claim_id))

        if not self.run_matching("duplicates", find, self._show):
            self.query_one("#dupes-earlier", Static).update("The duplicate index is still loading…")

    def _show(self, found: Found) -> None:
        self.matches, self.checks, self.rejected = found.matches, found.checks, found.rejected
        scale, colour = self.app.workspace.scale, not self.app.no_color
        self.query_one(CANDIDATES, FitTable).set_rows(
            [
                (
                    match.claim_id,
                    (
                        # Text, not a string: a string cell is cut to one line, losing the blank mark's space.
                        Text(f"{marker([match]) or ' '} {match.score:.2f}"),
                        verdict_text(match.verdict, scale, colour=colour),
                        _date(match, self.checks.get(match.claim_id)),
                        match.claim_id,
                    ),
                    WithAside(match.text, source_name(match)),
                )
                for match in self.matches
            ]
        )
        self.query_one(REJECTED, FitTable).set_rows(
            [
                (
                    candidate.other_id,
                    (
                        ago(candidate.decision.at, short=True),
                        candidate.decision.by,
                        verdict_text(candidate.earlier.claim.verdict, scale, colour=colour),
                        candidate.other_id,
                    ),
                    WithAside(candidate.earlier.claim.text, check_source(candidate.earlier)),
                )
                for candidate in self.rejected
            ]
        )
        self._show_head()
        self._show_detail()

    def current(self) -> Match | None:
        """The candidate under the cursor (None in the rejected list)."""
        if self.showing_rejected:
            return None
        key = self.table.current_key()
        return next((match for match in self.matches if match.claim_id == key), None)

    def current_rejected(self) -> RejectedCandidate | None:
        if not self.showing_rejected:
            return None
        key = self.table.current_key()
        return next((candidate for candidate in self.rejected if candidate.other_id == key), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.table:
            self._show_detail()

    def _show_detail(self) -> None:
        """The pair's standing (how likely, or who rejected it), then the earlier check in full, from its top."""
        detail = self.query_one("#dupes-earlier", Static)
        text = self._rejected_detail() if self.showing_rejected else self._candidate_detail()
        detail.update(text)
        self.query_one("#dupes-detail", ReadingPage).scroll_home(animate=False, immediate=True)

    def _candidate_detail(self) -> RenderableType:
        match = self.current()
        if match is None:
            text = Text("No earlier claim says the same, as far as matching can tell.", style="dim")
            if self.rejected:
                text.append(f" {len(self.rejected)} rejected: R lists them.")
            return text
        if match.confirmed:
            text = Text()
            text.append("= Confirmed as the same claim", style="bold")
            link = self.app.repo.links.get(self.claim.id, match.claim_id)
            if link is not None:
                text.append(f" by {shown(link.by)}, {ago(link.at)}")
        else:
            thresholds = self.app.workspace.config.matching
            text = Text()
            text.append(f"{match.score:.2f} ", style="bold")
            text.append(level_meaning(match.score, thresholds.possible, thresholds.likely), style="italic")
        return self._with_check(text, self.checks.get(match.claim_id))

    def _rejected_detail(self) -> RenderableType:
        candidate = self.current_rejected()
        if candidate is None:
            return Text(f"No earlier claim was rejected for {self.claim.id}.", style="dim")
        decision = candidate.decision
        text = Text()
        text.append("✗ Rejected", style="bold")
        text.append(f" by {shown(decision.by)}, {ago(decision.at)}")
        if decision.score is not None:
            text.append(f", when matching gave {decision.score:.2f}")
        if decision.note:
            text.append(f"\nWhy: {shown(decision.note)}")
        return self._with_check(text, candidate.earlier)

    def _with_check(self, standing: Text, check: EarlierCheck | None) -> RenderableType:
        if check is None:
            standing.append("\nThat claim is no longer in the database.", style="dim")
            return standing
        scale, colour = self.app.workspace.scale, not self.app.no_color
        return Group(standing, Text(), earlier_check_table(self.claim, check, scale, colour=colour))

    # -- moving around ------------------------------------------------------------------------

    def action_scroll_detail(self, direction: int) -> None:
        page = self.query_one("#dupes-detail", ReadingPage)
        page.action_page_down() if direction > 0 else page.action_page_up()

    def action_toggle_rejected(self) -> None:
        self.showing_rejected = not self.showing_rejected
        self.query_one(CANDIDATES, FitTable).display = not self.showing_rejected
        self.query_one(REJECTED, FitTable).display = self.showing_rejected
        self.table.focus()
        self._show_head()
        self._show_detail()
        self.refresh_bindings()

    def action_back(self) -> None:
        """Escape steps back one level: from the check to the list, from the rejected to the candidates, then out."""
        if self.query_one("#dupes-detail", ReadingPage).has_focus:
            self.table.focus()
        elif self.showing_rejected:
            self.action_toggle_rejected()
        else:
            self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # r rejects a candidate and restores a rejected one; y and c act on candidates only.
        if action in {"confirm", "reject", "copy"}:
            return not self.showing_rejected
        if action == "restore":
            return self.showing_rejected
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.data_table.current_key() if isinstance(event.data_table, FitTable) else None
        check = self.checks.get(key or "") or next(
            (candidate.earlier for candidate in self.rejected if candidate.other_id == key), None
        )
        if check is not None:
            from factcheck_tui.tui.screens.claim import ClaimScreen

            self.app.push_screen(ClaimScreen(check.claim.story_id, check.claim.id))

    # -- deciding -----------------------------------------------------------------------------

    def _decided(self, label: str, change: LinkChange, message: str) -> None:
        """One undo step for the decision (and the copy it made), then every screen hears of it."""
        self.app.undo_stack.append(UndoStep.link_change(label, change))
        if change.copied is not None:
            self.app.claims_saved([change.copied])
            self.claim_saved(change.copied)
        self.app.announce_matches()
        self.notify(message, timeout=4)

    def _link(self, match: Match, *, copy: bool) -> None:
        claim_id, actor = self.claim.id, self.app.workspace.actor
        version = self.claim.version

        def done(change: LinkChange) -> None:
            if change.copied is not None:
                message = f"{claim_id} is now “{change.copied.verdict}”, copied from {match.claim_id} (u undoes)"
            else:
                message = f"Linked {claim_id} with {match.claim_id} (u undoes)"
            self._decided(f"link of {match.claim_id}" + (" and copy of its check" if copy else ""), change, message)

        self.app.run_save(
            lambda: duplicates.link(
                self.app.repo,
                claim_id,
                match.claim_id,
                actor=actor,
                score=round(match.score, 4),
                copy=copy,
                expected_version=version,
            ),
            done,
            self._refused,
        )

    def _refused(self, error: FactcheckError) -> None:
        self.app.report(error)
        with suppress(FactcheckError):
            self.claim_saved(self.app.repo.get_claim(self.claim.id))

    def action_confirm(self) -> None:
        """y: the same claim. With a verdict to reuse, ask whether to copy it; escape links nothing."""
        match = self.current()
        if match is None:
            return
        if not match.verdict:
            self._link(match, copy=False)
            return
        question = (
            f"{self.claim.id} and {match.claim_id} are the same claim. Copy “{match.verdict}”, its conclusion "
            f"and evidence from {match.claim_id} onto {self.claim.id}?"
        )
        if self.claim.verdict and self.claim.verdict != match.verdict:
            question += f" {self.claim.id}'s verdict “{self.claim.verdict}” would be replaced."

        def answered(answer: str | None) -> None:
            if answer in {"c", "n"}:
                self._link(match, copy=answer == "c")

        self.app.push_screen(
            ConfirmScreen(
                question,
                {"c": "Link them and copy (u undoes both)", "n": "Link them, copy nothing"},
                cancel="Cancel: nothing is linked or copied",
            ),
            answered,
        )

    def action_copy(self) -> None:
        match = self.current()
        if match is None:
            return
        if not match.verdict:
            self.notify(f"{match.claim_id} has no verdict to copy", timeout=3)
            return
        self._link(match, copy=True)

    def action_reject(self) -> None:
        match = self.current()
        if match is None:
            return
        claim_id, other_id = self.claim.id, match.claim_id
        self.app.run_save(
            lambda: duplicates.reject(
                self.app.repo, claim_id, other_id, actor=self.app.workspace.actor, score=round(match.score, 4)
            ),
            lambda change: self._decided(
                f"rejection of {other_id}",
                change,
                f"{other_id} will not be suggested for {claim_id} again (R lists rejected ones, u undoes)",
            ),
            self._refused,
        )

    def action_restore(self) -> None:
        candidate = self.current_rejected()
        if candidate is None:
            return
        claim_id, other_id = self.claim.id, candidate.other_id
        self.app.run_save(
            lambda: duplicates.restore(self.app.repo, claim_id, other_id),
            lambda change: self._decided(
                f"return of {other_id} as a candidate",
                change,
                f"{other_id} is a candidate for {claim_id} again (u undoes)",
            ),
            self._refused,
        )
