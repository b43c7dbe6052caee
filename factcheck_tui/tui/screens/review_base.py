"""What the claims list and the claim detail share: the reviewer's actions on the current claim."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from factcheck_tui.core import claim_edits, review
from factcheck_tui.core.errors import FactcheckError, StaleWriteError
from factcheck_tui.core.models import Claim
from factcheck_tui.core.text import shown
from factcheck_tui.tui.screens.base import AppScreen
from factcheck_tui.tui.screens.prompt import PromptScreen
from factcheck_tui.tui.screens.verdict_picker import CLEAR, VerdictPicker
from factcheck_tui.tui.undo import UndoStep


class ReviewScreen(AppScreen[None]):
    BINDINGS = [
        Binding("v", "verdict", "Verdict", id="review.verdict"),
        Binding("s", "cycle_status", "Status", id="review.status"),
        Binding("u", "undo", "Undo", show=False, id="review.undo"),
        Binding("i", "app.import", "Import", show=False, id="review.import"),
        Binding("x", "app.export", "Export", show=False, id="review.export"),
    ]

    def current_claim(self) -> Claim | None:
        raise NotImplementedError

    def claim_saved(self, claim: Claim) -> None:
        """Called after a save or a refused save, with the newest stored copy of the claim."""
        raise NotImplementedError

    def save(self, claim: Claim, change: Callable[[int], Claim], *, undoable: bool = True) -> Claim | None:
        """Run one core save against the version on screen; a refusal reloads and says why."""
        try:
            saved = change(claim.version)
        except StaleWriteError as error:
            self.app.report(error)
            self.claim_saved(self.app.repo.get_claim(claim.id))
            return None
        except FactcheckError as error:
            self.app.report(error)
            return None
        if undoable and saved.version != claim.version:
            self.app.undo_stack.append(UndoStep.of(f"change to {saved.id}", [saved]))
        self.app.claims_saved([saved])
        self.claim_saved(saved)
        return saved

    def action_verdict(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        workspace = self.app.workspace

        def chosen(label: str | None) -> None:
            if label is None:
                return
            verdict = None if label == CLEAR else label
            saved = self.save(
                claim,
                lambda version: review.set_verdict(
                    self.app.repo,
                    claim.id,
                    verdict,
                    scale=workspace.scale,
                    actor=workspace.actor,
                    expected_version=version,
                ),
            )
            if saved:
                self.notify(f"{saved.id}: {saved.verdict or 'verdict cleared'}", timeout=2)

        self.app.push_screen(VerdictPicker(workspace.scale, claim.verdict, claim.text), chosen)

    def action_cycle_status(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        self.save(
            claim,
            lambda version: review.set_status(
                self.app.repo,
                claim.id,
                review.next_status(claim),
                actor=self.app.workspace.actor,
                expected_version=version,
            ),
        )

    def action_edit_speaker(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return

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

            if self.save(claim, change, undoable=False) is None:
                return
            self.app.undo_stack.append(UndoStep.of(f"speaker of {claim.id}", corrected))
            if len(corrected) > 1:
                self.app.claims_saved(corrected[1:])
                self.notify(
                    f"Speaker corrected on {len(corrected)} claims that had {shown(claim.speaker or '')} (u undoes)",
                    timeout=4,
                )

        self.app.push_screen(
            PromptScreen(
                f"Who said {claim.id}?",
                claim.speaker or "",
                "empty: nobody, the story's own voice · enter saves · escape cancels",
            ),
            answered,
        )

    def action_undo(self) -> None:
        stack = self.app.undo_stack
        if not stack:
            self.notify("Nothing to undo", timeout=2)
            return
        step = stack.pop()
        try:
            restored = step.revert(self.app.repo, self.app.workspace.actor)
        except FactcheckError as error:
            self.app.report(error)
            return
        self.notify(f"Undid your {step.label}", timeout=2)
        if step.links:
            self.app.announce_matches()
        if restored:
            self.app.claims_saved(restored)
            self.claim_saved(restored[0])
