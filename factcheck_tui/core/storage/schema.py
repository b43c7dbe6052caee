"""The schema version kept in factcheck.json, and creating a new database folder.

Schema 0 is the single-file TinyDB database of early versions (see ``legacy``); schema 1 is the
folder layout described in ``layout``. A future layout change bumps SCHEMA_VERSION and adds a
step that brings a folder forward, taking a backup first as the single-file migration does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck_tui.core.errors import CorruptFileError, InputError, StorageError
from factcheck_tui.core.models import utcnow
from factcheck_tui.core.storage.files import create_file, fsync_path, make_folder
from factcheck_tui.core.storage.jsonstore import AtomicJSONStorage, line_of_key, read_json_file
from factcheck_tui.core.storage.layout import Layout
from factcheck_tui.core.storage.sharing import Access, AccessProblem, group_id, make_group_folder, repair_access

SCHEMA_VERSION = 1
META_TABLE = "meta"


def write_meta(layout: Layout, **fields: Any) -> None:
    storage = AtomicJSONStorage(layout.meta, backup_dir=layout.backup_dir_for(layout.meta), cache=False)
    storage.write({META_TABLE: {"1": {"schema": SCHEMA_VERSION, "created_at": utcnow().isoformat(), **fields}}})


def meta_record(path: Path, data: dict[str, Any] | None) -> dict[str, Any]:
    """The database's own record from a parsed factcheck.json (or a backup of it)."""
    if data is None:
        raise CorruptFileError(path, "the file is missing")
    meta = data.get(META_TABLE)
    record = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(record, dict) or not isinstance(record.get("schema"), int):
        raise CorruptFileError(path, "it has no schema version", line_of_key(path, [META_TABLE]))
    return record


def read_meta(layout: Layout) -> dict[str, Any]:
    return meta_record(layout.meta, read_json_file(layout.meta))


def check_schema(layout: Layout, schema: int) -> None:
    if schema > SCHEMA_VERSION:
        raise StorageError(
            f"{layout.meta}: schema {schema} was written by a newer factcheck-tui "
            f"(this one reads up to {SCHEMA_VERSION}); upgrade the app"
        )
    if schema < 1:
        raise StorageError(f"{layout.meta}: schema {schema} is not a database folder schema")


def create_database(layout: Layout, *, group: str | None = None, **meta: Any) -> None:
    """A new, empty database: private to its creator, or shared with the Unix group ``group``."""
    if group:
        make_group_folder(layout.root, group_id(group))
    else:
        make_folder(layout.root)
    ensure_directories(layout)
    create_file(layout.lock)
    write_meta(layout, **meta)
    fsync_path(layout.root)


def ensure_directories(layout: Layout) -> None:
    for directory in layout.directories():
        make_folder(directory)


@dataclass(frozen=True)
class InitResult:
    created: bool
    access: Access
    # Files and folders given the database's mode and group (an existing database being shared).
    fixed: list[str]
    failed: list[AccessProblem]


def init_database(root: Path, group: str | None) -> InitResult:
    """Create a database at ``root``, or share an existing one with ``group``.

    An existing database is left as it is without ``group``; with it, its folder is handed to the
    group and every file and folder gets the group database's mode (files other reviewers own
    can only be changed by them: those are listed in ``failed``).
    """
    layout = Layout(root)
    if not layout.meta.exists():
        if root.is_file() or (root.exists() and any(not entry.name.startswith(".") for entry in root.iterdir())):
            raise InputError(f"{root}: is not empty and not a factcheck database; choose a new or empty folder")
        create_database(layout, group=group)
        return InitResult(True, Access.of(root), [], [])
    read_meta(layout)
    if not group:
        return InitResult(False, Access.of(root), [], [])
    make_group_folder(root, group_id(group))
    fixed, failed = repair_access(root)
    return InitResult(False, Access.of(root), fixed, failed)
