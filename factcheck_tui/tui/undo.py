"""The reviewer's undo history for this session: each step is one action, which may touch several claims."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck_tui.core.matching.results import LinkDecision
from factcheck_tui.core.models import Claim
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import claim_edits, review
from factcheck_tui.core.workflow.duplicates import LinkChange


@dataclass(frozen=True)
class UndoStep:
    label: str
    saved: tuple[tuple[str, int], ...]
    created: tuple[str, ...] = field(default=())
    # Duplicate decisions made: (claim, other claim, the decision on the pair before, if any).
    links: tuple[tuple[str, str, LinkDecision | None], ...] = field(default=())

    @classmethod
    def of(cls, label: str, saved: Sequence[Claim], created: Sequence[Claim] = ()) -> UndoStep:
        return cls(label, tuple((claim.id, claim.version) for claim in saved), tuple(claim.id for claim in created))

    @classmethod
    def link_change(cls, label: str, change: LinkChange) -> UndoStep:
        """A duplicate decision, with the verdict it copied if any: one step, undone as one."""
        saved = ((change.copied.id, change.copied.version),) if change.copied is not None else ()
        return cls(label, saved, (), ((change.claim_id, change.other_id, change.previous),))

    def revert(self, repo: Repository, actor: str) -> list[Claim]:
        """Undo every save of the step (refused if someone changed a claim since), dismiss what it
        created and put duplicate decisions back as they were; returns the claims it touched."""
        # One hold of the lock: another reviewer's save waits, or this undo waits, never half of it.
        with repo.write_lock():
            restored = [review.undo(repo, claim_id, version, actor=actor) for claim_id, version in self.saved]
            restored += [
                claim_edits.dismiss_claim(repo, claim_id, actor=actor, note="undo") for claim_id in self.created
            ]
            # Decisions last: a copied verdict someone changed since refuses the undo, link and all.
            for claim_id, other_id, previous in self.links:
                repo.links.put_back(claim_id, other_id, previous)
        return restored
