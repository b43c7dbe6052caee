"""Printing for the subcommands: JSON for scripts, short lines for people."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import orjson

from factcheck_tui.core.text import one_line


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


def print_claim_lines(claims: Sequence[Any], *, status: bool = False) -> None:
    """One line a claim: id, check-worthy mark, score, verdict (and status), text."""
    for claim in claims:
        flag = "*" if claim.checkworthy else " "
        state = f"{one_line(claim.status.value, 19):19}  " if status else ""
        print(
            f"{claim.id:>9} {flag} {claim.score:4.2f}  {state}{one_line(claim.verdict or '-', 14):14}  {one_line(claim.text, 70)}"
        )
