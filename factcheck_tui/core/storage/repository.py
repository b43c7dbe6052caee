"""The one owner of persistence. The CLI, the TUI and every core service go through it.

A save costs what the change is: a verdict rewrites the story's own file (only the changed claim
is serialised again) plus one small catalog shard and one digest shard, whatever the size of the
archive. Writers hold a file lock for the read-modify-write, so two reviewers (or a TUI and a
script) are serialised; every claim carries a version, and a save based on an older version is
refused instead of overwriting.

Crash safety: before a story file is replaced, a journal entry names the story; it is removed once
the catalog and digests agree with the new story file. A writer killed in between leaves the entry,
and the next writer to take the lock rebuilds that story's summaries from its file.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from factcheck_tui.core.errors import InputError, NotFoundError, SaveFailedError, StaleWriteError, StorageError
from factcheck_tui.core.ids import claim_id, new_story_id, parse_claim_id, parse_story_id
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits, check_typed_fields
from factcheck_tui.core.models import Change, Claim, ClaimDigest, ClaimTally, Story, StorySummary, utcnow
from factcheck_tui.core.storage.digest_shards import DIGESTS_TABLE, read_digest_shard
from factcheck_tui.core.storage.documents import (
    CATALOG_TABLE,
    CLAIMS_TABLE,
    STORY_TABLE,
    claim_records,
    digest_record,
    read_claim_record,
    read_story_document,
    read_story_record,
    record,
    summary_record,
    validate_rows,
)
from factcheck_tui.core.storage.drafts import DraftStore
from factcheck_tui.core.storage.files import create_marker, fsync_path, is_temporary, make_folder, stale_temporaries
from factcheck_tui.core.storage.jsonstore import (
    AtomicJSONStorage,
    Signature,
    file_signature,
    table_rows,
)
from factcheck_tui.core.storage.layout import Layout
from factcheck_tui.core.storage.legacy import finish_interrupted_migration, is_single_file_database, migrate_single_file
from factcheck_tui.core.storage.lock import LOCK_TIMEOUT_SECONDS, database_lock, holding
from factcheck_tui.core.storage.matching_files import MatchingFiles
from factcheck_tui.core.storage.preferences import PreferenceStore
from factcheck_tui.core.storage.schema import (
    SCHEMA_VERSION,
    check_schema,
    create_database,
    ensure_directories,
    read_meta,
)
from factcheck_tui.core.storage.sharing import no_access
from factcheck_tui.core.workflow.evidence_changes import EVIDENCE, has_whole_lists, item_changes, item_history

if TYPE_CHECKING:
    from factcheck_tui.core.storage.link_decisions import LinkStore

__all__ = ["SCHEMA_VERSION", "Repository", "StoryTransaction", "diff_claims"]

STORY_FILES_KEPT_OPEN = 128
DIGEST_SHARDS_KEPT_OPEN = 64


# Built on first use: a command that saves one verdict never lists the catalog or the digests.
@cache
def _summaries() -> TypeAdapter[list[StorySummary]]:
    return TypeAdapter(list[StorySummary])


@cache
def _digests() -> TypeAdapter[list[ClaimDigest]]:
    return TypeAdapter(list[ClaimDigest])


# Fields whose changes are recorded in a claim's history and can be undone.
TRACKED_FIELDS = (
    "text",
    "start",
    "end",
    "speaker",
    "checkworthy",
    "status",
    "verdict",
    "conclusion",
    "evidence",
    "dismissed",
    "copied_from",
    "assignee",
    "approved_by",
    "approved_at",
    "tags",
    "notes",
)


def _field_value(claim: Claim, field: str) -> Any:
    value = getattr(claim, field)
    if field == EVIDENCE:
        return [record(item) for item in value]
    if isinstance(value, datetime):
        # As the claim's own JSON spells it, so the history reads the same before and after a reload.
        return claim.model_dump(mode="json", include={field})[field]
    if isinstance(value, list):
        return list(value)
    return value.value if hasattr(value, "value") else value


def diff_claims(before: Claim, after: Claim, actor: str, note: str = "") -> list[Change]:
    """The history entries that turn ``before`` into ``after``: one per field changed, and for
    evidence one per item added, edited or removed (never the whole list: see evidence_changes)."""
    changes = []
    version = before.version + 1
    for field in TRACKED_FIELDS:
        old, new = _field_value(before, field), _field_value(after, field)
        if old == new:
            continue
        pairs = item_changes(old, new) if field == EVIDENCE else [(old, new)]
        changes += [Change(by=actor, field=field, old=a, new=b, version=version, note=note) for a, b in pairs]
    return changes


@dataclass(frozen=True)
class StoryRecords:
    """A save's records as stored: the story (None when unchanged), the changed claims, the
    story's summary and the digests to replace. Built from models, which is most of a big save's
    work, so an import builds them before it takes the lock."""

    story: dict[str, Any] | None
    claims: dict[str, Any]
    summary: dict[str, Any]
    digests: dict[str, Any]

    @classmethod
    def of(
        cls, story: Story, claims: Sequence[Claim], changed: Sequence[Claim], *, story_changed: bool
    ) -> StoryRecords:
        return cls._built(story, changed, summary_record(story, claims), claims, story_changed=story_changed)

    @classmethod
    def of_transaction(cls, tx: StoryTransaction) -> StoryRecords:
        """A transaction's records: claims it did not read are counted from their stored records."""
        summary = record(StorySummary.of_tallies(tx.story, tx.tallies()))
        # Every claim's digest only when the story changed: claims() then reads them all.
        every = tx.claims() if tx.story_changed else []
        return cls._built(tx.story, list(tx.changed.values()), summary, every, story_changed=tx.story_changed)

    @classmethod
    def _built(
        cls,
        story: Story,
        changed: Sequence[Claim],
        summary: dict[str, Any],
        claims: Sequence[Claim],
        *,
        story_changed: bool,
    ) -> StoryRecords:
        # A changed story (its title, say) shows in every claim's digest.
        digest_claims = claims if story_changed else changed
        return cls(
            story=record(story) if story_changed else None,
            claims={str(claim.number): record(claim) for claim in changed},
            summary=summary,
            digests={claim.id: digest_record(story, claim) for claim in digest_claims},
        )


class StoryTransaction:
    """A read-modify-write of one story under the write lock, committed in a single file write.

    Claims are validated when the transaction first touches them: ``unread`` holds the stored
    records of the others (by number), so a verdict in a 5,000-claim story validates one claim,
    not 5,000. ``path`` is the story file, named in the message should a record be damaged.
    """

    def __init__(
        self,
        story: Story,
        claims: list[Claim],
        actor: str,
        *,
        unread: Mapping[int, Any] | None = None,
        path: Path | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.story = story
        self.actor = actor
        # Caps on what reviewers type: every edit of every front end is saved through ``save``.
        self.limits = limits
        self._claims = {claim.number: claim for claim in claims}
        self._unread = dict(unread or {})
        self._path = path or Path(f"{story.id}.json")
        # Counted once, then carried: an archive import adds a thousand claims to one transaction.
        self._next_number: int | None = None
        self.changed: dict[int, Claim] = {}
        self.story_changed = False

    def _current(self, number: int) -> Claim:
        """The claim as the transaction holds it; validated now if it was not yet. KeyError if none."""
        if number in self._unread:
            raw = self._unread.pop(number)
            self._claims[number] = read_claim_record(self._path, self.story, str(number), raw)
        return self._claims[number]

    @property
    def fully_read(self) -> bool:
        return not self._unread

    def claims(self) -> list[Claim]:
        for number in list(self._unread):
            self._current(number)
        return sorted(self._claims.values(), key=Claim.document_order)

    def tallies(self) -> list[ClaimTally]:
        """What the story's summary counts of each claim, without validating the unread ones
        (only one stored in a form this app does not write is validated, to be sure of it)."""
        tallies = [ClaimTally.of(claim) for claim in self._claims.values()]
        for number, raw in list(self._unread.items()):
            tallies.append(ClaimTally.of_record(raw) or ClaimTally.of(self._current(number)))
        # In the story's order, as a full read gives them: the summary's ties go to the first.
        tallies.sort(key=attrgetter("order"))
        return tallies

    def claim(self, number: int, expected_version: int | None = None) -> Claim:
        try:
            current = self._current(number)
        except KeyError:
            raise NotFoundError(f"no claim {claim_id(self.story.id, number)} in story {self.story.id}") from None
        if expected_version is not None and current.version != expected_version:
            raise StaleWriteError(current.id, expected_version, current.version, current.updated_by or None)
        return current.model_copy(deep=True)

    def save(self, claim: Claim, note: str = "") -> Claim:
        """Store an edited copy of a claim; its changes go into history. Unchanged means no new version."""
        before = self._current(claim.number)
        changes = diff_claims(before, claim, self.actor, note)
        if not changes and claim == before:
            return before
        check_typed_fields(before, claim, self.limits)
        now = utcnow()
        for change in changes:
            change.at = now
        saved = claim.model_copy(
            update={
                "version": before.version + 1,
                "updated_at": now,
                "updated_by": self.actor,
                "history": [*before.history, *changes],
            }
        )
        self._claims[claim.number] = saved
        self.changed[claim.number] = saved
        return saved

    def add(self, claim: Claim, note: str = "") -> Claim:
        """Add a new claim to the story; it gets the next free number, never reused."""
        if self._next_number is None:
            self._next_number = max([*self._claims, *self._unread], default=0) + 1
        number = self._next_number
        self._next_number += 1
        now = utcnow()
        added = claim.model_copy(
            update={
                "id": claim_id(self.story.id, number),
                "story_id": self.story.id,
                "number": number,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "updated_by": self.actor,
                "history": [Change(at=now, by=self.actor, field="created", new=claim.text, version=1, note=note)],
            }
        )
        self._claims[number] = added
        self.changed[number] = added
        return added

    def update_story(self, story: Story) -> None:
        self.story = story.model_copy(update={"version": self.story.version + 1})
        self.story_changed = True


class Repository:
    def __init__(
        self, root: Path, *, create: bool = True, group: str | None = None, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        """Open the database at ``root``; with ``create``, make it if missing (shared with the
        Unix group ``group``, if one is named, or else private). ``limits`` caps what reviewers type."""
        self.root = Path(root).expanduser()
        self.limits = limits
        self.layout = Layout(self.root)
        # One line saying what opening did to an old database (a migration), for the front ends.
        self.migration: str | None = self._open_database(create, group)
        self._lock = database_lock(self.layout)
        # How long a writer in each thread waits for another's lock (see ``set_lock_wait``).
        self._lock_waits = threading.local()
        # Guards the open-file caches: TUI workers read from threads while the app saves.
        self._mutex = threading.RLock()
        self._story_files: OrderedDict[Path, AtomicJSONStorage] = OrderedDict()
        self._digest_files: OrderedDict[Path, AtomicJSONStorage] = OrderedDict()
        self._catalog_files: dict[Path, AtomicJSONStorage] = {}
        self._validated_catalog: dict[Path, tuple[dict[str, Any] | None, list[StorySummary]]] = {}
        # Story files as models, with the parsed file they came from: a 5,000-claim story is not
        # validated again on every save, only when another process has replaced the file.
        self._validated_stories: OrderedDict[Path, tuple[dict[str, Any], Story, list[Claim]]] = OrderedDict()
        # Story files whose claims keep evidence history in the old whole-list form: rewritten whole on their next save.
        self._old_histories: set[Path] = set()
        self._drafts: dict[str, DraftStore] = {}

    # -- side stores: the repository's other files, each opened once --------------------------

    @cached_property
    def links(self) -> LinkStore:
        """Reviewers' decisions on suggested duplicate pairs (``links.json``)."""
        # Imported here: the link store loads the matching models, which a verdict never needs.
        from factcheck_tui.core.storage.link_decisions import LinkStore

        return LinkStore(self)

    @cached_property
    def matching_files(self) -> MatchingFiles:
        """Matching's saved index and the sentence vectors beside the digest shards."""
        return MatchingFiles(self.layout, self.digest_shards)

    def drafts(self, reviewer: str) -> DraftStore:
        """What ``reviewer`` has typed and not saved yet (``drafts/<reviewer>.json``)."""
        with self._mutex:
            if reviewer not in self._drafts:
                path = self.layout.draft(reviewer)
                self._drafts[reviewer] = DraftStore(path, backup_dir=self.layout.backup_dir_for(path))
            return self._drafts[reviewer]

    def preferences(self, reviewer: str) -> PreferenceStore:
        """What ``reviewer`` chose last time in this database (``preferences/<reviewer>.json``)."""
        return PreferenceStore(self.layout.preference_file(reviewer))

    # -- opening ---------------------------------------------------------------------------

    def _open_database(self, create: bool, group: str | None) -> str | None:
        root = self.root
        note = None
        if root.is_dir() and (denied := no_access(root)):
            raise StorageError(denied)
        if root.is_file():
            if not is_single_file_database(root):
                raise InputError(f"{root}: is a file; the database is a folder (pass its folder to --db)")
            note = migrate_single_file(root)
        elif not root.exists():
            note = finish_interrupted_migration(root)
        if not self.layout.meta.exists():
            if root.exists() and any(not entry.name.startswith(".") for entry in root.iterdir()):
                raise InputError(f"{root}: is not a factcheck database (it has no factcheck.json)")
            if not create:
                raise NotFoundError(
                    f"{root}: no database here (check --db or FACTCHECK_DB; importing a story creates one)"
                )
            create_database(self.layout, group=group)
        check_schema(self.layout, read_meta(self.layout)["schema"])
        ensure_directories(self.layout)
        return note

    # -- locking and crash recovery ------------------------------------------------------------

    def set_lock_wait(self, seconds: float) -> None:
        """How long saves made from this thread wait for another writer's lock before they give up
        with ``LockBusyError`` (by default, LOCK_TIMEOUT_SECONDS). The app's event loop waits not
        at all: a screen must never freeze; its workers wait a little."""
        self._lock_waits.seconds = seconds

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold the database's write lock; the outermost hold first finishes any interrupted save."""
        with holding(self._lock, getattr(self._lock_waits, "seconds", LOCK_TIMEOUT_SECONDS)):
            if self._lock.lock_counter == 1:
                self.replay_journal()
            yield

    def _journal_entry(self, story_id: str) -> Path:
        return self.layout.journal / story_id

    def _mark_dirty(self, story_id: str) -> None:
        create_marker(self._journal_entry(story_id))

    def _mark_clean(self, story_id: str) -> None:
        # Not made durable: an entry that reappears after a power cut only costs one replay.
        with suppress(FileNotFoundError):
            self._journal_entry(story_id).unlink()

    def pending_journal(self) -> list[str]:
        """Stories whose summaries a killed writer left half updated."""
        return sorted(name for name in os.listdir(self.layout.journal) if not is_temporary(name))

    def replay_journal(self) -> list[str]:
        """Finish summary updates that a killed writer left; call with the write lock held.

        A story whose file is damaged keeps its entry (and its old summaries) until
        ``factcheck doctor --repair`` restores the file; other stories are not held up by it.
        Returns the stories that were brought up to date.
        """
        pending = self.pending_journal()
        if not pending:
            return []
        self.remove_stale_temporaries()
        replayed = []
        for name in pending:
            try:
                story_id = parse_story_id(name)
                self._rebuild_derived(story_id)
            except (InputError, StorageError):
                continue
            self._mark_clean(story_id)
            replayed.append(story_id)
        return replayed

    def remove_stale_temporaries(self) -> list[Path]:
        """Delete temporary files whose writer died before renaming them into place."""
        removed = []
        for path in stale_temporaries(self.root):
            with suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
        return removed

    # -- files -----------------------------------------------------------------------------

    @staticmethod
    def _recent(
        files: OrderedDict[Path, AtomicJSONStorage], path: Path, limit: int, **options: Any
    ) -> AtomicJSONStorage:
        """The storage for ``path`` from a bounded cache, dropping the least recently used."""
        storage = files.get(path)
        if storage is None:
            storage = files[path] = AtomicJSONStorage(path, **options)
            while len(files) > limit:
                files.popitem(last=False)[1].close()
        else:
            files.move_to_end(path)
        return storage

    def _story_file(self, story_id: str) -> AtomicJSONStorage:
        path = self.layout.story(story_id)
        return self._recent(self._story_files, path, STORY_FILES_KEPT_OPEN, backup_dir=self.layout.backup_dir_for(path))

    def _digest_file(self, story_id: str) -> AtomicJSONStorage:
        return self._recent(self._digest_files, self.layout.digest_shard(story_id), DIGEST_SHARDS_KEPT_OPEN)

    def _catalog_file(self, path: Path) -> AtomicJSONStorage:
        storage = self._catalog_files.get(path)
        if storage is None:
            storage = self._catalog_files[path] = AtomicJSONStorage(path)
        return storage

    def _read(self, storage: AtomicJSONStorage) -> dict[str, Any] | None:
        with self._mutex:
            return storage.read()

    def _write(self, storage: AtomicJSONStorage, data: dict[str, Any]) -> None:
        with self._mutex:
            storage.write(data)

    def _load_story(self, story_id: str, typed: str | None = None) -> tuple[Story, list[Claim], dict[str, Any]]:
        """``typed`` is the id as the user wrote it, for the message if there is no such story.

        The claims are shared with a cache and must be treated as read-only: edits go through a
        transaction, whose ``claim()`` hands out a private copy.
        """
        path, tables, cached = self._story_tables(story_id, typed)
        if cached is not None:
            return cached[1], list(cached[2]), tables
        story, claims = read_story_document(path, tables)
        self._remember_story(path, tables, story, claims)
        return story, list(claims), tables

    def _story_tables(
        self, story_id: str, typed: str | None = None
    ) -> tuple[Path, dict[str, Any], tuple[dict[str, Any], Story, list[Claim]] | None]:
        """A story file as parsed, with its models when they are known for exactly this parse."""
        path = self.layout.story(story_id)
        with self._mutex:
            tables = self._story_file(story_id).read()
            cached = self._validated_stories.get(path)
        if tables is None:
            shown = (
                story_id
                if typed is None or typed.strip().lower() == story_id
                else f"{typed.strip()!r} (read as {story_id})"
            )
            raise NotFoundError(f"no story {shown} in {self.root}")
        if cached is not None and cached[0] is tables:
            return path, tables, cached
        with self._mutex:
            if has_whole_lists(tables.get(CLAIMS_TABLE)):
                self._old_histories.add(path)
            else:
                self._old_histories.discard(path)
        return path, tables, None

    def _open_transaction(self, story_id: str, actor: str) -> tuple[StoryTransaction, dict[str, Any]]:
        """A transaction on the story as stored now. Its claims are validated as it touches them,
        unless this process holds them validated already (the app, which lists them)."""
        path, tables, cached = self._story_tables(story_id)
        if cached is not None:
            return StoryTransaction(cached[1], list(cached[2]), actor, path=path, limits=self.limits), tables
        story = read_story_record(path, tables)
        records = claim_records(path, tables)
        if not all(key.isdigit() and str(int(key)) == key for key in records):
            # A key that is no claim number: reading the whole file says which and where.
            read_story_document(path, tables)
        unread = {int(key): raw for key, raw in records.items()}
        return StoryTransaction(story, [], actor, unread=unread, path=path, limits=self.limits), tables

    def _remember_story(self, path: Path, tables: dict[str, Any], story: Story, claims: list[Claim]) -> None:
        with self._mutex:
            self._validated_stories[path] = (tables, story, claims)
            self._validated_stories.move_to_end(path)
            while len(self._validated_stories) > STORY_FILES_KEPT_OPEN:
                self._validated_stories.popitem(last=False)

    def _commit(
        self, story: Story, tables: dict[str, Any], records: StoryRecords, claims: Sequence[Claim] | None
    ) -> None:
        """Write one story's changes, then its summaries; only changed claims are serialised again.

        ``claims``: every claim of the story as saved, kept as the models of the new file; None
        when the caller did not read them all.
        """
        with self._mutex:
            story_file = self._story_file(story.id)
        # The summaries are worked out first: a damaged shard stops the save before anything is written.
        summaries = self._summaries_after(story.id, records.summary, records.digests)
        document = dict(tables)
        if records.story is not None or STORY_TABLE not in tables:
            document[STORY_TABLE] = {"1": records.story or record(story)}
        with self._mutex:
            migrate = story_file.path in self._old_histories
        stored = tables.get(CLAIMS_TABLE, {})
        if migrate:
            # Claims with whole-list evidence history are converted as they are read: stored so now.
            stored = {key: item_history(row) for key, row in stored.items()}
        document[CLAIMS_TABLE] = {**stored, **records.claims}
        self._mark_dirty(story.id)
        try:
            self._write(story_file, document)
        except SaveFailedError:
            # Refused cleanly (a full disk): the old file and its summaries still agree, so no
            # journal entry is left for doctor to report as an interrupted writer.
            self._mark_clean(story.id)
            raise
        with self._mutex:
            self._old_histories.discard(story_file.path)
            if claims is None:
                self._validated_stories.pop(story_file.path, None)
        if claims is not None:
            self._remember_story(story_file.path, document, story, list(claims))
        try:
            self._write_all(summaries)
        except SaveFailedError:
            # The change itself is on disk; the summaries catch up when the next writer replays
            # the journal entry, which stays for exactly that.
            return
        self._mark_clean(story.id)

    def _summaries_after(
        self, story_id: str, summary: dict[str, Any], digest_rows: dict[str, Any], *, whole_story: bool = False
    ) -> list[tuple[AtomicJSONStorage, dict[str, Any]]]:
        """The catalog and digest shards as they must read once the story is saved."""
        with self._mutex:
            catalog, digests = self._catalog_file(self.layout.catalog_shard(story_id)), self._digest_file(story_id)
        catalog_tables, digest_tables = self._read(catalog), self._read(digests)
        summaries = {**table_rows(catalog.path, catalog_tables, CATALOG_TABLE), story_id: summary}
        rows = table_rows(digests.path, digest_tables, DIGESTS_TABLE)
        if whole_story:
            rows = {key: row for key, row in rows.items() if not key.startswith(f"{story_id}-")}
        rows = {**rows, **digest_rows}
        return [
            (catalog, {**(catalog_tables or {}), CATALOG_TABLE: summaries}),
            (digests, {**(digest_tables or {}), DIGESTS_TABLE: rows}),
        ]

    def _write_all(self, files: list[tuple[AtomicJSONStorage, dict[str, Any]]]) -> None:
        for storage, data in files:
            self._write(storage, data)

    def _rebuild_derived(self, story_id: str) -> None:
        """Make one story's catalog summary and digests agree with its file (or its absence)."""
        if self.story_exists(story_id):
            story, claims, _ = self._load_story(story_id)
            records = StoryRecords.of(story, claims, [], story_changed=True)
            self._write_all(self._summaries_after(story_id, records.summary, records.digests, whole_story=True))
            return
        with self._mutex:
            catalog, digests = self._catalog_file(self.layout.catalog_shard(story_id)), self._digest_file(story_id)
        catalog_tables, digest_tables = self._read(catalog), self._read(digests)
        summaries = table_rows(catalog.path, catalog_tables, CATALOG_TABLE)
        if story_id in summaries:
            self._write(
                catalog,
                {
                    **(catalog_tables or {}),
                    CATALOG_TABLE: {key: row for key, row in summaries.items() if key != story_id},
                },
            )
        rows = table_rows(digests.path, digest_tables, DIGESTS_TABLE)
        kept = {key: row for key, row in rows.items() if not key.startswith(f"{story_id}-")}
        if len(kept) != len(rows):
            self._write(digests, {**(digest_tables or {}), DIGESTS_TABLE: kept})

    # -- stories ---------------------------------------------------------------------------

    def story_exists(self, story_id: str) -> bool:
        return self.layout.story(story_id).exists()

    def add_story(self, story: Story, claims: Sequence[Claim], actor: str) -> tuple[Story, list[Claim]]:
        """Store a new story with its claims; ids are assigned here.

        The records are built before the lock is taken (a 2 MB transcript has 25,000 claims, and
        other reviewers' saves wait on the lock); under it, only the id is checked and the files
        written. Should another writer take the drawn id meanwhile, another is drawn.
        """
        while True:
            story_id = story.id or new_story_id(self.story_exists)
            named = story.model_copy(update={"id": story_id, "imported_by": story.imported_by or actor})
            tx = StoryTransaction(named, [], actor)
            stored = [tx.add(claim) for claim in claims]
            records = StoryRecords.of(named, stored, stored, story_changed=True)
            with self.write_lock():
                if self.story_exists(story_id):
                    if story.id:
                        raise InputError(f"story {story.id} already exists in {self.root}")
                    continue
                self._commit(named, {}, records, stored)
            return named, stored

    def restore_story(self, story: Story, claims: Sequence[Claim]) -> None:
        """Store a story exactly as given (ids, versions, history): for restoring an export."""
        story_id = parse_story_id(story.id)
        if any(claim.story_id != story_id for claim in claims):
            raise InputError(f"story {story_id}: a restored claim belongs to another story")
        ordered = sorted(claims, key=Claim.document_order)
        records = StoryRecords.of(story, ordered, ordered, story_changed=True)
        with self.write_lock():
            if self.story_exists(story_id):
                raise InputError(f"story {story_id} already exists in {self.root}")
            self._commit(story, {}, records, ordered)

    def delete_story(self, story_id: str) -> Path:
        """Take a story out of the database; its file and backups are kept under backups/deleted/.

        The backups go too, so that ``doctor --repair`` does not bring the story back.
        """
        story_id = parse_story_id(story_id)
        with self.write_lock():
            if not self.story_exists(story_id):
                raise NotFoundError(f"no story {story_id} in {self.root}")
            kept = self.layout.backups / "deleted" / f"{story_id}-{utcnow():%Y%m%dT%H%M%SZ}"
            make_folder(kept)
            path = self.layout.story(story_id)
            self._mark_dirty(story_id)
            os.replace(path, kept / path.name)
            for backup in sorted(self.layout.backup_dir_for(path).glob(f"{path.name}.*")):
                os.replace(backup, kept / backup.name)
            fsync_path(path.parent)
            fsync_path(kept)
            with self._mutex:
                self._story_files.pop(path, None)
            self._rebuild_derived(story_id)
            self._mark_clean(story_id)
        return kept

    def discard_story(self, story_id: str) -> None:
        """Take out, without keeping a copy, a story this process has just written: a restore
        that failed halfway is undone with it. Its summaries follow now, or (on a full disk) with
        the next writer, by the journal entry."""
        story_id = parse_story_id(story_id)
        with self.write_lock():
            path = self.layout.story(story_id)
            self._mark_dirty(story_id)
            for backup in self.layout.backup_dir_for(path).glob(f"{path.name}.*"):
                backup.unlink(missing_ok=True)
            path.unlink(missing_ok=True)
            fsync_path(path.parent)
            with self._mutex:
                self._story_files.pop(path, None)
                self._validated_stories.pop(path, None)
            try:
                self._rebuild_derived(story_id)
            except SaveFailedError:
                return
            self._mark_clean(story_id)

    def get_story(self, story_id: str) -> Story:
        return self._load_story(parse_story_id(story_id), story_id)[0]

    def list_stories(self) -> list[StorySummary]:
        """Every story's summary. Shards that did not change since the last call are not validated
        again (the stories screen lists on every change anywhere); callers get copies."""
        summaries: list[StorySummary] = []
        for path in sorted(self.layout.catalog.glob("*.json")):
            with self._mutex:
                data = self._catalog_file(path).read()
                source, validated = self._validated_catalog.get(path, (None, []))
                if source is not data:
                    validated = validate_rows(path, CATALOG_TABLE, table_rows(path, data, CATALOG_TABLE), _summaries())
                    self._validated_catalog[path] = (data, validated)
            summaries.extend(summary.model_copy() for summary in validated)
        return summaries

    def story_ids(self) -> list[str]:
        return sorted(path.stem for path in self.layout.stories.glob("*.json"))

    # -- claims ----------------------------------------------------------------------------

    def list_claims(self, story_id: str, *, include_dismissed: bool = False) -> list[Claim]:
        claims = self._load_story(parse_story_id(story_id), story_id)[1]
        return [claim for claim in claims if include_dismissed or not claim.dismissed]

    def get_claim(self, raw_claim_id: str) -> Claim:
        story_id, number = parse_claim_id(raw_claim_id)
        for claim in self._load_story(story_id, raw_claim_id.strip().rsplit("-", 1)[0])[1]:
            if claim.number == number:
                return claim
        raise NotFoundError(f"no claim {raw_claim_id} in {self.root}")

    @contextmanager
    def transaction(self, story_id: str, actor: str) -> Iterator[StoryTransaction]:
        """Edit one story's claims under the write lock; all edits land in one atomic write."""
        story_id = parse_story_id(story_id)
        with self.write_lock():
            tx, tables = self._open_transaction(story_id, actor)
            yield tx
            if tx.changed or tx.story_changed:
                records = StoryRecords.of_transaction(tx)
                self._commit(tx.story, tables, records, tx.claims() if tx.fully_read else None)

    def update_claim(
        self,
        raw_claim_id: str,
        edit: Callable[[Claim], Claim | None],
        actor: str,
        *,
        expected_version: int | None = None,
        note: str = "",
    ) -> Claim:
        """Apply ``edit`` to the newest stored copy of a claim and save it.

        ``expected_version`` is the version the caller showed its user; if someone else saved
        since, the edit is refused with ``StaleWriteError`` rather than overwriting their change.
        """
        story_id, number = parse_claim_id(raw_claim_id)
        with self.transaction(story_id, actor) as tx:
            claim = tx.claim(number, expected_version)
            edited = edit(claim) or claim
            return tx.save(edited, note)

    def update_claims(
        self,
        edits: Sequence[tuple[str, Callable[[Claim], Claim | None]]],
        actor: str,
        *,
        expected_versions: Mapping[str, int] | None = None,
        note: str = "",
    ) -> list[Claim]:
        """Apply each ``(claim id, edit)`` and save, one transaction (one lock, one write) per story.

        For bulk changes: the claims come back in the order given. A story whose edit fails is
        left as it was; stories saved before it stay saved.
        """
        by_story: dict[str, list[tuple[int, int, Callable[[Claim], Claim | None]]]] = {}
        for position, (raw_id, edit) in enumerate(edits):
            story_id, number = parse_claim_id(raw_id)
            by_story.setdefault(story_id, []).append((position, number, edit))
        expected = {parse_claim_id(key): version for key, version in (expected_versions or {}).items()}
        saved: dict[int, Claim] = {}
        for story_id, story_edits in by_story.items():
            with self.transaction(story_id, actor) as tx:
                for position, number, edit in story_edits:
                    claim = tx.claim(number, expected.get((story_id, number)))
                    saved[position] = tx.save(edit(claim) or claim, note)
        return [saved[position] for position in sorted(saved)]

    def iter_digests(self) -> Iterator[dict[str, Any]]:
        """Every claim's digest as a plain dict (fast: no model validation for the archive scan).

        Shards are read straight from disk and not cached: a scan of the whole archive would
        otherwise keep a second copy of it in memory.
        """
        for path in self.digest_shards():
            yield from read_digest_shard(path).values()

    def digest_shards(self) -> list[Path]:
        """The files the claim digests are spread over, in a stable order; each can be read on
        its own (``read_digest_shard``), in any process."""
        return sorted(self.layout.digests.glob("*.json"))

    def digests(self) -> list[ClaimDigest]:
        found: list[ClaimDigest] = []
        for path in self.digest_shards():
            found.extend(validate_rows(path, DIGESTS_TABLE, read_digest_shard(path), _digests()))
        return found

    # -- change detection for live screens ---------------------------------------------------

    def story_signature(self, story_id: str) -> Signature | None:
        return file_signature(self.layout.story(story_id))

    def catalog_signature(self) -> tuple[Signature | None, ...]:
        return tuple(file_signature(path) for path in sorted(self.layout.catalog.glob("*.json")))
