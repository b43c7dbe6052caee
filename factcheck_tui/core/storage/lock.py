"""The database's write lock: one file lock that serialises writers across processes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from filelock import FileLock, Timeout

from factcheck_tui.core.errors import LockBusyError, StorageError
from factcheck_tui.core.storage.files import create_file, new_file_mode
from factcheck_tui.core.storage.layout import Layout

LOCK_TIMEOUT_SECONDS = 30.0
# How often a writer waiting for the lock tries again (filelock polls a non-blocking flock).
# A save holds the lock for a few milliseconds, so a millisecond hands it over promptly; the
# storage benchmark measures the hand-over.
LOCK_POLL_SECONDS = 0.001


def database_lock(layout: Layout) -> FileLock:
    # The lock file is made here, with the database's mode: filelock would create it with the
    # umask's group bits (a group database needs it group-writable, never world-writable).
    with suppress(OSError):
        create_file(layout.lock)
    return FileLock(
        layout.lock,
        timeout=LOCK_TIMEOUT_SECONDS,
        mode=new_file_mode(layout.root),
        poll_interval=LOCK_POLL_SECONDS,
        preserve_lock_file=True,
    )


@contextmanager
def holding(lock: FileLock, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold ``lock``, waiting at most ``timeout`` seconds for another writer (0: not at all)."""
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise LockBusyError(
            f"{lock.lock_file}: another process has held the database lock for {timeout:g} s; try again"
        ) from None
    except OSError as error:
        # Missing in a folder this user cannot write, a link that loops, a folder in its place.
        raise StorageError(
            f"{lock.lock_file}: cannot take the database lock ({error.strerror or error}); "
            "nothing was saved. Run 'factcheck doctor' to see why"
        ) from None
    try:
        yield
    finally:
        lock.release()


def lock_problem(layout: Layout) -> str | None:
    """Why no writer could take the lock, if something is wrong with the lock file itself."""
    path = layout.lock
    if path.is_symlink():
        return f"is a symbolic link (to {os.readlink(path)}), not the lock file: every save fails"
    if path.exists() and not path.is_file():
        return "is not a regular file: every save fails"
    if not path.exists() and not os.access(layout.root, os.W_OK):
        return "is missing and the database folder cannot be written: every save fails"
    return None


def recreate_lock(layout: Layout) -> str:
    """Put a plain lock file in place of a bad one; says what was done."""
    path = layout.lock
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    create_file(path)
    return f"{path.name}: replaced with a plain lock file"
