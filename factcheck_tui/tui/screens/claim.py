"""One claim on one scrolling page: its text and paragraph, why it ranked, the conclusion, the
evidence, earlier checks and the whole history; a fixed line above says which claim it is."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import DataTable, Footer, Header, Label, Static, TextArea

from factcheck_tui.core.errors import FactcheckError, StaleWriteError
from factcheck_tui.core.models import Claim, Evidence, Story
from factcheck_tui.core.storage.drafts import DraftStore, DraftWriter, LatestDraft, PendingDraft
from factcheck_tui.core.storage.jsonstore import Signature
from factcheck_tui.core.text import shown
from factcheck_tui.core.urls import has_safe_scheme
from factcheck_tui.core.workflow import review
from factcheck_tui.tui.browser import open_in_browser
from factcheck_tui.tui.clipboard import copy, copy_selection
from factcheck_tui.tui.formatting import ago, verdict_text
from factcheck_tui.tui.links import link_text
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.match_marks import earlier_lines
from factcheck_tui.tui.messages import MatchesChanged, StoryChanged
from factcheck_tui.tui.screens.copy_dialog import CopyDialog
from factcheck_tui.tui.screens.evidence_form import EvidenceForm, EvidenceInput
from factcheck_tui.tui.screens.review_base import ReviewScreen
from factcheck_tui.tui.widgets.activity_bar import ActivityBar
from factcheck_tui.tui.widgets.claim_context import paragraph_text, rank_text
from factcheck_tui.tui.widgets.clash_box import ClashBox
from factcheck_tui.tui.widgets.conclusion_editor import ConclusionEditor
from factcheck_tui.tui.widgets.fit_table import EvidenceTable, FitTable
from factcheck_tui.tui.widgets.history_view import HistoryView
from factcheck_tui.tui.widgets.page import Page

EARLIER_SHOWN = 3
STALE_CONCLUSION = (
    "yours stays in the editor, theirs is below it: ctrl+s replaces theirs, escape keeps yours as a draft"
)
LINK_WIDTH = 30
CONCLUSION = "conclusion"


def editable(claim: Claim) -> str:
    """The conclusion as the editor shows it: an editor draws its text raw, so it gets the safe form.
    Comparing against this (not the stored text) keeps an untouched conclusion from reading as edited."""
    return shown(claim.conclusion)


class ClaimScreen(ReviewScreen):
    AUTO_FOCUS = "#claim-body"
    BINDINGS = [
        Binding("escape", "back", "Back", id="claim.back"),
        Binding("c", "edit_conclusion", "Conclusion", id="claim.conclusion"),
        Binding("ctrl+s", "save_conclusion", "Save text", show=False, id="claim.save_conclusion"),
        Binding("e", "add_evidence", "Add evidence", id="claim.add_evidence"),
        Binding("E", "edit_evidence", "Edit evidence", show=False, id="claim.edit_evidence"),
        Binding("enter", "edit_evidence", "Edit evidence", show=False, id="evidence.edit"),
        Binding("delete", "remove_evidence", "Remove evidence", show=False, id="claim.remove_evidence"),
        Binding("o", "open_link", "Open link", show=False, id="claim.open_link"),
        Binding("d", "duplicates", "Duplicates", id="claim.duplicates"),
        Binding("right_square_bracket", "step(1)", "Next claim", show=False, id="claim.next"),
        Binding("left_square_bracket", "step(-1)", "Previous claim", show=False, id="claim.previous"),
        Binding("n", "step_unreviewed(1)", "Next unreviewed", show=False, id="claim.next_unreviewed"),
        Binding("N", "step_unreviewed(-1)", "Previous unreviewed", show=False, id="claim.previous_unreviewed"),
        Binding("j", "evidence_cursor(1)", "Next evidence", show=False, id="claim.evidence_down"),
        Binding("k", "evidence_cursor(-1)", "Previous evidence", show=False, id="claim.evidence_up"),
        Binding("p", "edit_speaker", "Edit speaker", show=False, id="claim.speaker"),
        Binding("r", "read_story", "Read the whole story", id="claim.read"),
        Binding("ctrl+c", "copy", "Copy id / evidence link", show=False, id="claim.copy"),
    ]

    def __init__(self, story_id: str, claim_id: str, sequence: list[str] | None = None) -> None:
        super().__init__()
        self.story_id = story_id
        self.claim_id = claim_id
        # The claims list as the reviewer saw it (filtered), so ] and [ walk the same list.
        self.sequence = sequence or []
        self.story: Story | None = None
        self.claim: Claim | None = None
        self._signature: Signature | None = None
        self._latest_draft = LatestDraft()
        # Drafts are numbered as they are taken from the editor and written in that order.
        self._draft_number = 0
        self._drafts_writer = DraftWriter()
        # Another reviewer's conclusion, saved since the reviewer began the text in the editor.
        self._theirs: Claim | None = None
        # The version the text in the editor was begun from: a restored draft keeps its own, so
        # that a conclusion saved since is still seen as theirs.
        self._draft_base = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="claim-bar")
        with Page(id="claim-body"):
            yield Static(id="claim-text")
            yield Static(id="claim-meta")
            yield Label("Context  (r reads the whole story)", classes="section")
            yield Static(id="claim-paragraph")
            yield Static(id="claim-rank")
            yield Label("Conclusion  (c to write · escape or ctrl+s saves)", classes="section")
            yield ConclusionEditor(id="conclusion")
            yield ClashBox(id="conflict", classes="conflict")
            yield Label("Evidence  (j k choose · e add · enter edit · delete remove · o open)", classes="section")
            yield EvidenceTable(id="evidence")
            yield Static("No evidence yet: e adds a link, a source or a note.", id="no-evidence")
            yield Static(id="earlier")
            yield Label("History  (oldest last)", classes="section")
            yield HistoryView(id="history")
        yield ActivityBar()
        yield Footer()

    @property
    def drafts(self) -> DraftStore:
        return self.app.repo.drafts(self.app.workspace.actor)

    def on_mount(self) -> None:
        self.query_one("#evidence", FitTable).set_columns(
            [("Id", "id", 3), ("Source", "source", 16), ("Link", "url", LINK_WIDTH)], ("Note", "note")
        )
        self._load(self.claim_id)

    # -- loading and showing -----------------------------------------------------------------

    def _load(self, claim_id: str) -> None:
        repo = self.app.repo
        try:
            self._signature = repo.story_signature(self.story_id)
            self.story = repo.get_story(self.story_id)
            claim = repo.get_claim(claim_id)
        except FactcheckError as error:
            self.app.report(error)
            return
        self.claim_id = claim_id
        self.claim = claim
        self._choose_evidence(None)
        self._show_conflict(None)
        editor = self.query_one("#conclusion", ConclusionEditor)
        draft = self.drafts.get(claim.id, CONCLUSION)
        self._draft_base = claim.version
        if draft and shown(draft.text) != editable(claim):
            editor.fill(shown(draft.text))
            self._draft_base = draft.base_version
            if draft.overtaken_by(claim):
                self._show_conflict(claim)
                self.notify("Restored your unsaved conclusion; another was saved since (shown below)", timeout=5)
            else:
                self.notify("Restored your unsaved conclusion for this claim", timeout=4)
        else:
            editor.fill(editable(claim))
        self._show(claim)
        self._focus_home()
        # A new claim is read from the top.
        self.query_one("#claim-body", Page).scroll_home(animate=False)

    def _editor_dirty(self) -> bool:
        return self.claim is not None and self.query_one("#conclusion", TextArea).text.strip() != editable(self.claim)

    def _show(self, claim: Claim) -> None:
        scale = self.app.workspace.scale
        colour = not self.app.no_color
        bar = Text(f"{claim.id}  ", style="bold")
        bar.append_text(verdict_text(claim.verdict, scale, colour=colour))
        bar.append(f"  {claim.status.value}")
        if claim.id in self.sequence:
            bar.append(f"  · {self.sequence.index(claim.id) + 1} of {len(self.sequence)} in the list", style="dim")
        self.query_one("#claim-bar", Static).update(bar)
        text = literal(claim.text, "bold")
        if claim.speaker:
            text.append(f"\n— {shown(claim.speaker)}", style="italic")
        self.query_one("#claim-text", Static).update(text)
        meta = Text(f"{claim.id} · version {claim.version}", style="dim")
        if claim.updated_by:
            meta.append(f" · changed {ago(claim.updated_at)} by {shown(claim.updated_by)}")
        desk = [
            f"Assigned to {shown(claim.assignee)}" if claim.assignee else "Unassigned",
            f"Tags: {shown(', '.join(claim.tags))}" if claim.tags else "",
            f"Approved by {shown(claim.approved_by)}" if claim.approved_by else "",
        ]
        meta.append("\n" + " · ".join(part for part in desk if part) + "  (A assign · # tags · Y approve · W notes)")
        if claim.notes:
            meta.append(f"\nNotes (internal): {shown(claim.notes)}", style="italic")
        self.query_one("#claim-meta", Static).update(meta)
        if self.story is not None:
            self.query_one("#claim-paragraph", Static).update(paragraph_text(self.story, claim))
        self.query_one("#claim-rank", Static).update(rank_text(claim))
        self._show_evidence(claim.evidence)
        self.query_one("#history", HistoryView).show(claim)
        self._show_earlier(claim)

    def _show_evidence(self, items: list[Evidence]) -> None:
        table = self.query_one("#evidence", FitTable)
        table.set_rows(
            [
                (
                    item.id,
                    (item.id, item.source or "—", link_text(item.url, LINK_WIDTH) if item.url else "—"),
                    item.note,
                )
                for item in items
            ]
        )
        table.display = bool(items)
        if not items:
            self._choose_evidence(None)
        self.query_one("#no-evidence", Static).display = not items

    def _focus_home(self) -> None:
        """The claim's page, which takes the keys that scroll it: never the editor, so that keys
        meant as commands are not typed into the conclusion."""
        self.query_one("#claim-body", Page).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # A click on an item chooses it, as j/k do, then edits it.
        event.stop()
        self._choose_evidence(event.cursor_row)
        self.action_edit_evidence()

    def claim_saved(self, claim: Claim) -> None:
        previous = self.claim
        if previous is not None and claim.id != previous.id:
            return  # a save that waited for another reviewer's, finished after the reviewer moved on
        self.claim = claim
        self._signature = self.app.repo.story_signature(self.story_id)
        editor = self.query_one("#conclusion", ConclusionEditor)
        mine = editor.text.strip()
        if mine == editable(claim):
            self._draft_base = claim.version
            self._show_conflict(None)
        elif previous is not None and mine == editable(previous):
            # The editor held no unsaved text of the reviewer's, so it follows the stored one.
            editor.fill(editable(claim))
            self._draft_base = claim.version
            self._show_conflict(None)
        elif previous is not None and claim.conclusion != previous.conclusion:
            self._show_conflict(claim)
        self._show(claim)

    def _show_conflict(self, theirs: Claim | None) -> None:
        """Show (or, with None, hide) another reviewer's conclusion beside the reviewer's unsaved one."""
        self._theirs = theirs
        box = self.query_one("#conflict", ClashBox)
        if theirs is None:
            box.hide()
            return
        box.show(
            literal(
                f"{self._writer_of(theirs)} saved another conclusion meanwhile. Yours stays in the editor and "
                f"is not saved unless you press ctrl+s, which replaces it:\n{theirs.conclusion or '(empty)'}"
            )
        )

    def on_clash_box_appeared(self, event: ClashBox.Appeared) -> None:
        """What ctrl+s would overwrite comes into sight, with the editor it is set against."""
        editor, box = self.query_one("#conclusion", TextArea), self.query_one("#conflict", ClashBox)
        both = editor.virtual_region.union(box.virtual_region)
        # At the top of the page: notices are drawn over its bottom lines, and must not hide either.
        self.query_one("#claim-body", Page).scroll_to_region(both, animate=False, immediate=True, top=True)

    def clashes_with(self) -> str | None:
        if self._theirs is None or not self._editor_dirty():
            return None
        return self._writer_of(self._theirs)

    def _writer_of(self, theirs: Claim) -> str:
        """Who wrote the conclusion that clashes with the editor's: the author of that text, not
        whoever saved the claim last (a verdict or a tag changes the saver); the reviewer's own
        save elsewhere (the command line, another window) is called that, not by their name."""
        author = review.conclusion_author(theirs)
        if author == self.app.workspace.actor:
            return "your other session"
        return author or "another reviewer"

    def on_story_changed(self, message: StoryChanged) -> None:
        if (
            message.story_id != self.story_id
            or self.claim is None
            or self.app.repo.story_signature(self.story_id) == self._signature
        ):
            return
        try:
            fresh = self.app.repo.get_claim(self.claim_id)
        except FactcheckError as error:
            self.app.report(error)
            return
        if fresh.version != self.claim.version:
            self.claim_saved(fresh)
            if self._theirs is not fresh:
                # A clash says who changed the claim in its own box, which a notice would cover.
                self.notify(f"{fresh.updated_by} changed this claim", timeout=3)
        else:
            self._signature = self.app.repo.story_signature(self.story_id)

    def current_claim(self) -> Claim | None:
        return self.claim

    def on_matches_changed(self, message: MatchesChanged) -> None:
        if self.claim is not None:
            self._show_earlier(self.claim)

    def _show_earlier(self, claim: Claim) -> None:
        """The best earlier checks of this claim, ranked: score, verdict, story and date."""
        earlier = self.query_one("#earlier", Static)
        index = self.app.match_index
        try:
            matches = index.similar_to(claim.id, EARLIER_SHOWN) if index is not None else []
        except FactcheckError:
            matches = []
        earlier.display = bool(matches)
        if matches:
            earlier.update(earlier_lines(matches, self.app.workspace.scale, colour=not self.app.no_color))

    def action_read_story(self) -> None:
        """The story with every claim marked, the cursor on this one. Come from there, go back there."""
        from factcheck_tui.tui.screens.story_reader import StoryReader

        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, StoryReader) and below.story_id == self.story_id:
            if self._settle_conclusion():
                below.show_claim(self.claim_id)
                self.app.pop_screen()
            return
        self.app.push_screen(StoryReader(self.story_id, self.claim_id))

    def action_duplicates(self) -> None:
        if self.claim is not None:
            from factcheck_tui.tui.screens.duplicates import DuplicatesScreen

            self.app.push_screen(DuplicatesScreen(self.claim))

    # -- conclusion ------------------------------------------------------------------------

    def action_edit_conclusion(self) -> None:
        self.query_one("#conclusion", ConclusionEditor).write()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Every key's text goes to the disk at once (a kill -9 a moment after typing loses nothing),
        # in a thread, so the next key never waits for the disk.
        draft = self._draft_now()
        if draft is not None and self._latest_draft.offer(draft):
            self._write_drafts()

    def keep_draft(self) -> None:
        self._save_draft()

    def _draft_now(self) -> PendingDraft | None:
        """What the editor holds, as the draft to write (its text None: nothing unsaved, clear it)."""
        if self.claim is None:
            return None
        text = self.query_one("#conclusion", TextArea).text
        self._draft_number += 1
        unsaved = text.strip() != editable(self.claim)
        return PendingDraft(self._draft_number, self.claim.id, CONCLUSION, text if unsaved else None, self._draft_base)

    def _save_draft(self) -> None:
        """Write the draft now, before leaving the editor, the claim or the app."""
        draft = self._draft_now()
        if draft is not None:
            try:
                self._drafts_writer.write(self.drafts, draft)
            except FactcheckError as error:
                self.app.report(error)

    @work(thread=True, group="draft", exit_on_error=False)
    def _write_drafts(self) -> None:
        while (draft := self._latest_draft.take()) is not None:
            try:
                self._drafts_writer.write(self.drafts, draft)
            except FactcheckError as error:
                self.app.call_from_thread(self.app.report, error)

    def _settle_conclusion(self, *, staying: bool = False) -> bool:
        """Before leaving the editor (``staying`` on the claim), the claim or the screen: save the
        text unless that would overwrite another reviewer's conclusion shown in the conflict box.
        That takes ctrl+s."""
        if self._theirs is not None:
            self._save_draft()
            said = "Not saved: your text is kept as a draft; ctrl+s saves it over theirs"
            if staying:
                self.query_one("#conflict", ClashBox).say(said)
            else:
                self.notify(said, timeout=5)
            return True
        return self.save_conclusion()

    def save_unless_theirs(self) -> bool:
        if self._theirs is not None:
            self._save_draft()
            self.notify(f"Not saved: {self.clashes_with()} saved another conclusion (shown below yours)", timeout=5)
            return False
        return self.save_conclusion()

    def action_save_conclusion(self) -> None:
        """ctrl+s: save, and give the keys back to the claim, as escape does and as a dialog's
        ctrl+s does by closing it: the next v, e or n is a command, not more text. Whatever came
        of the save (refused, or waiting for another reviewer's), the text stays in the editor
        and ``c`` goes on where the cursor was."""
        self.save_conclusion()
        self._focus_home()

    def save_conclusion(self) -> bool:
        """Save the editor's text (also over a conflicting save); False when refused."""
        claim = self.claim
        if claim is None or not self._editor_dirty():
            return True
        text = self.query_one("#conclusion", TextArea).text
        # Kept as a draft first: if the save is refused, or has to wait for another reviewer's
        # (then it finishes a moment later, or says "press again"), the text stays in the editor.
        self._save_draft()
        finished: list[Claim] = []

        def saved(stored: Claim) -> None:
            self.drafts.clear(claim.id, CONCLUSION)
            if self.claim is not None and self.claim.id == claim.id:
                self._draft_base = stored.version
                self._show_conflict(None)
            self.notify("Conclusion saved", timeout=2)
            finished.append(stored)

        self.save(
            claim,
            lambda version: review.set_conclusion(
                self.app.repo, claim.id, text, actor=self.app.workspace.actor, expected_version=version
            ),
            then=saved,
            report=self._conclusion_refused,
        )
        return bool(finished)

    def _conclusion_refused(self, error: FactcheckError) -> None:
        """Another reviewer's conclusion came first: said in the box that now shows theirs (a
        notice would be drawn over it); any other refusal is a notice."""
        box = self.query_one("#conflict", ClashBox)
        if isinstance(error, StaleWriteError) and box.display:
            box.say(f"{error.what_changed}; {STALE_CONCLUSION}")
        else:
            self.app.report(error, stale_next=STALE_CONCLUSION)

    def action_back(self) -> None:
        editor = self.query_one("#conclusion", TextArea)
        if editor.has_focus:
            if self._settle_conclusion(staying=True):
                self._focus_home()
            return
        if self._settle_conclusion():
            self.app.pop_screen()

    def _walk(self, offset: int, wanted) -> None:
        if not self._settle_conclusion():
            return
        claims = {claim.id: claim for claim in self.app.repo.list_claims(self.story_id)}
        order = [claim_id for claim_id in self.sequence if claim_id in claims] or list(claims)
        if self.claim_id not in order:
            order = list(claims)
        index = order.index(self.claim_id)
        step = 1 if offset > 0 else -1
        for position in range(index + step, len(order) if step > 0 else -1, step):
            if wanted(claims[order[position]]):
                self._load(order[position])
                return
        self.notify("No more claims in this direction", timeout=2)

    def action_step(self, offset: int) -> None:
        self._walk(offset, lambda claim: True)

    def action_step_unreviewed(self, offset: int) -> None:
        self._walk(offset, lambda claim: claim.checkworthy and not claim.reviewed)

    def _choose_evidence(self, row: int | None) -> None:
        """Highlight evidence item ``row``, or none. The highlight is the one record of which item
        is chosen: enter, delete, o and the copy key act on the highlighted item and on no other,
        so an item the reviewer never chose is never edited, removed or copied."""
        table = self.query_one("#evidence", FitTable)
        table.show_cursor = row is not None
        if row is not None:
            table.move_cursor(row=row)

    def action_evidence_cursor(self, offset: int) -> None:
        """Choose the first (j) or last (k) evidence item, then move the choice; bring its row into view."""
        table = self.query_one("#evidence", FitTable)
        if not table.display:
            return
        if not table.show_cursor:
            self._choose_evidence(0 if offset > 0 else table.row_count - 1)
        else:
            table.action_cursor_down() if offset > 0 else table.action_cursor_up()
        # The row's place on the page: the table's own place, its header line, then the row.
        place = table.virtual_region
        row = Region(place.x, place.y + 1 + table.cursor_row, place.width, 1)
        self.query_one("#claim-body", Page).scroll_to_region(row, animate=False, immediate=True)

    def has_unsaved_edits(self) -> bool:
        return self._editor_dirty()

    # -- evidence --------------------------------------------------------------------------

    def _selected_evidence(self) -> Evidence | None:
        """The evidence item highlighted (chosen with j/k), if any."""
        table = self.query_one("#evidence", FitTable)
        if self.claim is None or not table.show_cursor:
            return None
        key = table.current_key()
        return next((item for item in self.claim.evidence if item.id == key), None)

    def _chosen_evidence(self) -> Evidence | None:
        """The highlighted item for a key that acts on one; else None, and the reviewer is told how to choose."""
        item = self._selected_evidence()
        if item is None and self.claim is not None:
            if self.claim.evidence:
                self.notify("Choose an evidence item first: j or k highlights one", timeout=3)
            else:
                self.notify("No evidence yet: e adds a link, a source or a note", timeout=3)
        return item

    def action_add_evidence(self) -> None:
        claim = self.claim
        if claim is None:
            return

        def added(result: EvidenceInput | None) -> None:
            if result is None:
                return
            # Adding an item cannot clash with anyone's change, so it goes onto the newest copy.
            self.save(
                claim,
                lambda version: review.add_evidence(
                    self.app.repo,
                    claim.id,
                    url=result.url,
                    source=result.source,
                    note=result.note,
                    actor=self.app.workspace.actor,
                ),
                # Not saved: the form comes back with what was typed.
                kept=lambda: self.app.push_screen(EvidenceForm(typed=result), added),
            )

        self.app.push_screen(EvidenceForm(), added)

    def action_edit_evidence(self) -> None:
        claim, item = self.claim, self._chosen_evidence()
        if claim is None or item is None:
            return

        def edited(result: EvidenceInput | None) -> None:
            if result is None:
                return

            def kept() -> None:
                # Refused (someone changed this item meanwhile, a field is over its length limit,
                # or another reviewer is saving):
                # the form comes back with the reviewer's own input, over the item as it now stands.
                fresh = self._selected_evidence()
                if fresh is not None:
                    self.app.push_screen(EvidenceForm(fresh, typed=result, changed_meanwhile=fresh != item), edited)

            self.save(
                claim,
                lambda version: review.update_evidence(
                    self.app.repo,
                    claim.id,
                    item.id,
                    url=result.url,
                    source=result.source,
                    note=result.note,
                    actor=self.app.workspace.actor,
                    expected_item=item,
                ),
                kept=kept,
            )

        self.app.push_screen(EvidenceForm(item), edited)

    def action_remove_evidence(self) -> None:
        claim, item = self.claim, self._chosen_evidence()
        if claim is None or item is None:
            return
        self.save(
            claim,
            lambda version: review.remove_evidence(
                self.app.repo, claim.id, item.id, actor=self.app.workspace.actor, expected_item=item
            ),
            then=lambda _: self.notify(f"Removed evidence {item.id} (u undoes)", timeout=3),
        )

    def action_open_link(self) -> None:
        item = self._chosen_evidence()
        if item is None:
            return
        if not item.url:
            self.notify(f"Evidence {item.id} has no link", timeout=2)
            return
        if not has_safe_scheme(item.url):
            # A link from a restored or hand-edited file could run code or open a local file.
            self.notify(
                f"Not opened: {shown(item.url)} is not a web or mail address",
                severity="warning",
                timeout=6,
                markup=False,
            )
            return
        if not open_in_browser(item.url):
            self.app.push_screen(
                CopyDialog(
                    f"Evidence {item.id}: the link",
                    "No browser here: over SSH the app cannot reach the one on your computer. Copy the "
                    "link, or click it if your terminal shows links.",
                    item.url,
                    what="link",
                    link=True,
                )
            )

    def action_copy(self) -> None:
        """The link of the highlighted evidence item (chosen with j/k); with none highlighted, the claim's id."""
        if copy_selection(self) or self.claim is None:
            return
        item = self._selected_evidence()
        if item is None:
            copy(self.app, "claim id", self.claim.id)
        elif item.url:
            copy(self.app, "evidence link", item.url)
        else:
            self.notify(f"Evidence {item.id} has no link to copy", timeout=3)
