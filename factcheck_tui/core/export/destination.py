"""Where a report is written from the app: a folder that never depends on where the app was started."""

from __future__ import annotations

from pathlib import Path

from factcheck_tui.core.config import Config
from factcheck_tui.core.export.formats import export_format
from factcheck_tui.core.storage.preferences import ExportChoice


def resolve_folder(text: str) -> Path:
    """A folder as a reviewer typed it: ``~`` expanded, and a relative path taken from the home
    folder, never from the working directory the app happened to be started in."""
    path = Path(text.strip() or "~").expanduser()
    return path if path.is_absolute() else Path.home() / path


def default_folder(remembered: ExportChoice, config: Config) -> Path:
    """The last folder written to (while it exists), else the config's ``[export] folder``, else home."""
    for candidate in (remembered.folder, str(config.export.folder or "")):
        if candidate and resolve_folder(candidate).is_dir():
            return resolve_folder(candidate)
    return Path.home()


def report_file_name(story_id: str | None, fmt: str) -> str:
    return f"factcheck-{story_id or 'report'}{export_format(fmt).suffix}"
