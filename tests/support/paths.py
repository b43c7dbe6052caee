"""Files the tests read: articles and past checks written for these tests."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures"
STRIKE = FIXTURES / "port-strike.txt"
# Claim pairs written for the matching bench: several hundred news claims, a newsroom's archive.
BENCH_DATA = TESTS.parent / "bench" / "data"
# The fictional articles of the sample newsroom (`factcheck demo`).
SAMPLE_ARTICLES = TESTS.parent / "data" / "articles"
