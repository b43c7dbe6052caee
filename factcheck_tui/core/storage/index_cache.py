"""The saved matching index: rebuildable at any time, so any doubt about it means "rebuild".

Stored with ``marshal`` (flat lists, strings and bytes; no code is run on load) because it reads
a 100,000-claim index several times faster than JSON; the posting lists are raw arrays.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

from factcheck_tui.core.errors import SaveFailedError
from factcheck_tui.core.storage.files import atomic_write, make_folder

# Bump when normalisation, weights or the state layout change: older caches are then rebuilt.
FORMAT = 2
FILE_NAME = "matching-index.bin"


def cache_path(folder: Path) -> Path:
    return folder / FILE_NAME


def load(folder: Path) -> dict[str, Any] | None:
    try:
        payload = cache_path(folder).read_bytes()
        state = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        return None
    return state


def save(folder: Path, state: dict[str, Any]) -> None:
    """Best effort: a cache that cannot be written (read-only share, full disk) is simply rebuilt."""
    try:
        make_folder(folder)
        atomic_write(cache_path(folder), marshal.dumps({"format": FORMAT, **state}), durable=False)
    except (OSError, SaveFailedError):
        pass
