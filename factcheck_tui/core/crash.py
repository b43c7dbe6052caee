"""An unexpected error, written down where the reviewer's data is, so a crash is reported, not lost.

The traceback goes to a file (it names local variables, which may hold unpublished text, so it is
private like the rest of the database) and the terminal gets one line that says where it is.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from factcheck_tui import __version__
from factcheck_tui.core.storage.files import make_folder, new_file_mode

LOGS = "logs"


def _user_log_folder() -> Path:
    return Path(platformdirs.user_log_dir("factcheck-tui"))


def log_folder(db_root: Path | None) -> Path:
    """``logs/`` in the database folder; before a database is known, the user's log folder."""
    if db_root is not None and db_root.is_dir():
        return db_root / LOGS
    return _user_log_folder()


def _write_log(folder: Path, name: str, text: str) -> Path:
    # Like the database it sits in: private, or shared with a newsroom database's group (where
    # any reviewer's crash must be able to write its log, whoever made the folder).
    make_folder(folder)
    path = folder / name
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(descriptor, new_file_mode(folder))
    with os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace") as log:
        log.write(text)
    return path


def write_crash_log(db_root: Path | None, error: BaseException) -> Path:
    """Write ``error``'s traceback to a new log file (as private as the database) and return its path."""
    moment = datetime.now(UTC)
    name = f"crash-{moment:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    text = f"factcheck-tui {__version__}, {moment.isoformat()}\n\n" + "".join(traceback.format_exception(error))
    try:
        return _write_log(log_folder(db_root), name, text)
    except OSError:
        # A database folder this user cannot write (a full disk, someone else's folder).
        return _write_log(_user_log_folder(), name, text)


def crash_line(log: Path) -> str:
    """The one line the terminal gets."""
    return f"factcheck: stopped on an unexpected error (a bug); your saved work and drafts are kept. Details: {log}"
