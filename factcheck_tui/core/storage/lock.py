"""The database's write lock: one file lock that serialises writers across processes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from factcheck_tui.core.errors import StorageError
from factcheck_tui.core.storage.layout import Layout

LOCK_TIMEOUT_SECONDS = 30.0
# How often a writer waiting for the lock tries again (filelock polls a non-blocking flock).
# A save holds the lock for a few milliseconds, so a millisecond hands it over promptly; the
# storage benchmark measures the hand-over.
LOCK_POLL_SECONDS = 0.001


def database_lock(layout: Layout) -> FileLock:
    return FileLock(
        layout.lock, timeout=LOCK_TIMEOUT_SECONDS, mode=0o666, poll_interval=LOCK_POLL_SECONDS, preserve_lock_file=True
    )


@contextmanager
def holding(lock: FileLock) -> Iterator[None]:
    try:
        lock.acquire()
    except Timeout:
        raise StorageError(
            f"{lock.lock_file}: another process has held the database lock for {LOCK_TIMEOUT_SECONDS:.0f} s; try again"
        ) from None
    try:
        yield
    finally:
        lock.release()
