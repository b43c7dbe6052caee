"""What a reviewer chose last time in this database: the export dialog's format and folder.

``preferences/<reviewer>.json`` is the reviewer's own (0600, or the group's mode in a shared
database) and is replaced atomically. A missing, unreadable or malformed file only means the
defaults apply: a remembered choice is a convenience, never a reason to stop.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck_tui.core.storage.files import atomic_write, make_folder


class ExportChoice(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    format: str = ""
    folder: str = ""


class PreferenceStore:
    """One reviewer's remembered choices; ``Repository.preferences`` makes it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def export_choice(self) -> ExportChoice:
        try:
            return ExportChoice.model_validate(self._read().get("export", {}))
        except ValidationError:
            return ExportChoice()

    def remember_export(self, choice: ExportChoice) -> None:
        data = {**self._read(), "export": choice.model_dump()}
        make_folder(self.path.parent)
        payload = json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")
        # Not durable: losing the last choice to a power cut costs a reviewer one click.
        atomic_write(self.path, payload, durable=False)
