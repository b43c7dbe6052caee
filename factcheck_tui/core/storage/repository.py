"""The one owner of persistence. The CLI, the TUI and every core service go through it.

A save costs what the change is: a verdict rewrites the story's own file plus one small catalog
shard and one digest shard, whatever the size of the archive. Writers hold a file lock for the
read-modify-write, so two reviewers (or a TUI and a script) are serialised; every claim carries a
version, and a save based on an older version is refused instead of overwriting.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from factcheck_tui.core.errors import InputError, NotFoundError, StaleWriteError, StorageError
from factcheck_tui.core.ids import claim_id, new_story_id, parse_claim_id, parse_story_id
from factcheck_tui.core.models import Change, Claim, ClaimDigest, Story, StorySummary, utcnow
from factcheck_tui.core.storage.files import fsync_dir, is_temporary
from factcheck_tui.core.storage.jsonstore import (
    KeyedTinyDB,
    NumberedTinyDB,
    Signature,
    file_signature,
    open_keyed,
    open_numbered,
    read_json_file,
)
from factcheck_tui.core.storage.layout import Layout

SCHEMA_VERSION = 1
LOCK_TIMEOUT_SECONDS = 30.0
STORY_FILES_KEPT_OPEN = 128

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
)


def _record(model: Any) -> dict[str, Any]:
    return model.model_dump(mode="json")


def _field_value(claim: Claim, field: str) -> Any:
    value = getattr(claim, field)
    if field == "evidence":
        return [_record(item) for item in value]
    return value.value if hasattr(value, "value") else value


def diff_claims(before: Claim, after: Claim, actor: str, note: str = "") -> list[Change]:
    """The history entries that turn ``before`` into ``after``."""
    changes = []
    for field in TRACKED_FIELDS:
        old, new = _field_value(before, field), _field_value(after, field)
        if old != new:
            changes.append(Change(by=actor, field=field, old=old, new=new, version=before.version + 1, note=note))
    return changes


class StoryTransaction:
    """A read-modify-write of one story under the write lock, committed in a single file write."""

    def __init__(self, story: Story, claims: list[Claim], actor: str) -> None:
        self.story = story
        self.actor = actor
        self._claims = {claim.number: claim for claim in claims}
        self.changed: dict[int, Claim] = {}
        self.story_changed = False

    def claims(self) -> list[Claim]:
        return sorted(self._claims.values(), key=Claim.document_order)

    def claim(self, number: int, expected_version: int | None = None) -> Claim:
        try:
            current = self._claims[number]
        except KeyError:
            raise NotFoundError(f"no claim {claim_id(self.story.id, number)} in story {self.story.id}") from None
        if expected_version is not None and current.version != expected_version:
            raise StaleWriteError(current.id, expected_version, current.version, current.updated_by or None)
        return current.model_copy(deep=True)

    def save(self, claim: Claim, note: str = "") -> Claim:
        """Store an edited copy of a claim; its changes go into history. Unchanged means no new version."""
        before = self._claims[claim.number]
        changes = diff_claims(before, claim, self.actor, note)
        if not changes and claim == before:
            return before
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
        number = max(self._claims, default=0) + 1
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
    def __init__(self, root: Path, *, create: bool = True) -> None:
        self.root = Path(root).expanduser()
        self.layout = Layout(self.root)
        self._open_database(create)
        self._lock = FileLock(
            self.layout.lock, timeout=LOCK_TIMEOUT_SECONDS, mode=0o666, poll_interval=0.002, preserve_lock_file=True
        )
        self._story_dbs: OrderedDict[str, NumberedTinyDB] = OrderedDict()
        self._shards: dict[Path, KeyedTinyDB] = {}

    # -- opening ---------------------------------------------------------------------------

    def _open_database(self, create: bool) -> None:
        root = self.root
        if root.exists() and not root.is_dir():
            raise InputError(f"{root}: is a file; the database is a folder (pass its folder to --db)")
        meta_exists = self.layout.meta.exists()
        if not meta_exists:
            if root.exists() and any(not entry.name.startswith(".") for entry in root.iterdir()):
                raise InputError(f"{root}: is not a factcheck database (it has no factcheck.json)")
            if not create:
                raise NotFoundError(f"{root}: no database here")
            self._create_database()
        meta = read_json_file(self.layout.meta) or {}
        schema = meta.get("meta", {}).get("1", {}).get("schema")
        if not isinstance(schema, int):
            raise StorageError(f"{self.layout.meta}: has no schema version")
        if schema > SCHEMA_VERSION:
            raise StorageError(
                f"{self.layout.meta}: schema {schema} was written by a newer factcheck-tui "
                f"(this one reads up to {SCHEMA_VERSION}); upgrade the app"
            )
        for directory in self.layout.directories():
            directory.mkdir(exist_ok=True)

    def _create_database(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for directory in self.layout.directories():
            directory.mkdir(exist_ok=True)
        meta = open_keyed(self.layout.meta)
        meta.storage.write({"meta": {"1": {"schema": SCHEMA_VERSION, "created_at": utcnow().isoformat()}}})
        fsync_dir(self.root)

    # -- locking and crash recovery ------------------------------------------------------------

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        try:
            self._lock.acquire()
        except Timeout:
            raise StorageError(
                f"{self.layout.lock}: another process has held the database lock for "
                f"{LOCK_TIMEOUT_SECONDS:.0f} s; try again"
            ) from None
        try:
            if self._lock.lock_counter == 1:
                self._replay_journal()
            yield
        finally:
            self._lock.release()

    def _journal_entry(self, story_id: str) -> Path:
        return self.layout.journal / story_id

    def _mark_dirty(self, story_id: str) -> None:
        entry = self._journal_entry(story_id)
        entry.touch()
        fsync_dir(entry.parent)

    def _mark_clean(self, story_id: str) -> None:
        with suppress(FileNotFoundError):
            self._journal_entry(story_id).unlink()

    def _replay_journal(self) -> None:
        """Finish summary updates that a killed writer left half done."""
        for name in os.listdir(self.layout.journal):
            if is_temporary(name):
                continue
            story_id = name
            if self.layout.story(story_id).exists():
                story, claims = self._load_story(story_id)
                self._write_derived(story, claims, [claim.number for claim in claims])
            else:
                self._forget_derived(story_id)
            self._mark_clean(story_id)

    # -- files -----------------------------------------------------------------------------

    def _story_db(self, story_id: str) -> NumberedTinyDB:
        db = self._story_dbs.get(story_id)
        if db is None:
            path = self.layout.story(story_id)
            db = open_numbered(path, backup_dir=self.layout.backup_dir_for(path))
            self._story_dbs[story_id] = db
            while len(self._story_dbs) > STORY_FILES_KEPT_OPEN:
                self._story_dbs.popitem(last=False)[1].close()
        else:
            self._story_dbs.move_to_end(story_id)
        return db

    def _shard(self, path: Path, *, cache: bool) -> KeyedTinyDB:
        db = self._shards.get(path)
        if db is None:
            db = open_keyed(path, cache=cache)
            self._shards[path] = db
        return db

    def _catalog(self, story_id: str) -> KeyedTinyDB:
        return self._shard(self.layout.catalog_shard(story_id), cache=True)

    def _digests(self, story_id: str) -> KeyedTinyDB:
        # Digest shards are read in bulk once (to build the matching index), so caching every one
        # of them would hold the whole archive in memory twice.
        return self._shard(self.layout.digest_shard(story_id), cache=False)

    def _load_story(self, story_id: str) -> tuple[Story, list[Claim]]:
        path = self.layout.story(story_id)
        if not path.exists():
            raise NotFoundError(f"no story {story_id} in {self.root}")
        tables = self._story_db(story_id).storage.read() or {}
        try:
            story = Story.model_validate(tables["story"]["1"])
            claims = [Claim.model_validate(doc) for doc in tables.get("claims", {}).values()]
        except (KeyError, ValueError) as error:
            raise StorageError(f"{path}: story file does not hold a valid story ({_first_line(error)})") from error
        claims.sort(key=Claim.document_order)
        return story, claims

    def _write_story(self, story: Story, claims: Sequence[Claim]) -> None:
        db = self._story_db(story.id)
        db.storage.write(
            {
                "story": {"1": _record(story)},
                "claims": {str(claim.number): _record(claim) for claim in claims},
            }
        )

    def _write_derived(self, story: Story, claims: Sequence[Claim], changed: Sequence[int]) -> None:
        summary = StorySummary.of(story, list(claims))
        self._catalog(story.id).table("stories").put_many({story.id: _record(summary)})
        by_number = {claim.number: claim for claim in claims}
        digests = {by_number[n].id: _record(ClaimDigest.of(story, by_number[n])) for n in changed}
        if digests:
            self._digests(story.id).table("claims").put_many(digests)

    def _forget_derived(self, story_id: str) -> None:
        catalog_path = self.layout.catalog_shard(story_id)
        if catalog_path.exists():
            self._catalog(story_id).table("stories").drop_ids([story_id])
        digest_path = self.layout.digest_shard(story_id)
        if digest_path.exists():
            table = self._digests(story_id).table("claims")
            table.drop_ids([doc.doc_id for doc in table if doc["story_id"] == story_id])

    # -- stories ---------------------------------------------------------------------------

    def story_exists(self, story_id: str) -> bool:
        return self.layout.story(story_id).exists()

    def add_story(self, story: Story, claims: Sequence[Claim], actor: str) -> tuple[Story, list[Claim]]:
        """Store a new story with its claims; ids are assigned here, under the lock."""
        with self.write_lock():
            if story.id and self.story_exists(story.id):
                raise InputError(f"story {story.id} already exists in {self.root}")
            story_id = story.id or new_story_id(self.story_exists)
            story = story.model_copy(update={"id": story_id, "imported_by": story.imported_by or actor})
            tx = StoryTransaction(story, [], actor)
            stored = [tx.add(claim) for claim in claims]
            self._mark_dirty(story_id)
            self._write_story(story, stored)
            self._write_derived(story, stored, [claim.number for claim in stored])
            self._mark_clean(story_id)
        return story, stored

    def restore_story(self, story: Story, claims: Sequence[Claim]) -> None:
        """Store a story exactly as given (ids, versions, history): for restoring an export."""
        story_id = parse_story_id(story.id)
        if any(claim.story_id != story_id for claim in claims):
            raise InputError(f"story {story_id}: a restored claim belongs to another story")
        with self.write_lock():
            if self.story_exists(story_id):
                raise InputError(f"story {story_id} already exists in {self.root}")
            ordered = sorted(claims, key=Claim.document_order)
            self._mark_dirty(story_id)
            self._write_story(story, ordered)
            self._write_derived(story, ordered, [claim.number for claim in ordered])
            self._mark_clean(story_id)

    def get_story(self, story_id: str) -> Story:
        return self._load_story(parse_story_id(story_id))[0]

    def list_stories(self) -> list[StorySummary]:
        summaries = []
        for path in sorted(self.layout.catalog.glob("*.json")):
            table = self._shard(path, cache=True).table("stories")
            summaries.extend(StorySummary.model_validate(doc) for doc in table)
        return summaries

    def story_ids(self) -> list[str]:
        return sorted(path.stem for path in self.layout.stories.glob("*.json"))

    # -- claims ----------------------------------------------------------------------------

    def list_claims(self, story_id: str, *, include_dismissed: bool = False) -> list[Claim]:
        claims = self._load_story(parse_story_id(story_id))[1]
        return [claim for claim in claims if include_dismissed or not claim.dismissed]

    def get_claim(self, raw_claim_id: str) -> Claim:
        story_id, number = parse_claim_id(raw_claim_id)
        for claim in self._load_story(story_id)[1]:
            if claim.number == number:
                return claim
        raise NotFoundError(f"no claim {raw_claim_id} in {self.root}")

    @contextmanager
    def transaction(self, story_id: str, actor: str) -> Iterator[StoryTransaction]:
        """Edit one story's claims under the write lock; all edits land in one atomic write."""
        story_id = parse_story_id(story_id)
        with self.write_lock():
            story, claims = self._load_story(story_id)
            tx = StoryTransaction(story, claims, actor)
            yield tx
            if tx.changed or tx.story_changed:
                self._mark_dirty(story_id)
                self._write_story(tx.story, tx.claims())
                changed = [claim.number for claim in claims] if tx.story_changed else list(tx.changed)
                self._write_derived(tx.story, tx.claims(), changed)
                self._mark_clean(story_id)

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

    def iter_digests(self) -> Iterator[dict[str, Any]]:
        """Every claim's digest as a plain dict (fast: no model validation for the archive scan)."""
        for path in sorted(self.layout.digests.glob("*.json")):
            data = self._shard(path, cache=False).storage.read() or {}
            yield from data.get("claims", {}).values()

    def digests(self) -> list[ClaimDigest]:
        return [ClaimDigest.model_validate(doc) for doc in self.iter_digests()]

    # -- change detection for live screens ---------------------------------------------------

    def story_signature(self, story_id: str) -> Signature | None:
        return file_signature(self.layout.story(story_id))

    def catalog_signature(self) -> tuple[Signature | None, ...]:
        return tuple(file_signature(path) for path in sorted(self.layout.catalog.glob("*.json")))


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
