"""Unsaved text a reviewer is typing (a conclusion, say), kept on disk as they type.

A crash, a kill -9 or a refused save therefore never loses what was typed: the next time the
claim is opened, the draft comes back into the editor.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from factcheck_tui.core.models import Claim, utcnow
from factcheck_tui.core.storage.jsonstore import KeyedRecords


@dataclass(frozen=True)
class Draft:
    claim_id: str
    field: str
    text: str
    base_version: int
    saved_at: str

    def overtaken_by(self, claim: Claim) -> bool:
        """Was this field saved (by anyone) after the draft was begun? Saving the draft would then
        replace text its writer never saw."""
        return any(change.field == self.field and change.version > self.base_version for change in claim.history)


class DraftStore:
    """One reviewer's drafts (``drafts/<reviewer>.json``); ``Repository.drafts`` makes it, once."""

    def __init__(self, path: Path, *, backup_dir: Path) -> None:
        self._table = KeyedRecords(path, "drafts", backup_dir=backup_dir)

    @staticmethod
    def _key(claim_id: str, field: str) -> str:
        return f"{claim_id}/{field}"

    def save(self, claim_id: str, field: str, text: str, base_version: int) -> None:
        record = {
            "claim_id": claim_id,
            "field": field,
            "text": text,
            "base_version": base_version,
            "saved_at": utcnow().isoformat(),
        }
        self._table.put_many({self._key(claim_id, field): record})

    def get(self, claim_id: str, field: str) -> Draft | None:
        record = self._table.get(self._key(claim_id, field))
        return Draft(**record) if record else None

    def clear(self, claim_id: str, field: str) -> None:
        if self._table.get(self._key(claim_id, field)) is not None:
            self._table.drop([self._key(claim_id, field)])

    def all(self) -> list[Draft]:
        return [Draft(**record) for record in self._table.all().values()]


@dataclass(frozen=True)
class PendingDraft:
    """Editor text on its way to the drafts; ``number`` grows with each snapshot of the editor."""

    number: int
    claim_id: str
    field: str
    # None when the editor holds the stored text again: the draft is cleared.
    text: str | None
    base_version: int


class DraftWriter:
    """Writes drafts from the UI thread and from background threads in the order they were taken:
    a write that was begun earlier (in a thread still waiting on the disk) never lands after a
    later one and brings back older text."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._written = 0

    def write(self, store: DraftStore, draft: PendingDraft) -> None:
        with self._lock:
            if draft.number <= self._written:
                return
            if draft.text is None:
                store.clear(draft.claim_id, draft.field)
            else:
                store.save(draft.claim_id, draft.field, draft.text, draft.base_version)
            self._written = draft.number


class LatestDraft:
    """The newest editor snapshot waiting for the disk. Every key offers one; one writer thread at a
    time takes the newest and writes it, so a draft is on disk one write after the key that made it
    (a kill -9 loses nothing typed before the last write began), and a burst of keys costs a few
    writes, not one each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: PendingDraft | None = None
        self._writing = False

    def offer(self, draft: PendingDraft) -> bool:
        """Keep ``draft`` as the next to write; True when no writer is running and one must start."""
        with self._lock:
            self._next = draft
            start, self._writing = not self._writing, True
            return start

    def take(self) -> PendingDraft | None:
        """For the writer: the draft to write next, or None (the writer stops) when there is none."""
        with self._lock:
            draft, self._next = self._next, None
            self._writing = draft is not None
            return draft
