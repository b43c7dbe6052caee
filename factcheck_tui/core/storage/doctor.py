"""Checking a whole database, and repairing it from its backups and its story files.

The story files (and links and drafts) are the data; the catalog and digests are summaries of
the story files and can always be rebuilt. So a check parses and validates every file, compares
the summaries with what the story files say, and looks for what a killed writer leaves (journal
entries, temporary files). A repair restores a damaged data file from its newest backup that
parses and validates (the damaged file is kept under backups/damaged/), then rebuilds the
summaries from the story files. Story files that keep evidence history in the old whole-list
form (which grows with the square of the evidence) are reported, and a repair stores that
history item by item (see ``evidence_changes``), with the same meaning. Files and folders open
to other users (or, in a newsroom database, not usable by its group) are reported too, and a
repair gives them the database's mode and group.

A check runs without the write lock, so saves go on meanwhile; if it finds anything, it looks
again under the lock, where no save is half done, before reporting.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck_tui.core.errors import CorruptFileError, NotFoundError, StorageError
from factcheck_tui.core.models import utcnow
from factcheck_tui.core.storage.digest_shards import DIGESTS_TABLE, read_digest_shard
from factcheck_tui.core.storage.documents import (
    CATALOG_TABLE,
    CLAIMS_TABLE,
    digest_record,
    read_story_document,
    summary_matches,
    summary_record,
)
from factcheck_tui.core.storage.files import atomic_write, make_folder, stale_temporaries, temporary_owner
from factcheck_tui.core.storage.jsonstore import (
    AtomicJSONStorage,
    backups_of,
    dump_json,
    line_of_key,
    read_json_file,
    table_rows,
)
from factcheck_tui.core.storage.layout import SHARD_PREFIX, Layout
from factcheck_tui.core.storage.legacy import backup_of, is_single_file_database, migrate_single_file
from factcheck_tui.core.storage.lock import database_lock, holding, lock_problem, recreate_lock
from factcheck_tui.core.storage.schema import (
    SCHEMA_VERSION,
    check_schema,
    ensure_directories,
    meta_record,
    read_meta,
    write_meta,
)
from factcheck_tui.core.storage.sharing import access_problems, no_access, repair_access
from factcheck_tui.core.workflow.evidence_changes import claims_with_whole_lists, item_history

EXAMPLES_SHOWN = 3


@dataclass(frozen=True)
class Finding:
    path: Path
    problem: str
    line: int | None = None

    def where(self, root: Path) -> str:
        shown = self.path.relative_to(root) if self.path.is_relative_to(root) else self.path
        return f"{shown}:{self.line}" if self.line is not None else str(shown)


@dataclass
class DoctorReport:
    root: Path
    schema: int | None = None
    stories: int = 0
    claims: int = 0
    findings: list[Finding] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.findings

    def render(self) -> str:
        schema = f"schema {self.schema}" if self.schema is not None else "schema unknown"
        stories = "1 story" if self.stories == 1 else f"{self.stories} stories"
        claims = "1 claim" if self.claims == 1 else f"{self.claims} claims"
        lines = [f"{self.root} ({schema}): {stories}, {claims} validated"]
        lines += [f"repaired: {action}" for action in self.actions]
        lines += [f"problem: {finding.where(self.root)}: {finding.problem}" for finding in self.findings]
        if self.healthy:
            lines.append("healthy")
        else:
            hint = "" if self.actions else "; run 'factcheck doctor --repair'"
            lines.append(f"{len(self.findings)} problem(s) remain{hint}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "database": str(self.root),
            "schema": self.schema,
            "stories": self.stories,
            "claims": self.claims,
            "healthy": self.healthy,
            "problems": [
                {"path": str(item.path), "line": item.line, "problem": item.problem} for item in self.findings
            ],
            "repaired": self.actions,
        }


# -- what the summaries should say ---------------------------------------------------------


@dataclass
class _Expected:
    """What one shard prefix's catalog and digests must hold, worked out from its story files."""

    catalog: dict[str, Any] = field(default_factory=dict)
    digests: dict[str, Any] = field(default_factory=dict)
    # Stories whose file is unreadable: their summaries cannot be checked, so they are left alone.
    unreadable: set[str] = field(default_factory=set)

    def skipped(self, key: str) -> bool:
        return key.split("-", 1)[0] in self.unreadable


def _story_files_by_prefix(layout: Layout) -> dict[str, list[Path]]:
    grouped: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(layout.stories.glob("*.json")):
        grouped[path.stem[:SHARD_PREFIX]].append(path)
    return grouped


def _prefixes(layout: Layout) -> list[str]:
    found = set(_story_files_by_prefix(layout))
    for folder in (layout.catalog, layout.digests):
        found.update(path.stem for path in folder.glob("*.json"))
    return sorted(found)


def _expected(layout: Layout, paths: list[Path], report: DoctorReport) -> _Expected:
    expected = _Expected()
    for path in paths:
        try:
            tables = read_json_file(path) or {}
            story, claims = read_story_document(path, tables)
        except CorruptFileError as error:
            report.findings.append(Finding(error.path, error.detail, error.line))
            expected.unreadable.add(path.stem)
            continue
        if old_form := claims_with_whole_lists(tables.get(CLAIMS_TABLE)):
            report.findings.append(
                Finding(
                    path,
                    f"the evidence history of {_count(len(old_form), 'claim')} ({_examples(old_form)}) is stored as "
                    "whole lists, which grow with the square of the evidence; a repair stores it item by item",
                    line_of_key(path, [CLAIMS_TABLE, old_form[0]]),
                )
            )
        report.stories += 1
        report.claims += len(claims)
        expected.catalog[story.id] = summary_record(story, claims)
        expected.digests.update((claim.id, digest_record(story, claim)) for claim in claims)
    return expected


def _read_rows(path: Path, table: str) -> dict[str, Any]:
    if table == DIGESTS_TABLE:
        # Matching reads digest rows without models: the checks it relies on apply here too.
        return read_digest_shard(path) if path.exists() else {}
    return table_rows(path, read_json_file(path), table)


def _examples(keys: list[str]) -> str:
    shown = ", ".join(sorted(keys)[:EXAMPLES_SHOWN])
    return shown + (", ..." if len(keys) > EXAMPLES_SHOWN else "")


def _compare(what: str, rows: dict[str, Any], expected: dict[str, Any], skip: Callable[[str], bool]) -> str | None:
    """What differs between a shard and the story files, e.g. '2 claims missing (ab3x9-1, ab3x9-2)'."""
    missing = [key for key in expected if key not in rows]
    orphans = [key for key in rows if key not in expected and not skip(key)]
    stale = [key for key in expected if key in rows and not summary_matches(rows[key], expected[key])]
    parts = [
        f"{len(keys)} {what if len(keys) == 1 else what + 's'} {how} ({_examples(keys)})"
        for keys, how in ((missing, "missing"), (orphans, "without a story file"), (stale, "out of date"))
        if keys
    ]
    return "; ".join(parts) or None


def _check_summaries(layout: Layout, prefix: str, expected: _Expected, report: DoctorReport) -> None:
    shards = (
        (layout.catalog_shard(prefix), CATALOG_TABLE, "story summary", expected.catalog),
        (layout.digest_shard(prefix), DIGESTS_TABLE, "claim digest", expected.digests),
    )
    for path, table, what, wanted in shards:
        try:
            rows = _read_rows(path, table)
        except CorruptFileError as error:
            report.findings.append(Finding(error.path, error.detail, error.line))
            continue
        difference = _compare(what, rows, wanted, expected.skipped)
        if difference:
            report.findings.append(Finding(path, f"does not match the story files: {difference}"))


# -- the other files -------------------------------------------------------------------------


def _tinydb_tables(path: Path, data: dict[str, Any]) -> None:
    """Links and drafts belong to other parts of the app; here they must be TinyDB tables of records."""
    for table in data:
        table_rows(path, data, table)


def _check_side_file(path: Path) -> Finding | None:
    try:
        _tinydb_tables(path, read_json_file(path) or {})
    except CorruptFileError as error:
        return Finding(error.path, error.detail, error.line)
    return None


def _side_files(layout: Layout) -> list[Path]:
    return [path for path in [layout.links, *sorted(layout.drafts.glob("*.json"))] if path.exists()]


def _journal_names(layout: Layout) -> list[str]:
    return sorted(os.listdir(layout.journal)) if layout.journal.is_dir() else []


def _check_meta(layout: Layout, report: DoctorReport) -> None:
    try:
        report.schema = read_meta(layout)["schema"]
        check_schema(layout, report.schema)
    except CorruptFileError as error:
        report.findings.append(Finding(error.path, error.detail, error.line))
    except StorageError as error:
        report.findings.append(Finding(layout.meta, str(error).removeprefix(f"{layout.meta}: ")))


def _scan(layout: Layout) -> DoctorReport:
    report = DoctorReport(layout.root)
    if problem := lock_problem(layout):
        report.findings.append(Finding(layout.lock, problem))
    _check_meta(layout, report)
    by_prefix = _story_files_by_prefix(layout)
    for prefix in _prefixes(layout):
        _check_summaries(layout, prefix, _expected(layout, by_prefix.get(prefix, []), report), report)
    report.findings += [finding for finding in map(_check_side_file, _side_files(layout)) if finding]
    for name in _journal_names(layout):
        report.findings.append(
            Finding(
                layout.journal / name, f"a writer was interrupted before the summaries of story {name} were updated"
            )
        )
    for path in stale_temporaries(layout.root):
        report.findings.append(
            Finding(path, f"temporary file left by a writer that died (process {temporary_owner(path.name)})")
        )
    report.findings += [Finding(item.path, item.problem) for item in access_problems(layout.root)]
    return report


def _single_file_report(root: Path) -> DoctorReport:
    report = DoctorReport(root, schema=0)
    report.findings.append(
        Finding(
            root,
            f"a single-file database from an early version; 'factcheck doctor --repair' (or any command) moves it into a folder at the same path, keeping the file as {backup_of(root).name}",
        )
    )
    return report


def _layout(root: Path) -> Layout:
    layout = Layout(root)
    if not root.exists():
        raise NotFoundError(f"{root}: no database here")
    if root.is_dir() and (denied := no_access(root)):
        raise StorageError(denied)
    if not layout.meta.exists() and not layout.stories.is_dir():
        raise NotFoundError(f"{root}: is not a factcheck database (it has no factcheck.json)")
    return layout


def check_database(root: Path) -> DoctorReport:
    """Check every file of the database at ``root``; modifies nothing."""
    root = Path(root).expanduser()
    if root.is_file() and is_single_file_database(root):
        return _single_file_report(root)
    layout = _layout(root)
    report = _scan(layout)
    if report.healthy or lock_problem(layout):
        return report
    # Look again where no save can be half done: what is left is real.
    with holding(database_lock(layout)):
        return _scan(layout)


# -- repair ------------------------------------------------------------------------------------


def _quarantine(layout: Layout, path: Path) -> Path:
    """Move a damaged file under backups/damaged/, stamped, so that nothing typed by hand is lost."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    target = layout.backups / "damaged" / path.relative_to(layout.root).parent / f"{path.name}.{stamp}"
    make_folder(target.parent)
    os.replace(path, target)
    return target


def _restore(layout: Layout, path: Path, usable: Callable[[Path, dict[str, Any]], object], actions: list[str]) -> bool:
    """Put back the newest backup of ``path`` that ``usable`` accepts; say what was done."""
    for backup in backups_of(layout.backup_dir_for(path), path.name):
        try:
            usable(path, read_json_file(backup) or {})
        except CorruptFileError:
            continue
        kept = (
            f"; the damaged file is kept as {_quarantine(layout, path).relative_to(layout.root)}"
            if path.exists()
            else ""
        )
        atomic_write(path, backup.read_bytes())
        actions.append(f"{path.relative_to(layout.root)}: restored from {backup.relative_to(layout.root)}{kept}")
        return True
    return False


def _repair_meta(layout: Layout, actions: list[str]) -> None:
    try:
        read_meta(layout)
        return
    except CorruptFileError:
        pass
    if not _restore(layout, layout.meta, meta_record, actions):
        if layout.meta.exists():
            _quarantine(layout, layout.meta)
        write_meta(layout, recreated_by="factcheck doctor")
        actions.append(f"{layout.meta.name}: no usable backup; written anew with schema {SCHEMA_VERSION}")


def _repair_stories(layout: Layout, actions: list[str]) -> None:
    listed: set[str] = set()
    for path in layout.catalog.glob("*.json"):
        try:
            listed.update(_read_rows(path, CATALOG_TABLE))
        except CorruptFileError:
            continue
    for story_id in sorted(listed):
        path = layout.story(story_id)
        if not path.exists():
            _restore(layout, path, read_story_document, actions)
    for path in sorted(layout.stories.glob("*.json")):
        try:
            read_story_document(path, read_json_file(path) or {})
        except CorruptFileError:
            if not _restore(layout, path, read_story_document, actions) and path.is_dir():
                # A folder holds no story: moved aside, the database works again without it.
                kept = _quarantine(layout, path).relative_to(layout.root)
                actions.append(f"{path.relative_to(layout.root)}: a folder, not a story file; moved to {kept}")


def _migrate_histories(layout: Layout, actions: list[str]) -> None:
    """Store old whole-list evidence history item by item. The claims read the same before and
    after (they are split as they are read); the file written is checked to say so."""
    for path in sorted(layout.stories.glob("*.json")):
        try:
            tables = read_json_file(path) or {}
            old_form = claims_with_whole_lists(tables.get(CLAIMS_TABLE))
            if not old_form:
                continue
            converted = {**tables, CLAIMS_TABLE: {key: item_history(row) for key, row in tables[CLAIMS_TABLE].items()}}
            if read_story_document(path, converted) != read_story_document(path, tables):
                continue
        except CorruptFileError:
            continue  # Damaged: left as it is, and reported.
        AtomicJSONStorage(path, backup_dir=layout.backup_dir_for(path), cache=False).write(converted)
        actions.append(
            f"{path.relative_to(layout.root)}: evidence history of {_count(len(old_form), 'claim')} stored item by item"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _rebuild_summaries(layout: Layout, actions: list[str]) -> None:
    by_prefix = _story_files_by_prefix(layout)
    scratch = DoctorReport(layout.root)
    for prefix in _prefixes(layout):
        expected = _expected(layout, by_prefix.get(prefix, []), scratch)
        for folder, table, wanted in (
            (layout.catalog, CATALOG_TABLE, expected.catalog),
            (layout.digests, DIGESTS_TABLE, expected.digests),
        ):
            path = folder / f"{prefix}.json"
            try:
                rows, damaged = _read_rows(path, table), False
            except CorruptFileError:
                rows, damaged = {}, True
            # A story whose file could not be restored keeps the summaries it had.
            rebuilt = {**{key: row for key, row in rows.items() if expected.skipped(key)}, **wanted}
            if rows == rebuilt and not damaged:
                continue
            kept = (
                f"; the damaged file is kept as {_quarantine(layout, path).relative_to(layout.root)}" if damaged else ""
            )
            atomic_write(path, dump_json({table: rebuilt}))
            actions.append(f"{path.relative_to(layout.root)}: rebuilt from the story files{kept}")


def repair_database(root: Path) -> DoctorReport:
    """Repair what can be repaired, then check again; the report lists what was done."""
    root = Path(root).expanduser()
    actions: list[str] = []
    if root.is_file() and is_single_file_database(root):
        actions.append(migrate_single_file(root))
    layout = _layout(root)
    if lock_problem(layout):
        try:
            actions.append(recreate_lock(layout))
        except OSError as error:
            raise StorageError(f"{layout.lock}: cannot replace it ({error.strerror or error})") from None
    with holding(database_lock(layout)):
        ensure_directories(layout)
        _repair_meta(layout, actions)
        for path in _side_files(layout):
            if _check_side_file(path):
                _restore(layout, path, _tinydb_tables, actions)
        _repair_stories(layout, actions)
        _migrate_histories(layout, actions)
        _rebuild_summaries(layout, actions)
        for name in _journal_names(layout):
            story = layout.story(name)
            if not story.exists() or _readable(story):
                (layout.journal / name).unlink()
                actions.append(f"journal/{name}: interrupted save finished")
        for path in stale_temporaries(layout.root):
            path.unlink(missing_ok=True)
            actions.append(f"{path.relative_to(layout.root)}: removed (left by a writer that died)")
        # Last, so that what the repair wrote is covered too.
        fixed, _ = repair_access(layout.root)
        actions += fixed
        report = _scan(layout)
    report.actions = actions
    return report


def _readable(path: Path) -> bool:
    try:
        read_story_document(path, read_json_file(path) or {})
    except CorruptFileError:
        return False
    return True
