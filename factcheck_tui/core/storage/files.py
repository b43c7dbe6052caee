"""Durable file writes: temporary file, fsync, atomic replace, fsync of the directory."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from factcheck_tui.core.errors import SaveFailedError

TMP_SUFFIX = ".tmp"
# ".<name>.<pid>.<random>.tmp": the pid tells `doctor` whether the writer is still alive.
_TEMPORARY = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$")


# A database holds unpublished verdicts and drafts: its files and folders are its owner's alone,
# whatever the umask. A folder with the setgid bit marks a newsroom database shared by one group
# (see the README): there new files are 0660 and new folders 2770, again whatever the umask.
# A report the reviewer writes is theirs to share (the umask decides).
PRIVATE_FILE = 0o600
GROUP_FILE = 0o660
GROUP_FOLDER = 0o2770
SHARED_FILE = 0o666


def group_shared(folder: Path) -> bool:
    try:
        return bool(os.stat(folder).st_mode & stat.S_ISGID)
    except OSError:
        return False


def new_file_mode(folder: Path) -> int:
    return GROUP_FILE if group_shared(folder) else PRIVATE_FILE


def _umask() -> int:
    # There is no way to read the umask without setting it; this process sets it back at once.
    current = os.umask(0o022)
    os.umask(current)
    return current


def make_folder(path: Path) -> None:
    """Create ``path`` (and missing parents) private, or group-shared inside a shared database.

    Only folders made here are changed: in a newsroom database another reviewer owns most
    folders, and only their owner may chmod them.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    for folder in reversed(missing):
        if group_shared(folder.parent) and folder.is_dir():
            os.chmod(folder, GROUP_FOLDER)


def create_file(path: Path) -> None:
    """Create ``path`` empty if it is missing, with the database's mode (never the umask's)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, new_file_mode(path.parent))
    finally:
        os.close(fd)


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder (which makes the names created or renamed in it durable)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_temporary(path: Path, payload: bytes, *, durable: bool, mode: int | None = None) -> Path:
    """Write ``payload`` to a new temporary file next to ``path``; the caller renames it into place.

    The new file's mtime is strictly later than that of the file it will replace. Filesystems
    reuse inode numbers at once (two alternate when one file is replaced over and over) and
    older kernels stamp times at a coarse tick, so without this two versions of a file could
    share (inode, mtime, size) and a reader's cache would take one for the other.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            try:
                previous = os.stat(path)
            except FileNotFoundError:
                previous = None
            if previous is not None:
                # Keep the group and mode of the file we replace: in a newsroom database another
                # reviewer reads and writes it next. (A group we are not in cannot be kept; the
                # setgid folder has given the new file the database's group already.)
                if previous.st_gid != os.fstat(fd).st_gid:
                    with suppress(PermissionError):
                        os.fchown(fd, -1, previous.st_gid)
                os.fchmod(fd, previous.st_mode & 0o7777)
            elif mode is not None:
                os.fchmod(fd, mode & ~_umask())
            else:
                os.fchmod(fd, new_file_mode(path.parent))
            _write_all(fd, payload)
            if previous is not None:
                stamp = max(time.time_ns(), previous.st_mtime_ns + 1)
                os.utime(fd, ns=(stamp, stamp))
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        with suppress(OSError):
            os.unlink(tmp)
        raise SaveFailedError(path, error.strerror or str(error)) from error
    return tmp


def atomic_write(path: Path, payload: bytes, *, durable: bool = True, mode: int | None = None) -> None:
    """Replace ``path`` with ``payload`` so that readers see the old or the new bytes, never a mix.

    With ``durable`` the bytes and the rename are on disk before this returns. Any failure
    (a full disk, say) leaves the old file as it was and raises ``SaveFailedError``.
    """
    tmp = write_temporary(path, payload, durable=durable, mode=mode)
    try:
        os.replace(tmp, path)
        if durable:
            fsync_path(path.parent)
    except OSError as error:
        with suppress(OSError):
            os.unlink(tmp)
        raise SaveFailedError(path, error.strerror or str(error)) from error


# What ``write_output`` did: made a new file, replaced a regular one, or wrote into a special file.
NEW, REPLACED, STREAMED = "new", "replaced", "streamed"
# Paths that name a process's own streams: /dev/stdout leads to /proc/self/fd/1, which may be a
# regular file a shell opened; replacing that file would leave the shell writing to a lost copy.
_STREAM_FOLDERS = ("/dev/", "/proc/")


def write_output(path: Path, payload: bytes) -> str:
    """Write a report to ``path``: a regular file (or a new one) is replaced atomically; a device,
    a named pipe or a stream such as /dev/stdout is written into and stays what it is.

    A link to a regular file replaces the file it points to, so the link keeps working.
    """
    try:
        target = path.resolve() if path.is_symlink() else path
        st = os.stat(target)
    except FileNotFoundError:
        atomic_write(path, payload, mode=SHARED_FILE)
        return NEW
    except OSError as error:
        raise SaveFailedError(path, error.strerror or str(error)) from error
    if stat.S_ISREG(st.st_mode) and not str(path).startswith(_STREAM_FOLDERS):
        atomic_write(target, payload)
        return REPLACED
    try:
        fd = os.open(path, os.O_WRONLY)
        try:
            _write_all(fd, payload)
        finally:
            os.close(fd)
    except OSError as error:
        raise SaveFailedError(path, error.strerror or str(error)) from error
    return STREAMED


def create_marker(path: Path) -> None:
    """Create an empty file and make its existence durable (a journal entry)."""
    try:
        create_file(path)
        fsync_path(path.parent)
    except OSError as error:
        raise SaveFailedError(path, error.strerror or str(error)) from error


def is_temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(TMP_SUFFIX)


def temporary_owner(name: str) -> int | None:
    match = _TEMPORARY.match(name)
    return int(match.group(1)) if match else None


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as error:
        # Another user's process on a shared host: it exists, we just may not signal it.
        return error.errno == errno.EPERM
    return True


def is_stale_temporary(path: Path) -> bool:
    """A temporary file whose writer is gone: a kill or crash left it, and nobody will rename it."""
    if not is_temporary(path.name):
        return False
    owner = temporary_owner(path.name)
    return owner is None or not process_alive(owner)


def stale_temporaries(root: Path) -> Iterator[Path]:
    """Every temporary file below ``root`` whose writer is gone."""
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if is_stale_temporary(path):
                yield path
