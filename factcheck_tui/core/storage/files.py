"""Durable file writes: temporary file, fsync, atomic replace, fsync of the directory."""

from __future__ import annotations

import os
import secrets
from contextlib import suppress
from pathlib import Path

from factcheck_tui.core.errors import SaveFailedError

TMP_SUFFIX = ".tmp"


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``payload`` so that readers see the old or the new bytes, never a mix.

    With ``durable`` the bytes and the rename are on disk before this returns. Any failure
    (a full disk, say) leaves the old file as it was and raises ``SaveFailedError``.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            # Keep the mode of the file we replace: a shared newsroom database may be group-writable.
            with suppress(FileNotFoundError):
                os.fchmod(fd, os.stat(path).st_mode & 0o7777)
            _write_all(fd, payload)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if durable:
            fsync_dir(path.parent)
    except OSError as error:
        with suppress(OSError):
            os.unlink(tmp)
        raise SaveFailedError(path, error.strerror or str(error)) from error


def is_temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(TMP_SUFFIX)
