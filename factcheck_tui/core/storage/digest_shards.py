"""The claim digests, spread over shard files: read one shard on its own, in any process.

Kept free of the models and of pydantic, so that the worker processes of an index build
(``matching.building``) start in a few tens of milliseconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck_tui.core.storage.jsonstore import read_json_file, table_rows

DIGESTS_TABLE = "claims"
_REPEATED_DIGEST_FIELDS = ("story_id", "verdict", "status", "reviewer", "review_title", "published", "updated_at")


def read_digest_shard(path: Path) -> dict[str, Any]:
    """The claim digests of one shard file, by claim id."""
    rows = table_rows(path, read_json_file(path), DIGESTS_TABLE)
    # The ~50 claims of a story repeat its id, date, reviewer and verdict; one string object
    # for each value instead of one per claim takes a quarter off a loaded archive's memory.
    shared: dict[str, str] = {}
    for row in rows.values():
        for key in _REPEATED_DIGEST_FIELDS:
            value = row.get(key)
            if value.__class__ is str:
                row[key] = shared.setdefault(value, value)
    return rows
