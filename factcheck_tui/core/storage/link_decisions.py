"""Reviewers' decisions on suggested pairs: confirmed pairs are marked, rejected ones never return.

Decisions live in ``links.json`` (one TinyDB document per unordered pair). Every write happens
under the repository's write lock and re-reads the file first, so two reviewers deciding at the
same moment both keep their decision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck_tui.core.errors import InputError, StorageError
from factcheck_tui.core.ids import parse_claim_id
from factcheck_tui.core.matching.results import Decision, LinkDecision
from factcheck_tui.core.storage.jsonstore import KeyedRecords, Signature, file_signature

if TYPE_CHECKING:
    from factcheck_tui.core.storage.repository import Repository

TABLE = "links"


def pair_key(claim_id: str, other_id: str) -> str:
    first, second = sorted((claim_id, other_id))
    return f"{first}|{second}"


def canonical_claim_id(raw: str) -> str:
    story_id, number = parse_claim_id(raw)
    return f"{story_id}-{number}"


class LinkStore:
    """The decisions of one repository; ``Repository.links`` makes it, once, and it re-reads the
    file only when another process (or this one) replaced it."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        path = repo.layout.links
        self._records = KeyedRecords(path, TABLE, backup_dir=repo.layout.backup_dir_for(path))
        self._signature: Signature | None = None
        self._decisions: dict[str, LinkDecision] = {}

    def _load(self) -> dict[str, LinkDecision]:
        """All decisions, re-read only when another process (or we) replaced the file."""
        signature = file_signature(self.repo.layout.links)
        if signature != self._signature:
            try:
                self._decisions = {
                    key: LinkDecision.model_validate(record) for key, record in self._records.all().items()
                }
            except ValueError as error:
                raise StorageError(f"{self.repo.layout.links}: holds a link that is not valid ({error})") from None
            self._signature = signature
        return self._decisions

    def decide(
        self,
        claim_id: str,
        other_id: str,
        decision: Decision,
        *,
        actor: str,
        score: float | None = None,
        note: str = "",
    ) -> LinkDecision:
        """Record (or overturn) the decision on a pair; both claims must exist."""
        claim_id, other_id = canonical_claim_id(claim_id), canonical_claim_id(other_id)
        if claim_id == other_id:
            raise InputError(f"{claim_id}: a claim cannot be linked to itself")
        for raw in (claim_id, other_id):
            self.repo.get_claim(raw)
        record = LinkDecision(
            claim_id=claim_id, other_id=other_id, decision=decision, by=actor, score=score, note=note.strip()
        )
        with self.repo.write_lock():
            self._records.put_many({pair_key(claim_id, other_id): record.model_dump(mode="json")})
        return record

    def confirm(
        self, claim_id: str, other_id: str, *, actor: str, score: float | None = None, note: str = ""
    ) -> LinkDecision:
        return self.decide(claim_id, other_id, Decision.CONFIRMED, actor=actor, score=score, note=note)

    def reject(
        self, claim_id: str, other_id: str, *, actor: str, score: float | None = None, note: str = ""
    ) -> LinkDecision:
        return self.decide(claim_id, other_id, Decision.REJECTED, actor=actor, score=score, note=note)

    def restore(self, decisions: list[LinkDecision]) -> None:
        """Store decisions exactly as they were made (who, when): for restoring a backup."""
        if decisions:
            with self.repo.write_lock():
                self._records.put_many(
                    {pair_key(link.claim_id, link.other_id): link.model_dump(mode="json") for link in decisions}
                )

    def put_back(self, claim_id: str, other_id: str, previous: LinkDecision | None) -> None:
        """Undo a decision: the pair goes back to what it was before (no decision at all, or the earlier one)."""
        key = pair_key(claim_id, other_id)
        with self.repo.write_lock():
            if previous is None:
                self._records.drop([key])
            else:
                self._records.put_many({key: previous.model_dump(mode="json")})

    def get(self, claim_id: str, other_id: str) -> LinkDecision | None:
        return self._load().get(pair_key(claim_id, other_id))

    def all(self) -> list[LinkDecision]:
        return list(self._load().values())

    def for_claim(self, claim_id: str) -> list[LinkDecision]:
        return [link for link in self._load().values() if claim_id in (link.claim_id, link.other_id)]
