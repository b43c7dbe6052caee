"""The schema version kept in factcheck.json, and creating a new database folder.

Schema 0 is the single-file TinyDB database of early versions (see ``legacy``); schema 1 is the
folder layout described in ``layout``. A future layout change bumps SCHEMA_VERSION and adds a
step that brings a folder forward, taking a backup first as the single-file migration does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck_tui.core.errors import CorruptFileError, StorageError
from factcheck_tui.core.models import utcnow
from factcheck_tui.core.storage.files import fsync_path, make_folder
from factcheck_tui.core.storage.jsonstore import AtomicJSONStorage, line_of_key, read_json_file
from factcheck_tui.core.storage.layout import Layout

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


def create_database(layout: Layout, **meta: Any) -> None:
    make_folder(layout.root)
    ensure_directories(layout)
    write_meta(layout, **meta)
    fsync_path(layout.root)


def ensure_directories(layout: Layout) -> None:
    for directory in layout.directories():
        make_folder(directory)
