"""Files the tests read: articles and past checks written for these tests."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures"
STRIKE = FIXTURES / "port-strike.txt"
