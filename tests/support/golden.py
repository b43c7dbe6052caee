"""Golden files: the exact bytes an export must produce. Regenerate deliberately with
``FACTCHECK_UPDATE_GOLDEN=1 pytest tests/core/test_export_formats.py`` and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parents[1] / "golden"


def assert_matches_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    payload = text.encode("utf-8")
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_bytes(payload)
    assert path.exists(), f"{path} is missing; create it with FACTCHECK_UPDATE_GOLDEN=1"
    assert payload == path.read_bytes(), f"export differs from {path}"
