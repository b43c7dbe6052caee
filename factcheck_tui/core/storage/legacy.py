"""Bringing a single-file TinyDB database (schema 0) forward into the folder layout.

The first design kept a whole newsroom in one TinyDB JSON file: table ``stories`` and table
``claims`` (TinyDB's own format, documents keyed by its counters, claims pointing at their story
by ``story_id``). Such a file is migrated when it is opened:

1. every record is read and validated, so a broken file is refused before anything changes;
2. a byte-for-byte copy is written next to it, ``<name>.before-migration`` (the backup comes first);
3. the folder is built beside it under a temporary name and flushed to disk, factcheck.json last;
4. the file is replaced by the folder under the same path, so ``--db``, ``$FACTCHECK_DB`` and the
   config keep pointing at the database.

A crash between removing the file and renaming the folder is finished by the next open.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from filelock import FileLock
from pydantic import ValidationError

from factcheck_tui.core.errors import CorruptFileError, FactcheckError, InputError, StorageError
from factcheck_tui.core.ids import claim_id, new_story_id, parse_story_id
from factcheck_tui.core.models import Claim, Story, utcnow
from factcheck_tui.core.storage.bulk import bulk_restore
from factcheck_tui.core.storage.documents import validation_problem
from factcheck_tui.core.storage.files import atomic_write, fsync_path, make_folder
from factcheck_tui.core.storage.jsonstore import line_of_key, read_json_file, table_rows
from factcheck_tui.core.storage.layout import Layout
from factcheck_tui.core.storage.schema import ensure_directories, write_meta

STORIES, CLAIMS = "stories", "claims"
_NUMBER_SUFFIX = re.compile(r"-(\d+)$")


def backup_of(path: Path) -> Path:
    return path.with_name(f"{path.name}.before-migration")


def staging_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.migrating")


def _migration_lock(path: Path) -> FileLock:
    return FileLock(path.with_name(f".{path.name}.migration.lock"), timeout=120)


def is_single_file_database(path: Path) -> bool:
    """A JSON file with a ``stories`` table; a damaged ``.json`` file is reported, not ignored."""
    try:
        data = read_json_file(path)
    except CorruptFileError:
        if path.suffix == ".json":
            raise
        return False
    return isinstance(data, dict) and isinstance(data.get(STORIES), dict)


def _invalid(path: Path, table: str, doc_id: str, error: ValidationError) -> CorruptFileError:
    return CorruptFileError(
        path, f"{table} record {doc_id}: {validation_problem(error)}", line_of_key(path, [table, doc_id])
    )


def _story_ids(path: Path, stories: dict[str, Any]) -> dict[str, str]:
    """Old story id -> id in the folder: kept when it is already a valid one, else a new one."""
    mapping: dict[str, str] = {}
    for doc_id, raw in stories.items():
        old = str(raw.get("id", doc_id))
        if old in mapping:
            raise CorruptFileError(
                path, f"stories record {doc_id}: story id {old!r} appears twice", line_of_key(path, [STORIES, doc_id])
            )
        try:
            new = parse_story_id(old)
        except InputError:
            new = ""
        if not new or new in mapping.values():
            new = new_story_id(lambda candidate: candidate in mapping.values())
        mapping[old] = new
    return mapping


def _number(raw: dict[str, Any], taken: set[int]) -> int | None:
    number = raw.get("number")
    if not isinstance(number, int) or number < 1:
        suffix = _NUMBER_SUFFIX.search(str(raw.get("id", "")))
        number = int(suffix.group(1)) if suffix else None
    return number if number is not None and number not in taken else None


def read_single_file(path: Path, data: dict[str, Any]) -> list[tuple[Story, list[Claim]]]:
    """Every story with its claims, validated; ids are kept where they are valid ones."""
    stories_table, claims_table = table_rows(path, data, STORIES), table_rows(path, data, CLAIMS)
    ids = _story_ids(path, stories_table)
    stories: dict[str, Story] = {}
    for doc_id, raw in stories_table.items():
        new_id = ids[str(raw.get("id", doc_id))]
        try:
            stories[new_id] = Story.model_validate({**raw, "id": new_id})
        except ValidationError as error:
            raise _invalid(path, STORIES, doc_id, error) from None
    claims: dict[str, list[Claim]] = {story_id: [] for story_id in stories}
    unnumbered: list[tuple[str, str, dict[str, Any]]] = []
    taken: dict[str, set[int]] = {story_id: set() for story_id in stories}
    for doc_id, raw in claims_table.items():
        story_id = ids.get(str(raw.get("story_id")))
        if story_id is None:
            raise CorruptFileError(
                path,
                f"claims record {doc_id}: story {raw.get('story_id')!r} is not in the file",
                line_of_key(path, [CLAIMS, doc_id]),
            )
        number = _number(raw, taken[story_id])
        if number is None:
            unnumbered.append((doc_id, story_id, raw))
            continue
        taken[story_id].add(number)
        claims[story_id].append(_claim(path, doc_id, raw, story_id, number))
    for doc_id, story_id, raw in unnumbered:
        number = max(taken[story_id], default=0) + 1
        taken[story_id].add(number)
        claims[story_id].append(_claim(path, doc_id, raw, story_id, number))
    return [(stories[story_id], claims[story_id]) for story_id in stories]


def _claim(path: Path, doc_id: str, raw: dict[str, Any], story_id: str, number: int) -> Claim:
    try:
        return Claim.model_validate({**raw, "id": claim_id(story_id, number), "story_id": story_id, "number": number})
    except ValidationError as error:
        raise _invalid(path, CLAIMS, doc_id, error) from None


def migrate_single_file(path: Path) -> str:
    """Turn the single file at ``path`` into a database folder at the same path; returns a note."""
    # Validate before anything else, so that a file we cannot migrate leaves no trace at all.
    original = path.read_bytes()
    stories = read_single_file(path, read_json_file(path) or {})
    lock = _migration_lock(path)
    with lock:
        if path.is_dir():
            return f"{path}: already migrated by another process"
        atomic_write(backup_of(path), original)
        staging = staging_of(path)
        shutil.rmtree(staging, ignore_errors=True)
        try:
            layout = Layout(staging)
            make_folder(staging)
            ensure_directories(layout)
            bulk_restore(layout, stories)
            # factcheck.json goes last: a staging folder that has one is complete.
            write_meta(layout, migrated_from=path.name, migrated_at=utcnow().isoformat())
            fsync_path(staging)
        except (FactcheckError, OSError) as error:
            shutil.rmtree(staging, ignore_errors=True)
            reason = str(error) if isinstance(error, FactcheckError) else (error.strerror or str(error))
            raise StorageError(
                f"{path}: could not migrate it into the folder layout ({reason}); the file was left as it was"
            ) from error
        os.unlink(path)
        _move_into_place(staging, path)
        # Whoever waits on this lock finds a folder and stops, so the lock file can go.
        Path(lock.lock_file).unlink(missing_ok=True)
    claims = sum(len(story_claims) for _, story_claims in stories)
    return f"{path}: migrated {len(stories)} stories and {claims} claims from a single file into a folder; the original is kept as {backup_of(path)}"


def _move_into_place(staging: Path, path: Path) -> None:
    os.rename(staging, path)
    fsync_path(path.parent)


def finish_interrupted_migration(path: Path) -> str | None:
    """If a migration was killed after the file was removed, put its finished folder in place."""
    staging = staging_of(path)
    if not (staging / Layout(staging).meta.name).exists() or not backup_of(path).exists():
        return None
    with _migration_lock(path):
        if path.exists():
            return None
        _move_into_place(staging, path)
    return f"{path}: finished an interrupted migration; the original file is kept as {backup_of(path)}"
