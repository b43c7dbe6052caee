"""A TinyDB storage that is fast and safe to share between processes.

TinyDB's own ``JSONStorage`` rewrites files in place and re-parses them on every access. This one
serialises with orjson, replaces files atomically and durably, keeps rotating backups, and caches
the parsed file until another process replaces it (checked by inode, mtime and size).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from factcheck_tui.core.errors import CorruptFileError, SaveFailedError, StorageError
from factcheck_tui.core.storage.files import atomic_write, make_folder, write_temporary

Signature = tuple[int, int, int]
BACKUP_GENERATIONS = 3


def file_signature(path: Path) -> Signature | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def parse_json_file(path: Path, payload: bytes) -> dict[str, Any]:
    # isspace() stops at the first other byte; strip() would copy a 10 MB story file first.
    if not payload or payload.isspace():
        raise CorruptFileError(path, "the file is empty")
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        raise CorruptFileError(path, error.msg, error.lineno) from error
    if not isinstance(data, dict):
        raise CorruptFileError(path, "the top level is not a JSON object", 1)
    return data


def line_of_key(path: Path, keys: Sequence[str]) -> int | None:
    """The line where a nested key sits in a JSON file, for error messages (best effort).

    Looks for each key in turn after the previous one, which is exact for the files we write
    and close enough for hand-edited ones.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    position = 0
    for key in keys:
        match = re.compile(rf'"{re.escape(str(key))}"\s*:').search(text, position)
        if match is None:
            return None
        position = match.start()
    return text.count("\n", 0, position) + 1


def read_json_file(path: Path) -> dict[str, Any] | None:
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise not_a_file(path) from None
    except OSError as error:
        raise StorageError(f"{path}: cannot read it ({error.strerror})") from None
    return parse_json_file(path, payload)


def not_a_file(path: Path) -> CorruptFileError:
    return CorruptFileError(path, "it is a folder, not a file")


def dump_json(data: Any) -> bytes:
    # Indented so that a reviewer can read, diff and back up the database with ordinary tools.
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"


def backup_path(backup_dir: Path, name: str, generation: int) -> Path:
    return backup_dir / f"{name}.{generation}"


def backups_of(backup_dir: Path, name: str) -> list[Path]:
    """The backups of one file that exist, newest first."""
    candidates = (backup_path(backup_dir, name, generation) for generation in range(1, BACKUP_GENERATIONS + 1))
    return [path for path in candidates if path.exists()]


def rotate_backups(backup_dir: Path, name: str, payload: bytes) -> None:
    """Keep ``payload`` as backup 1, shifting older generations down and dropping the oldest.

    The new backup is written before anything is shifted, so a full disk costs no old generation.
    Backups are a convenience on top of durable saves: failing to write one must not fail the save.
    """
    with suppress(OSError, SaveFailedError):
        make_folder(backup_dir)
        newest = backup_path(backup_dir, name, 1)
        fresh = write_temporary(newest, payload, durable=False)
        try:
            for generation in range(BACKUP_GENERATIONS - 1, 0, -1):
                older = backup_path(backup_dir, name, generation)
                if older.exists():
                    os.replace(older, backup_path(backup_dir, name, generation + 1))
            os.replace(fresh, newest)
        finally:
            with suppress(FileNotFoundError):
                os.unlink(fresh)


class AtomicJSONStorage(Storage):
    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backup_dir: Path | None = None,
        cache: bool = True,
    ) -> None:
        self.path = Path(path)
        self.backup_dir = backup_dir
        self.use_cache = cache
        self._cached: dict[str, Any] | None = None
        self._signature: Signature | None = None

    def read(self) -> dict[str, Any] | None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self._forget()
            return None
        try:
            st = os.fstat(fd)
            signature = (st.st_ino, st.st_mtime_ns, st.st_size)
            if self.use_cache and self._cached is not None and signature == self._signature:
                return self._cached
            if stat.S_ISDIR(st.st_mode):
                raise not_a_file(self.path)
            with os.fdopen(os.dup(fd), "rb") as handle:
                payload = handle.read()
        finally:
            os.close(fd)
        data = parse_json_file(self.path, payload)
        if self.use_cache:
            self._cached, self._signature = data, signature
        return data

    def write(self, data: dict[str, Any]) -> None:
        payload = dump_json(data)
        try:
            atomic_write(self.path, payload)
        except BaseException:
            # TinyDB edits the dict that read() returned; after a failed save it no longer
            # matches the file, so the next read must come from disk.
            self._forget()
            raise
        if self.use_cache:
            self._cached, self._signature = data, file_signature(self.path)
        if self.backup_dir is not None:
            rotate_backups(self.backup_dir, self.path.name, payload)

    def close(self) -> None:
        self._forget()

    def _forget(self) -> None:
        self._cached = None
        self._signature = None


class KeyedRecords:
    """One table of records keyed by our own string ids (a pair of claims, a claim's field) in a
    file in TinyDB's format, read and written through ``AtomicJSONStorage``.

    TinyDB's ``Table`` keys documents by its integer counters; ours are strings, which its types
    (and its query cache, stale once another process saves) do not allow for. So the few
    operations these tables need are written here, on TinyDB's storage layer: the files stay
    TinyDB files that ``doctor`` and older versions read.
    """

    def __init__(self, path: Path, table: str, *, backup_dir: Path | None = None) -> None:
        self.path = path
        self.table = table
        self._storage = AtomicJSONStorage(path, backup_dir=backup_dir)

    def all(self) -> dict[str, dict[str, Any]]:
        """Every record by its key (a copy: changing it changes nothing stored)."""
        return dict(table_rows(self.path, self._storage.read(), self.table))

    def get(self, key: str) -> dict[str, Any] | None:
        return self.all().get(key)

    def put_many(self, records: Mapping[str, dict[str, Any]]) -> None:
        """Insert or replace several records in one write."""
        self._update(lambda rows: rows.update(records))

    def drop(self, keys: Iterable[str]) -> None:
        def remove(rows: dict[str, dict[str, Any]]) -> None:
            for key in keys:
                rows.pop(key, None)

        self._update(remove)

    def _update(self, change: Callable[[dict[str, dict[str, Any]]], None]) -> None:
        data = dict(self._storage.read() or {})
        rows = dict(table_rows(self.path, data, self.table))
        change(rows)
        data[self.table] = rows
        self._storage.write(data)


def table_rows(path: Path, data: dict[str, Any] | None, table: str) -> dict[str, Any]:
    """One TinyDB table of a parsed file; a table that is not an object of records is damage."""
    rows = (data or {}).get(table, {})
    if not isinstance(rows, dict) or not all(isinstance(row, dict) for row in rows.values()):
        raise CorruptFileError(path, f"table {table!r} is not an object of records", line_of_key(path, [table]))
    return rows
