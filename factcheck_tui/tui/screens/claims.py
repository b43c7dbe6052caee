"""One story's claims, in document order or best score first, with the highlighted sentence in its
paragraph below."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.matching.results import Match
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow import claim_edits
from factcheck_tui.core.workflow.claim_order import ClaimOrder, ordered
from factcheck_tui.core.workflow.filters import ClaimFilter, saved_filter
from factcheck_tui.tui.clipboard import copy_claim_id
from factcheck_tui.tui.formatting import score_text, status_text, verdict_text, worthy_text
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.match_marks import checked_before, marker
from factcheck_tui.tui.messages import MatchesChanged, StoryChanged
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claim_text_dialog import ADD, EDIT, SPLIT, ClaimTextDialog
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.duplicates import DuplicatesScreen
from factcheck_tui.tui.screens.filter_menu import FilterMenu
from factcheck_tui.tui.screens.review_base import ReviewScreen
from factcheck_tui.tui.screens.story_reader import StoryReader
from factcheck_tui.tui.undo import UndoStep
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from factcheck_tui.tui.widgets.claim_context import ClaimContext
from factcheck_tui.tui.widgets.filter_bar import FilterBar
from factcheck_tui.tui.widgets.fit_table import Column, FitTable, successor

Row = tuple[str, tuple[Any, ...], str]

# Most names fit ("Priya N. Kapoor", "Councillor Dana Ruiz"); longer ones end with an ellipsis.
SPEAKER_WIDTH = 16
# The claim's text is what a reviewer reads the list for. The speaker column is shown only beside
# 36 characters of it, from about 100 columns (at 80 it would leave 19 to 24, three or four
# words), and the score number gives way below 24 (at 60): the pane under the list names the
# highlighted claim's speaker and score anyway, and the ●/○ mark stays.
TEXT_BESIDE_SPEAKER = 36
TEXT_BESIDE_SCORE = 24

# Merging a rated claim: its verdict was given for other words, so the reviewer says what becomes of it.
_MERGE_ANSWERS = {
    "k": ("Merge, keep the verdict: it holds for the joined text", claim_edits.MergedReview.KEEP),
    "r": ("Merge, rate it again (conclusion and evidence stay)", claim_edits.MergedReview.RATE_AGAIN),
}


class ClaimsScreen(ReviewScreen):
    AUTO_FOCUS = "#claims"
    BINDINGS = [
        Binding("escape", "back", "Back / clear marks", id="claims.back"),
        Binding("space", "toggle_mark", "Mark", id="claims.mark"),
        Binding("asterisk", "mark_all", "Mark all shown", show=False, id="claims.mark_all"),
        Binding("j", "cursor_down", "Down", show=False, id="claims.down"),
        Binding("k", "cursor_up", "Up", show=False, id="claims.up"),
        Binding("n", "next_unreviewed", "Next unreviewed", id="claims.next_unreviewed"),
        Binding("N", "previous_unreviewed", "Previous unreviewed", show=False, id="claims.previous_unreviewed"),
        Binding("f", "filter", "Filter", id="claims.filter"),
        Binding("o", "toggle_order", "Sort: best score first / story order", id="claims.order"),
        Binding("d", "duplicates", "Duplicates", show=False, id="claims.duplicates"),
        Binding("slash", "search", "Search", show=False, id="claims.search"),
        Binding("a", "add_claim", "Add claim", show=False, id="claims.add"),
        Binding("t", "edit_text", "Edit claim text", show=False, id="claims.edit_text"),
        Binding("T", "split", "Split claim", show=False, id="claims.split"),
        Binding("m", "merge_next", "Merge with next claim", show=False, id="claims.merge"),
        Binding("delete", "toggle_dismissed", "Dismiss / restore claim", show=False, id="claims.dismiss"),
        Binding("p", "edit_speaker", "Edit speaker", show=False, id="claims.speaker"),
        Binding("r", "read_story", "Read the whole story", show=False, id="claims.read"),
        Binding("ctrl+c", "copy", "Copy claim id", show=False, id="claims.copy"),
    ]

    def __init__(self, story_id: str) -> None:
        super().__init__()
        self.story_id = story_id
        self.story: Story | None = None
        self.claims: list[Claim] = []
        self.filter = ClaimFilter()
        self.matches: dict[str, list[Match]] = {}
        # Set once every claim of the story has been matched: after that a save rematches only its claims.
        self._matched_all = False
        # The whole story is being matched now, and the claims saved meanwhile (matched again after it).
        self._matching_all = False
        self._saved_while_matching: set[str] = set()
        self._rows: dict[str, tuple[Claim, str, bool, Row]] = {}
        # Claims marked for a bulk change (space, *): verdict, status, assign, tags and dismiss apply to all.
        self.marked: set[str] = set()
        self._signature: object = None
        # The claim screen opened from this list: back here, the cursor is on the claim it showed last.
        self._opened: ClaimScreen | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="story-head")
        yield ProgressBar(id="review-progress", show_eta=False)
        yield FilterBar(placeholder="Search claims, speakers, verdicts", id="search")
        yield FitTable(id="claims")
        yield Static(id="marks")
        with VerticalScroll(id="context-pane"):
            # One line, cut to fit: wrapped over three at 60 columns it pushed the claim out of the pane.
            yield Static(id="earlier-check")
            yield ClaimContext(id="context")
        yield ActivityBar()
        yield Footer()

    @property
    def table(self) -> FitTable:
        return self.query_one("#claims", FitTable)

    def on_mount(self) -> None:
        # The mark and duplicate columns are there only when some claim has one.
        self.table.set_columns(
            [
                Column("*", "mark", 1, only_filled=True),
                Column("#", "number", 3),
                Column("", "worthy", 1),
                Column("Score", "score", 5, keeps_text=TEXT_BESIDE_SCORE),
                Column("St", "status", 3),
                Column("Verdict", "verdict", 12),
                Column("Dup", "dup", 3, only_filled=True),
                Column("Speaker", "speaker", SPEAKER_WIDTH, keeps_text=TEXT_BESIDE_SPEAKER, only_filled=True),
            ],
            ("Text", "text"),
        )

    def on_screen_resume(self) -> None:
        # Also runs when the screen is first shown: the one place the list is (re)loaded.
        self.app.last_story_id = self.story_id
        opened, self._opened = self._opened, None
        self.reload(anchor=opened.claim_id if opened else None)

    def on_story_changed(self, message: StoryChanged) -> None:
        if message.story_id == self.story_id and self.app.repo.story_signature(self.story_id) != self._signature:
            self.reload()

    def reload(self, anchor: str | None = None) -> None:
        """Read the story again; the cursor stays on its claim (or ``anchor``), or the one in its place."""
        repo = self.app.repo
        try:
            self._signature = repo.story_signature(self.story_id)
            self.story = repo.get_story(self.story_id)
            self.claims = repo.list_claims(self.story_id, include_dismissed=True)
        except FactcheckError as error:
            self.app.report(error)
            if self.story is None:
                # Nothing of this story could be read (a damaged file): there is nothing to show here.
                self.app.pop_screen()
            return
        self._fill(anchor)
        if not self._matched_all and not self._matching_all:
            # Changes made since come in MatchesChanged; matching 5,000 claims again on every save would not keep up.
            self._look_for_matches()

    def on_matches_changed(self, message: MatchesChanged) -> None:
        if message.claim_ids is None or (not self._matched_all and not self._matching_all):
            self._look_for_matches()
            return
        ours = {claim_id for claim_id in message.claim_ids if claim_id.startswith(f"{self.story_id}-")}
        if not self._matched_all:
            # The whole story is being matched: starting over on every save would never finish.
            # These claims are matched again once it has, in case it read them before the save.
            self._saved_while_matching |= ours
            return
        if ours:
            self._rematch(ours)

    def _rematch(self, ours: set[str]) -> None:
        """Only the claims just saved: claims match other stories' claims, so no other mark here changes."""
        ids = sorted(ours)
        self.run_matching(
            "claim-matches",
            lambda index, cancel: index.matches_for(ids),
            lambda found: self._matches_found(found, ours),
            exclusive=False,
        )

    def _look_for_matches(self) -> None:
        story_id = self.story_id
        if self.run_matching(
            "story-matches",
            lambda index, cancel: index.matches_for_story(story_id, cancel=cancel),
            lambda found: self._matches_found(found, None),
        ):
            self._matched_all, self._matching_all = False, True

    def _matches_found(self, found: dict[str, list[Match]], claim_ids: set[str] | None) -> None:
        """``claim_ids``: the claims that were matched again, or None for the whole story."""
        if claim_ids is None:
            self.matches, self._matched_all, self._matching_all = found, True, False
            saved, self._saved_while_matching = self._saved_while_matching, set()
            if saved:
                self._rematch(saved)
        else:
            self.matches = {key: value for key, value in self.matches.items() if key not in claim_ids} | found
        self._fill()

    def _shown_in_story_order(self) -> list[Claim]:
        return [claim for claim in self.claims if self.filter.matches(claim)]

    def visible_claims(self) -> list[Claim]:
        """The rows, in the list's order: n and N, and ] and [ on a claim, follow it."""
        return ordered(self._shown_in_story_order(), self.app.claim_order)

    def action_toggle_order(self) -> None:
        """o: the most check-worthy claims first, or back to the story's order; the cursor stays on its claim."""
        by_score = self.app.claim_order is ClaimOrder.STORY
        self.app.claim_order = ClaimOrder.SCORE if by_score else ClaimOrder.STORY
        self._fill(self.table.current_key())

    def _fill(self, anchor: str | None = None) -> None:
        assert self.story is not None
        scale = self.app.workspace.scale
        worthy = [claim for claim in self.claims if claim.checkworthy and not claim.dismissed]
        reviewed = sum(claim.reviewed for claim in worthy)
        # The CSS cuts each line with an ellipsis: a long headline must not push the list down.
        head = literal(self.story.title, "bold")
        details = (self.story.outlet, self.story.byline, str(self.story.published or ""))
        meta = " · ".join(part for part in details if part)
        if meta:
            head.append(f"  {shown(meta)}", style="dim")
        visible = self.visible_claims()
        # Marks follow what is shown: a claim filtered out or deleted meanwhile is not changed unseen.
        self.marked &= {claim.id for claim in visible}
        self._show_marks()
        head.append(
            # The order before the filter, which may be long: at 60 columns the line is cut.
            f"\n{reviewed} of {len(worthy)} check-worthy claims reviewed · {self.app.claim_order.describe()} · "
            f"showing {len(visible)}: {self.filter.describe()}",
            style="dim",
        )
        self.query_one("#story-head", Static).update(head)
        self.query_one("#review-progress", ProgressBar).update(total=max(len(worthy), 1), progress=reviewed)
        self.table.set_rows(
            [self._row(claim, scale) for claim in visible],
            self._cursor_claim(anchor or self.table.current_key(), visible),
        )
        self._show_context()

    def _cursor_claim(self, wanted: str | None, visible: list[Claim]) -> str | None:
        """Where the cursor belongs: on ``wanted`` if it is shown, else on the claim that took its
        place in the list's order over every claim (the next one shown, else the one before); not
        the rows on screen, because the list may have been refreshed while a claim was open."""
        order = [claim.id for claim in ordered(self.claims, self.app.claim_order)]
        if wanted is None or wanted not in order:
            return wanted
        return successor(order, [claim.id for claim in visible], wanted)

    def _row(self, claim: Claim, scale: VerdictScale) -> Row:
        """A claim's row, made again only when the claim or its mark changed: a long story has thousands."""
        mark = self._marker(claim)
        marked = claim.id in self.marked
        cached = self._rows.get(claim.id)
        if cached is not None and cached[0] is claim and cached[1] == mark and cached[2] == marked:
            return cached[3]
        row: Row = (
            claim.id,
            (
                "*" if marked else "",
                str(claim.number),
                worthy_text(claim),
                score_text(claim),
                status_text(claim.status),
                verdict_text(claim.verdict, scale, colour=not self.app.no_color),
                mark,
                claim.speaker or "",
            ),
            claim.text,
        )
        self._rows[claim.id] = (claim, mark, marked, row)
        return row

    def _marker(self, claim: Claim) -> str:
        """Headlines and bylines recur from story to story; only claims worth checking, or ones
        already rated elsewhere, are marked."""
        matches = self.matches.get(claim.id, [])
        return marker(matches) if claim.checkworthy or any(match.verdict for match in matches) else ""

    def current_claim(self) -> Claim | None:
        current = self.table.current_key()
        return next((claim for claim in self.claims if claim.id == current), None)

    def claim_saved(self, claim: Claim) -> None:
        self.reload()

    def action_copy(self) -> None:
        copy_claim_id(self, self.current_claim())

    def claims_saved_here(self, claims: list[Claim]) -> None:
        self.reload()

    def target_claims(self) -> list[Claim]:
        if self.marked:
            return [claim for claim in self.visible_claims() if claim.id in self.marked]
        return super().target_claims()

    # -- marks for bulk changes ---------------------------------------------------------------

    def _show_marks(self) -> None:
        bar = self.query_one("#marks", Static)
        count = len(self.marked)
        bar.display = bool(count)
        bar.update(f"{count} marked · v s A # delete apply to all · space unmarks · escape clears" if count else "")

    def action_toggle_mark(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        self.marked ^= {claim.id}
        self._fill()
        self.table.action_cursor_down()

    def action_mark_all(self) -> None:
        visible = {claim.id for claim in self.visible_claims()}
        # A second press with everything already marked takes the marks off again.
        self.marked = set() if visible and visible <= self.marked else visible
        self._fill()

    def _show_context(self) -> None:
        if self.story is not None:
            claim = self.current_claim()
            earlier = checked_before(self.matches.get(claim.id, [])) if claim else None
            notice = self.query_one("#earlier-check", Static)
            notice.display = earlier is not None
            notice.update(earlier or "")
            self.query_one("#context", ClaimContext).show(self.story, claim)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_context()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def _jump_unreviewed(self, step: int) -> None:
        visible = self.visible_claims()
        count = len(visible)
        for offset in range(1, count + 1):
            index = (self.table.cursor_row + step * offset) % count
            claim = visible[index]
            if claim.checkworthy and not claim.reviewed:
                self.table.move_cursor(row=index)
                return
        self.notify("Every check-worthy claim shown has a verdict", timeout=3)

    def action_next_unreviewed(self) -> None:
        self._jump_unreviewed(1)

    def action_previous_unreviewed(self) -> None:
        self._jump_unreviewed(-1)

    def action_open(self) -> None:
        claim = self.current_claim()
        if claim:
            self._opened = ClaimScreen(self.story_id, claim.id, [c.id for c in self.visible_claims()])
            self.app.push_screen(self._opened)

    def action_read_story(self) -> None:
        claim = self.current_claim()
        self.app.push_screen(StoryReader(self.story_id, claim.id if claim else None))

    def action_back(self) -> None:
        """Escape undoes one narrowing at a time: the marks, the search, then the filter, then leaves."""
        if self.marked:
            self.marked.clear()
            self._fill()
            return
        search = self.query_one("#search", FilterBar)
        if search.value:
            search.action_clear()
        elif self.filter != ClaimFilter():
            self.filter = ClaimFilter()
            self._fill()
            self.notify("Showing all claims (the filter is cleared)", timeout=2)
        else:
            self.app.pop_screen()

    def action_duplicates(self) -> None:
        claim = self.current_claim()
        if claim is not None:
            self.app.push_screen(DuplicatesScreen(claim))

    def action_filter(self) -> None:
        def chosen(choice: ClaimFilter | None) -> None:
            if choice is not None:
                self.apply_filter(choice)

        live = [claim for claim in self.claims if not claim.dismissed]
        self.app.push_screen(
            FilterMenu(
                self.app.workspace.scale,
                self.filter,
                me=self.app.workspace.actor,
                tags=sorted({tag for claim in live for tag in claim.tags}),
                assignees=sorted({claim.assignee for claim in live if claim.assignee}, key=str.casefold),
                saved=self.saved_filters(),
            ),
            chosen,
        )

    def saved_filters(self) -> dict[str, ClaimFilter]:
        """The config's ``[filters.NAME]``; one that cannot be read is reported and left out."""
        workspace = self.app.workspace
        found = {}
        for name, saved in workspace.config.filters.items():
            try:
                found[name] = saved_filter(saved, workspace.scale)
            except FactcheckError as error:
                self.app.report(error)
        return found

    def apply_filter(self, choice: ClaimFilter) -> None:
        """Show the claims ``choice`` picks (the filter menu, a saved filter from the palette)."""
        self.filter = choice if choice.text else choice.with_text(self.filter.text)
        self._fill()

    def action_search(self) -> None:
        self.query_one("#search", FilterBar).open()

    def on_input_changed(self, event: FilterBar.Changed) -> None:
        self.filter = self.filter.with_text(event.value)
        self._fill()

    def on_filter_bar_done(self, event: FilterBar.Done) -> None:
        self.table.focus()

    # -- fixing the machine's claim list ------------------------------------------------------

    def _fix(self, label: str, run, focus: str | None = None, *, kept: Callable[[], object] | None = None) -> None:
        """Run one claim-list fix; it becomes one undo step and the list shows the result.
        ``kept`` runs when it is not saved: what the reviewer typed should come back."""

        def done(result: tuple[list[Claim], list[Claim]]) -> None:
            saved, created = result
            self.app.undo_stack.append(UndoStep.of(label, saved, created))
            self.app.claims_saved([*saved, *created])
            self.reload(anchor=focus)

        def refused(error: FactcheckError) -> None:
            self.app.report(error)
            self.reload()
            if kept is not None:
                kept()

        self.app.run_save(run, done, refused)

    def action_add_claim(self) -> None:
        actor = self.app.workspace.actor

        def added(text: str | int | None) -> None:
            if isinstance(text, str):
                self._fix(
                    "added claim",
                    lambda: ([], [claim_edits.add_claim(self.app.repo, self.story_id, text, actor=actor)]),
                    kept=lambda: self.app.push_screen(ClaimTextDialog(ADD, text), added),
                )

        self.app.push_screen(ClaimTextDialog(ADD), added)

    def action_edit_text(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        actor = self.app.workspace.actor

        def edited(text: str | int | None) -> None:
            if isinstance(text, str) and text != claim.text:
                self._fix(
                    f"edit of {claim.id}",
                    lambda: (
                        [
                            claim_edits.edit_claim_text(
                                self.app.repo, claim.id, text, actor=actor, expected_version=claim.version
                            )
                        ],
                        [],
                    ),
                    claim.id,
                    kept=lambda: self.app.push_screen(ClaimTextDialog(EDIT, text), edited),
                )

        self.app.push_screen(ClaimTextDialog(EDIT, claim.text), edited)

    def action_split(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        actor = self.app.workspace.actor

        def chosen(at: str | int | None) -> None:
            if isinstance(at, int):

                def run():
                    first, second = claim_edits.split_claim(
                        self.app.repo, claim.id, at, actor=actor, expected_version=claim.version
                    )
                    return [first], [second]

                self._fix(f"split of {claim.id}", run, claim.id)

        self.app.push_screen(ClaimTextDialog(SPLIT, claim.text, split_at=claim_edits.split_point(claim)), chosen)

    def action_merge_next(self) -> None:
        # The next claim in the story, whatever order the list is in: only neighbours merge.
        visible = self._shown_in_story_order()
        claim = self.current_claim()
        if claim is None or claim not in visible or visible.index(claim) + 1 >= len(visible):
            self.notify("There is no next claim to merge with", timeout=2)
            return
        following = visible[visible.index(claim) + 1]
        at_stake = claim_edits.review_at_stake(claim, following)
        if not at_stake:
            self._merge(claim, following, None)
            return

        def answered(key: str | None) -> None:
            if key is not None:
                self._merge(claim, following, _MERGE_ANSWERS[key][1])

        self.app.push_screen(
            ConfirmScreen(
                f"Merge {claim.id} with {following.id}? {'; '.join(at_stake)}, given for other words.",
                {key: label for key, (label, _) in _MERGE_ANSWERS.items()},
                cancel="Cancel: nothing is merged",
            ),
            answered,
        )

    def _merge(self, claim: Claim, following: Claim, review: claim_edits.MergedReview | None) -> None:
        actor = self.app.workspace.actor

        def run():
            merged = claim_edits.merge_claims(
                self.app.repo,
                claim.id,
                following.id,
                actor=actor,
                expected_version=claim.version,
                second_expected_version=following.version,
                review=review,
            )
            return [merged, self.app.repo.get_claim(following.id)], []

        self._fix(f"merge of {claim.id} and {following.id}", run, claim.id)

    def action_toggle_dismissed(self) -> None:
        if self.marked:
            claims = self.target_claims()
            restore = all(claim.dismissed for claim in claims)
            label = f"{'restore' if restore else 'dismissal'} of {len(claims)} claims"
            edit = claim_edits.dismissed_edit(not restore)
            self.apply(
                claims,
                label,
                edit,
                note="restored" if restore else "dismissed",
                then=lambda _: self.notify(
                    f"{'Restored' if restore else 'Dismissed'} {len(claims)} claims (u undoes)", timeout=3
                ),
            )
            return
        claim = self.current_claim()
        if claim is None:
            return
        actor = self.app.workspace.actor
        change = claim_edits.restore_claim if claim.dismissed else claim_edits.dismiss_claim
        label = f"{'restore' if claim.dismissed else 'dismissal'} of {claim.id}"
        self._fix(label, lambda: ([change(self.app.repo, claim.id, actor=actor, expected_version=claim.version)], []))
        self.notify(f"{'Restored' if claim.dismissed else 'Dismissed'} {claim.id} (u undoes)", timeout=3)
