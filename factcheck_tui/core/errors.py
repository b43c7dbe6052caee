"""Error types of the domain core.

Every error a user can cause carries a message that fits on one line and names the file,
record or value at fault. The front ends print ``str(error)`` and never a traceback.
"""

from __future__ import annotations

from pathlib import Path


class FactcheckError(Exception):
    """Base class for every error the front ends report as one clear line."""

    exit_code = 1


class InputError(FactcheckError):
    """The user gave a file or value the app cannot use."""

    exit_code = 2


class AlreadyImportedError(InputError):
    """The article's text is already a story; importing it again needs an explicit choice."""

    def __init__(self, message: str, story_id: str) -> None:
        super().__init__(message)
        self.story_id = story_id


class WorkflowError(FactcheckError):
    """A change the desk's workflow does not allow (approving one's own verdict, Done without approval)."""


class ConfigError(FactcheckError):
    """The configuration file is missing a value or holds a bad one."""

    exit_code = 2


class NotFoundError(FactcheckError):
    """A story, claim or evidence id does not exist."""


class StaleWriteError(FactcheckError):
    """A save was based on a version that someone else has replaced since."""

    def __init__(self, record_id: str, expected: int | None, current: int | None, changed_by: str | None) -> None:
        who = f" by {changed_by}" if changed_by else ""
        versions = f" (your version {expected}, now {current})" if expected is not None else ""
        # What happened, without what to do next: the CLI says "reload", the app names its own keys.
        self.what_changed = f"{record_id} was changed{who} since you opened it{versions}"
        super().__init__(f"{self.what_changed}; reload it and apply your change again")
        self.record_id = record_id
        self.expected = expected
        self.current = current
        self.changed_by = changed_by


class StorageError(FactcheckError):
    """The database could not be read or written."""


class LockBusyError(StorageError):
    """Another writer held the database lock for as long as this one could wait; nothing was saved."""


class CorruptFileError(StorageError):
    """A database file is not valid JSON; it is left untouched for `factcheck doctor`."""

    def __init__(self, path: Path, detail: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(
            f"{where}: database file is damaged ({detail}); it was not modified. "
            "Run 'factcheck doctor --repair' to restore it from the last good backup"
        )
        self.path = path
        self.line = line
        self.detail = detail


class SaveFailedError(StorageError):
    """A write could not reach the disk; the previous state of the file is intact."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: could not save ({reason}); nothing already saved was lost")
        self.path = path
