"""Printing for the subcommands: JSON for scripts, short lines for people.

Everything a command prints for people passes through ``shown`` (see ``human_output``): a story's
escape sequences or bidi overrides never reach the terminal, whichever command quotes it. JSON
keeps the stored text; JSON's own escapes (and ours for invisible characters) keep it inert.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

import orjson

from factcheck_tui.core.text import json_escaped, one_line, shown
from factcheck_tui.core.workflow.review import unexplained_done


class ShownStream:
    """A text stream for people: whatever is written is made safe for the terminal first."""

    def __init__(self, stream: TextIO) -> None:
        self.unfiltered = stream

    def write(self, text: str) -> int:
        self.unfiltered.write(shown(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unfiltered, name)


def unfiltered(stream: TextIO) -> TextIO:
    """The terminal itself, for our own control sequences (a progress bar's carriage return)."""
    return stream.unfiltered if isinstance(stream, ShownStream) else stream


@contextmanager
def human_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ShownStream(sys.stdout), ShownStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def terminal_output() -> Iterator[None]:
    """The streams as they were, for the review app, which draws the screen itself."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = unfiltered(sys.stdout), unfiltered(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _json(data: Any, option: int = 0) -> bytes:
    return json_escaped(orjson.dumps(data, option=option).decode("utf-8")).encode("utf-8") + b"\n"


def print_json(data: Any) -> None:
    sys.stdout.buffer.write(_json(data, orjson.OPT_INDENT_2))
    sys.stdout.flush()


def print_json_line(data: Any) -> None:
    sys.stdout.buffer.write(_json(data))
    sys.stdout.flush()


def warn_about(article: Any) -> None:
    """What reading an article put right (bytes replaced, NULs removed), one line each on stderr."""
    for warning in article.warnings:
        print(f"factcheck: warning: {warning}", file=sys.stderr)


def warn_if_unexplained(claims: Sequence[Any]) -> None:
    """One line on stderr when a claim just marked Done has no conclusion (the TUI says the same)."""
    warning = unexplained_done(claims)
    if warning:
        print(
            f"factcheck: warning: {warning} (write one with: factcheck verdict ID VERDICT --note TEXT)", file=sys.stderr
        )


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
