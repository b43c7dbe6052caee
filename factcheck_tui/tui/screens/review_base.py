"""What the claims list and the claim detail share: the reviewer's actions on the current claim."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from factcheck_tui.core.errors import FactcheckError, LockBusyError, StaleWriteError
from factcheck_tui.core.models import Claim, Status
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow import claim_edits, desk, review
from factcheck_tui.tui.screens.base import AppScreen
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.prompt import PromptScreen
from factcheck_tui.tui.screens.verdict_picker import CLEAR, VerdictPicker
from factcheck_tui.tui.undo import UndoStep

Edit = Callable[[Claim], Claim]
# Another reviewer's change came first, and what the reviewer entered comes back (``kept``).
STALE_KEPT = "their change is on screen now, and what you entered is back: enter saves it over theirs"


class ReviewScreen(AppScreen[None]):
    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="review.verdict"),
        Binding("s", "cycle_status", "Status", id="review.status"),
        Binding("u", "undo", "Undo", show=False, id="review.undo"),
        Binding("A", "assign", "Assign", show=False, id="review.assign"),
        Binding("number_sign", "tags", "Tags", show=False, id="review.tags"),
        Binding("Y", "approve", "Approve (second review)", show=False, id="review.approve"),
        Binding("W", "notes", "Internal notes", show=False, id="review.notes"),
        Binding("i", "app.import", "Import", show=False, id="review.import"),
        Binding("x", "app.export", "Export", show=False, id="review.export"),
    ]

    def current_claim(self) -> Claim | None:
        raise NotImplementedError

    def target_claims(self) -> list[Claim]:
        """The claims an action applies to: the one under the cursor (the claims list: every marked one)."""
        claim = self.current_claim()
        return [claim] if claim is not None else []

    def claims_saved_here(self, claims: list[Claim]) -> None:
        """After a change to several claims; by default, show the one under the cursor."""
        current = self.current_claim()
        fresh = next((claim for claim in claims if current is not None and claim.id == current.id), None)
        if fresh is not None:
            self.claim_saved(fresh)

    def apply(
        self,
        claims: list[Claim],
        label: str,
        edit: Edit,
        note: str = "",
        *,
        then: Callable[[list[Claim]], object] | None = None,
        kept: Callable[[], object] | None = None,
    ) -> None:
        """One change to one or many claims, against the versions on screen, as one undo step.

        ``then`` runs once it is saved: now, or (another reviewer saving) a moment later, from a
        worker. ``kept`` runs when it is not saved: what the reviewer entered should come back.
        """
        if not claims:
            return

        def done(saved: list[Claim]) -> None:
            changed = [after for before, after in zip(claims, saved, strict=True) if after.version != before.version]
            if changed:
                self.app.undo_stack.append(UndoStep.of(label, changed))
            self.app.claims_saved(saved)
            self.claims_saved_here(saved)
            if then is not None:
                then(saved)

        def refused(error: FactcheckError) -> None:
            self.app.report(error, stale_next=STALE_KEPT if kept is not None else None)
            fresh = [claim for claim in (self._newest(claim.id) for claim in claims) if claim is not None]
            self.claims_saved_here(fresh)
            if kept is not None:
                kept()

        actor = self.app.workspace.actor
        self.app.run_save(
            lambda: desk.edit_all(self.app.repo, claims, edit, actor, expected=True, note=note), done, refused
        )

    def _newest(self, claim_id: str) -> Claim | None:
        try:
            return self.app.repo.get_claim(claim_id)
        except FactcheckError:
            return None

    @staticmethod
    def _which(claims: list[Claim]) -> str:
        return claims[0].id if len(claims) == 1 else f"{len(claims)} claims"

    def claim_saved(self, claim: Claim) -> None:
        """Called after a save or a refused save, with the newest stored copy of the claim."""
        raise NotImplementedError

    def save(
        self,
        claim: Claim,
        change: Callable[[int], Claim],
        *,
        undoable: bool = True,
        then: Callable[[Claim], object] | None = None,
        kept: Callable[[], object] | None = None,
        stale_next: str | None = None,
        report: Callable[[FactcheckError], object] | None = None,
    ) -> None:
        """Run one core save against the version on screen; a refusal reloads and says why.

        ``then`` runs once it is saved: now, or (another reviewer saving) a moment later, from a
        worker. ``kept`` runs when it is not saved: what the reviewer entered should come back.
        ``stale_next`` says what the reviewer can do after another reviewer's change came first.
        ``report`` says why it was refused, once the screen shows the claim as it now stands
        (by default a notice).
        """

        def done(saved: Claim) -> None:
            if undoable and saved.version != claim.version:
                self.app.undo_stack.append(UndoStep.of(f"change to {saved.id}", [saved]))
            self.app.claims_saved([saved])
            self.claim_saved(saved)
            if then is not None:
                then(saved)

        def refused(error: FactcheckError) -> None:
            if isinstance(error, StaleWriteError):
                self.claim_saved(self.app.repo.get_claim(claim.id))
            if report is not None:
                report(error)
            else:
                self.app.report(error, stale_next=stale_next)
            if kept is not None:
                kept()

        self.app.run_save(lambda: change(claim.version), done, refused)

    def action_verdict(self) -> None:
        claims = self.target_claims()
        if len(claims) > 1:
            self._verdict_for_many(claims)
            return
        claim = claims[0] if claims else None
        if claim is None:
            return
        workspace = self.app.workspace

        def chosen(label: str | None) -> None:
            if label is None:
                return
            verdict = None if label == CLEAR else label
            self.save(
                claim,
                lambda version: review.set_verdict(
                    self.app.repo,
                    claim.id,
                    verdict,
                    scale=workspace.scale,
                    actor=workspace.actor,
                    expected_version=version,
                ),
                then=lambda saved: self.notify(f"{saved.id}: {saved.verdict or 'verdict cleared'}", timeout=2),
            )

        self.app.push_screen(VerdictPicker(workspace.scale, claim.verdict, claim.text, subject=claim.id), chosen)

    def _verdict_for_many(self, claims: list[Claim]) -> None:
        workspace = self.app.workspace

        def chosen(label: str | None) -> None:
            if label is None:
                return
            verdict = None if label == CLEAR else label
            edit = review.verdict_edit(verdict, actor=workspace.actor)
            self.apply(
                claims,
                f"verdict of {self._which(claims)}",
                edit,
                then=lambda _: self.notify(
                    f"{len(claims)} claims: {verdict or 'verdict cleared'} (u undoes)", timeout=3
                ),
            )

        ids = ", ".join(claim.id for claim in claims)
        self.app.push_screen(VerdictPicker(workspace.scale, None, ids, subject=f"{len(claims)} marked claims"), chosen)

    def _next_status(self, claim: Claim) -> Status:
        """The status ``s`` moves to. Under second review only an approval makes a claim Done, so
        the cycle passes it by."""
        status = review.next_status(claim)
        if status is Status.DONE and self.app.workspace.second_review:
            status = review.next_status(claim.model_copy(update={"status": Status.DONE}))
        return status

    def action_cycle_status(self) -> None:
        claims = self.target_claims()
        workspace = self.app.workspace
        if len(claims) > 1:
            self._status_for_many(claims)
            return
        claim = claims[0] if claims else None
        if claim is None:
            return
        self.save(
            claim,
            lambda version: review.set_status(
                self.app.repo,
                claim.id,
                self._next_status(claim),
                actor=workspace.actor,
                expected_version=version,
                second_review=workspace.second_review,
            ),
            then=lambda saved: self._warn_if_unexplained([saved]),
        )

    def _saved_note(self, saved: list[Claim], note: str) -> None:
        self.notify(note, timeout=3)
        self._warn_if_unexplained(saved)

    def _warn_if_unexplained(self, claims: list[Claim]) -> None:
        """The CLI's warning for a claim made Done without a conclusion, with the key that writes one."""
        warning = review.unexplained_done(claims)
        if warning:
            self.notify(f"{shown(warning)} (c on the claim writes one)", severity="warning", timeout=8)

    def action_edit_speaker(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return

        def ask(speaker: str) -> None:
            self.app.push_screen(
                PromptScreen(
                    f"Who said {claim.id}?",
                    speaker,
                    "empty: nobody, the story's own voice · enter saves · escape cancels",
                ),
                answered,
            )

        def answered(speaker: str | None) -> None:
            if speaker is None or speaker.strip() == shown(claim.speaker or ""):
                return
            # The story's other claims with the same machine-given speaker are corrected with it.
            corrected: list[Claim] = []

            def change(version: int) -> Claim:
                corrected[:] = claim_edits.set_speaker(
                    self.app.repo, claim.id, speaker, actor=self.app.workspace.actor, expected_version=version
                )
                return corrected[0]

            def saved(_: Claim) -> None:
                self.app.undo_stack.append(UndoStep.of(f"speaker of {claim.id}", corrected))
                if len(corrected) > 1:
                    self.app.claims_saved(corrected[1:])
                    self.notify(
                        f"Speaker corrected on {len(corrected)} claims that had {shown(claim.speaker or '')} (u undoes)",
                        timeout=4,
                    )

            self.save(claim, change, undoable=False, then=saved, kept=lambda: ask(speaker))

        ask(claim.speaker or "")

    def _status_for_many(self, claims: list[Claim]) -> None:
        workspace = self.app.workspace
        choices = {str(number): status for number, status in enumerate(Status, start=1)}

        def chosen(key: str | None) -> None:
            if key in choices:
                edit = review.status_edit(choices[key], actor=workspace.actor, second_review=workspace.second_review)
                status = choices[key].value
                self.apply(
                    claims,
                    f"status of {self._which(claims)}",
                    edit,
                    then=lambda saved: self._saved_note(saved, f"{len(claims)} claims: {status} (u undoes)"),
                )

        self.app.push_screen(
            ConfirmScreen(
                f"Status of the {len(claims)} marked claims", {key: status.value for key, status in choices.items()}
            ),
            chosen,
        )

    def action_assign(self) -> None:
        claims = self.target_claims()
        if not claims:
            return
        workspace = self.app.workspace
        names = desk.desk_names(self.app.repo, workspace.config)

        def ask(name: str) -> None:
            self.app.push_screen(
                PromptScreen(
                    f"Assign {self._which(claims)} to",
                    name,
                    f"names complete as you type (→ accepts): {', '.join(names[:6])}{' …' if len(names) > 6 else ''} · empty unassigns",
                    suggestions=names,
                ),
                answered,
            )

        def answered(name: str | None) -> None:
            if name is None:
                return
            edit = desk.assign_edit(name if name.strip() else None)
            self.apply(
                claims,
                f"assignment of {self._which(claims)}",
                edit,
                then=lambda _: self.notify(
                    f"{self._which(claims)}: {'assigned to ' + name.strip() if name.strip() else 'unassigned'}"
                ),
                kept=lambda: ask(name),
            )

        ask(claims[0].assignee or "" if len(claims) == 1 else "")

    def action_tags(self) -> None:
        claims = self.target_claims()
        if not claims:
            return
        if len(claims) == 1:
            claim = claims[0]

            def ask(tags: str) -> None:
                self.app.push_screen(
                    PromptScreen(f"Tags of {claim.id}", tags, "separate tags with commas · enter saves"), edited
                )

            def edited(text: str | None) -> None:
                if text is None:
                    return
                try:
                    edit = desk.tags_edit(desk.parse_tags(text))
                except FactcheckError as error:
                    self.app.report(error)
                    return
                self.apply(claims, f"tags of {claim.id}", edit, kept=lambda: ask(text))

            ask(", ".join(claim.tags))
            return

        def ask_tag(tag: str) -> None:
            self.app.push_screen(
                PromptScreen(f"Tag the {len(claims)} marked claims", tag, "a tag adds it · -tag takes it off"), added
            )

        def added(text: str | None) -> None:
            if text is None or not text.strip():
                return
            remove = text.strip().startswith("-")
            try:
                edit = desk.tag_edit(text.strip().removeprefix("-"), remove=remove)
            except FactcheckError as error:
                self.app.report(error)
                return
            self.apply(claims, f"tags of {self._which(claims)}", edit, kept=lambda: ask_tag(text))

        ask_tag("")

    def action_approve(self) -> None:
        claims = self.target_claims()
        edit = desk.approve_edit(self.app.workspace.actor)
        self.apply(
            claims,
            f"approval of {self._which(claims)}",
            edit,
            then=lambda saved: self._saved_note(saved, f"Approved {self._which(claims)}: Done"),
        )

    def action_notes(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return

        def ask(notes: str) -> None:
            self.app.push_screen(
                PromptScreen(
                    f"Internal notes on {claim.id}", notes, "for the desk only: never in a report · enter saves"
                ),
                written,
            )

        def written(text: str | None) -> None:
            if text is not None and text.strip() != claim.notes:
                # Not saved (another reviewer saving, say): the prompt comes back with the text typed.
                self.apply([claim], f"notes of {claim.id}", desk.notes_edit(text), kept=lambda: ask(text))

        ask(claim.notes)

    def action_undo(self) -> None:
        stack = self.app.undo_stack
        if not stack:
            self.notify("Nothing to undo", timeout=2)
            return
        step = stack.pop()

        def done(restored: list[Claim]) -> None:
            moves = step.moves(restored)
            stack[:] = [earlier.rebased(moves) for earlier in stack]
            self.notify(f"Undid your {step.label}", timeout=2)
            if step.links:
                self.app.announce_matches()
            if restored:
                self.app.claims_saved(restored)
                self.claim_saved(restored[0])

        def refused(error: FactcheckError) -> None:
            self.app.report(error)
            if isinstance(error, LockBusyError):
                stack.append(step)  # not undone yet: u again undoes it

        actor = self.app.workspace.actor
        self.app.run_save(lambda: step.revert(self.app.repo, actor), done, refused)
