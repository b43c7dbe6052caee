"""The claim digests, spread over shard files: read one shard on its own, in any process.

Kept free of the models and of pydantic, so that the worker processes of an index build
(``matching.building``) start in a few tens of milliseconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck_tui.core.errors import CorruptFileError
from factcheck_tui.core.storage.jsonstore import line_of_key, read_json_file, table_rows

DIGESTS_TABLE = "claims"
_REPEATED_DIGEST_FIELDS = ("story_id", "verdict", "status", "reviewer", "review_title", "published", "updated_at")
# What matching reads from every digest, and the type it must have (a cheap check, no models).
_REQUIRED_TYPES: dict[str, type | tuple[type, ...]] = {"id": str, "story_id": str, "text": str, "version": int}
_OPTIONAL_TYPES: dict[str, type | tuple[type, ...]] = {
    "verdict": (str, type(None)),
    "review_title": (str, type(None)),
    "published": (str, type(None)),
    "dismissed": bool,
}


def read_digest_shard(path: Path) -> dict[str, Any]:
    """The claim digests of one shard file, by claim id."""
    rows = table_rows(path, read_json_file(path), DIGESTS_TABLE)
    for key, row in rows.items():
        if problem := _row_problem(row):
            raise CorruptFileError(path, f"record {key}: {problem}", line_of_key(path, [DIGESTS_TABLE, key]))
    # The ~50 claims of a story repeat its id, date, reviewer and verdict; one string object
    # for each value instead of one per claim takes a quarter off a loaded archive's memory.
    shared: dict[str, str] = {}
    for row in rows.values():
        for key in _REPEATED_DIGEST_FIELDS:
            value = row.get(key)
            if value.__class__ is str:
                row[key] = shared.setdefault(value, value)
    return rows


def _row_problem(row: dict[str, Any]) -> str | None:
    for name, kind in _REQUIRED_TYPES.items():
        value = row.get(name)
        # bool is an int to Python, never a version.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            return f"{name}: {value!r} is not {'a whole number' if kind is int else 'text'}"
    for name, kind in _OPTIONAL_TYPES.items():
        if name in row and not isinstance(row[name], kind):
            return f"{name}: {row[name]!r} is not a valid value"
    return None
