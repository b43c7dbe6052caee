"""Printing for the subcommands: JSON for scripts, short lines for people."""

from __future__ import annotations

import sys
from typing import Any

import orjson


def print_json(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def print_json_line(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data) + b"\n")
    sys.stdout.flush()


def warn_about(article: Any) -> None:
    """What reading an article put right (bytes replaced, NULs removed), one line each on stderr."""
    for warning in article.warnings:
        print(f"factcheck: warning: {warning}", file=sys.stderr)


def claim_record(claim: Any) -> dict[str, Any]:
    """The public JSON shape of a claim (history is left out; ``show --json`` includes it)."""
    return claim.model_dump(mode="json", exclude={"history"})
