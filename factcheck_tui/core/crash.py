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

LOGS = "logs"


def log_folder(db_root: Path | None) -> Path:
    """``logs/`` in the database folder; before a database is known, the user's log folder."""
    if db_root is not None and db_root.is_dir():
        return db_root / LOGS
    return Path(platformdirs.user_log_dir("factcheck-tui"))


def write_crash_log(db_root: Path | None, error: BaseException) -> Path:
    """Write ``error``'s traceback to a new log file (readable by its owner only) and return its path."""
    folder = log_folder(db_root)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    moment = datetime.now(UTC)
    path = folder / f"crash-{moment:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    text = f"factcheck-tui {__version__}, {moment.isoformat()}\n\n" + "".join(traceback.format_exception(error))
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace") as log:
        log.write(text)
    return path


def crash_line(log: Path) -> str:
    """The one line the terminal gets."""
    return f"factcheck: stopped on an unexpected error (a bug); your saved work and drafts are kept. Details: {log}"
