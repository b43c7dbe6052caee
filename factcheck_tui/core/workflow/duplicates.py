"""Deciding on a claim's suggested duplicates: what the earlier check said, linking the two (and
taking its verdict), rejecting a suggestion, and putting a rejected one back.

Both front ends call these: the app's duplicates screen and ``factcheck link``. Every decision
returns the pair's decision before it, so a front end can undo it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from factcheck_tui.core.errors import FactcheckError, InputError, NotFoundError
from factcheck_tui.core.matching.copying import copy_verdict
from factcheck_tui.core.matching.results import Decision, LinkDecision
from factcheck_tui.core.models import Change, Claim, Story, StoryKind
from factcheck_tui.core.storage.link_decisions import canonical_claim_id
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.desk import verdict_change
from factcheck_tui.core.workflow.review import undo


@dataclass(frozen=True)
class EarlierCheck:
    """An earlier claim as a reviewer weighs it before reusing its check: the claim (verdict,
    conclusion, evidence), the story or archive it is in, and when and by whom it was rated."""

    claim: Claim
    story: Story
    # The history entry that gave the claim its verdict; None for a past check imported as rated.
    rated: Change | None

    @property
    def archive(self) -> bool:
        return self.story.kind is StoryKind.ARCHIVE

    @property
    def checked_on(self) -> date | None:
        """When it was checked: the publication date of an imported check, else the day its verdict was given."""
        if self.claim.reviewed_on is not None:
            return self.claim.reviewed_on
        return self.rated.at.date() if self.rated is not None else None


def earlier_check(repo: Repository, claim_id: str) -> EarlierCheck:
    claim = repo.get_claim(claim_id)
    rated = verdict_change(claim) if claim.verdict is not None else None
    return EarlierCheck(claim, repo.get_story(claim.story_id), rated)


def earlier_checks(repo: Repository, claim_ids: Iterable[str]) -> dict[str, EarlierCheck]:
    """The earlier checks of these claims by id; a claim deleted since it was listed is left out."""
    found = {}
    for claim_id in claim_ids:
        try:
            found[claim_id] = earlier_check(repo, claim_id)
        except NotFoundError:
            continue
    return found


@dataclass(frozen=True)
class LinkChange:
    """What a decision did to a pair: the decision now (None: none, the pair is a candidate again),
    the one before (what undo puts back), and the claim that took the other's verdict, if any."""

    claim_id: str
    other_id: str
    decision: LinkDecision | None
    previous: LinkDecision | None
    copied: Claim | None = None


def link(
    repo: Repository,
    claim_id: str,
    other_id: str,
    *,
    actor: str,
    score: float | None = None,
    note: str = "",
    copy: bool = False,
    expected_version: int | None = None,
) -> LinkChange:
    """Confirm that two claims are the same; with ``copy``, ``claim_id`` also takes ``other_id``'s
    verdict, conclusion and evidence. Both or neither, under one hold of the lock: the copy goes
    first, so that a refused one (a stale version, no verdict to copy) writes nothing at all."""
    with repo.write_lock():
        previous = repo.links.get(claim_id, other_id)
        copied = (
            copy_verdict(repo, claim_id, other_id, actor=actor, expected_version=expected_version) if copy else None
        )
        try:
            decision = repo.links.confirm(claim_id, other_id, actor=actor, score=score, note=note)
        except FactcheckError:
            if copied is not None:
                undo(repo, copied.id, copied.version, actor=actor)
            raise
    return LinkChange(decision.claim_id, decision.other_id, decision, previous, copied)


def reject(
    repo: Repository, claim_id: str, other_id: str, *, actor: str, score: float | None = None, note: str = ""
) -> LinkChange:
    """Two claims are not the same: the other is never suggested for this one again (until restored)."""
    with repo.write_lock():
        previous = repo.links.get(claim_id, other_id)
        decision = repo.links.reject(claim_id, other_id, actor=actor, score=score, note=note)
    return LinkChange(decision.claim_id, decision.other_id, decision, previous)


def restore(repo: Repository, claim_id: str, other_id: str) -> LinkChange:
    """Take back a rejection: the other claim is a candidate for this one again."""
    claim_id, other_id = canonical_claim_id(claim_id), canonical_claim_id(other_id)
    with repo.write_lock():
        previous = repo.links.get(claim_id, other_id)
        if previous is None or previous.decision is not Decision.REJECTED:
            state = "are linked as the same claim" if previous is not None else "were never rejected"
            raise InputError(f"{claim_id} and {other_id} {state}: there is no rejection to take back")
        repo.links.put_back(claim_id, other_id, None)
    return LinkChange(claim_id, other_id, None, previous)


@dataclass(frozen=True)
class RejectedCandidate:
    """A suggestion a reviewer turned down: who, when and why, and the earlier check itself."""

    decision: LinkDecision
    earlier: EarlierCheck

    @property
    def other_id(self) -> str:
        return self.earlier.claim.id


def rejected_candidates(repo: Repository, claim_id: str) -> list[RejectedCandidate]:
    """The claims rejected as duplicates of ``claim_id``, the latest rejection first (a claim
    deleted since is left out: there is nothing to restore)."""
    claim_id = canonical_claim_id(repo.get_claim(claim_id).id)
    rejections = [link for link in repo.links.for_claim(claim_id) if link.decision is Decision.REJECTED]
    others = {link.other_id if link.claim_id == claim_id else link.claim_id: link for link in rejections}
    checks = earlier_checks(repo, others)
    found = [RejectedCandidate(others[other_id], check) for other_id, check in checks.items()]
    return sorted(found, key=lambda candidate: candidate.decision.at, reverse=True)
