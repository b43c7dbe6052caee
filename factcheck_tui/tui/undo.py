"""The reviewer's undo history for this session: each step is one action, which may touch several claims."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from factcheck_tui.core.matching.results import LinkDecision
from factcheck_tui.core.models import Claim
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import claim_edits, review
from factcheck_tui.core.workflow.duplicates import LinkChange


@dataclass(frozen=True)
class UndoStep:
    label: str
    # (claim, the version the step saved, the version the claim must still be at to undo it): the
    # two differ once an undo further up the stack has put the claim back as it was at the first.
    saved: tuple[tuple[str, int, int], ...]
    created: tuple[str, ...] = field(default=())
    # Duplicate decisions made: (claim, other claim, the decision on the pair before, if any).
    links: tuple[tuple[str, str, LinkDecision | None], ...] = field(default=())

    @classmethod
    def of(cls, label: str, saved: Sequence[Claim], created: Sequence[Claim] = ()) -> UndoStep:
        return cls(
            label,
            tuple((claim.id, claim.version, claim.version) for claim in saved),
            tuple(claim.id for claim in created),
        )

    @classmethod
    def link_change(cls, label: str, change: LinkChange) -> UndoStep:
        """A duplicate decision, with the verdict it copied if any: one step, undone as one."""
        copied = change.copied
        saved = ((copied.id, copied.version, copied.version),) if copied is not None else ()
        return cls(label, saved, (), ((change.claim_id, change.other_id, change.previous),))

    def revert(self, repo: Repository, actor: str) -> list[Claim]:
        """Undo every save of the step (refused if someone changed a claim since), dismiss what it
        created and put duplicate decisions back as they were; returns the claims it touched."""
        # One hold of the lock: another reviewer's save waits, or this undo waits, never half of it.
        with repo.write_lock():
            restored = [
                review.undo(repo, claim_id, version, actor=actor, current=current)
                for claim_id, version, current in self.saved
            ]
            restored += [
                claim_edits.dismiss_claim(repo, claim_id, actor=actor, note="undo") for claim_id in self.created
            ]
            # Decisions last: a copied verdict someone changed since refuses the undo, link and all.
            for claim_id, other_id, previous in self.links:
                repo.links.put_back(claim_id, other_id, previous)
        return restored

    def moves(self, restored: Sequence[Claim]) -> dict[str, tuple[int, int]]:
        """For each claim this step saved and its undo restored: (the version before the step's save,
        the undo's version). The undo put the claim back as it was at the first, so a step further
        down that produced the first may still be undone (``rebased``)."""
        versions = {claim.id: claim.version for claim in restored}
        return {
            claim_id: (version - 1, versions[claim_id]) for claim_id, version, _ in self.saved if claim_id in versions
        }

    def rebased(self, moves: Mapping[str, tuple[int, int]]) -> UndoStep:
        """This step, expecting the undo's version of a claim where it expected the one the undo went
        back to: u after u steps back through one's own changes of one claim. A change by anyone
        else in between still refuses the undo, as it should."""
        saved = tuple(
            (claim_id, version, moves[claim_id][1] if claim_id in moves and moves[claim_id][0] == current else current)
            for claim_id, version, current in self.saved
        )
        return replace(self, saved=saved)
