"""factcheck match "TEXT" [--top K] [--json]  |  factcheck match --queries FILE [--top K] [--json]"""

from __future__ import annotations

import argparse
import textwrap

from factcheck_tui.commands.output import print_json_line
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.articles import input_label, read_input
from factcheck_tui.core.intake.decoding import text_from_bytes
from factcheck_tui.core.limits import Limits
from factcheck_tui.core.matching.results import Match, level_meanings, level_name
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.text import one_line
from factcheck_tui.core.workspace import Workspace

WIDTH = 80


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("match", parents=[shared], help="find earlier claims that say the same as a text")
    parser.add_argument("text", nargs="?", help="the claim to look up")
    parser.add_argument(
        "--queries",
        metavar="FILE",
        help="one query per line (- for standard input); one JSON line per query with --json",
    )
    parser.add_argument(
        "--top",
        type=int,
        default=5,
        metavar="K",
        help="the K best earlier claims per query (default: 5), whatever their score: 'likely' at or above "
        "matching.likely, 'possible' below it",
    )
    parser.add_argument("--json", action="store_true", help='print {"query", "matches": [...]} per query, one per line')
    parser.set_defaults(run=run)


def read_queries(source: str, limits: Limits) -> list[str]:
    """One query per line. A blank line stays (and gets no matches), so output line N answers input line N."""
    what = "a file of queries"
    payload, label = read_input(source, limits.archive_bytes, what), input_label(source)
    if not payload.strip():
        raise InputError(f"{label}: has no queries")
    decoded = text_from_bytes(payload, label, what=what, replace_bad_bytes=False)
    return [line.strip() for line in decoded.text.splitlines()]


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    if (args.text is None) == (args.queries is None):
        raise InputError("give either a TEXT to match or --queries FILE (not both)")
    if args.top < 1:
        raise InputError(f"--top: {args.top} is not a positive number")
    queries = read_queries(args.queries, workspace.config.limits) if args.queries else [args.text]
    if args.text is not None and not args.text.strip():
        raise InputError("the text to match is empty")
    index = MatchIndex.open(workspace.repo, workspace.config.matching)
    thresholds = workspace.config.matching
    for query in queries:
        matches = index.search(query, args.top, any_score=True) if query else []
        if args.json:
            print_json_line({"query": query, "matches": [match.json_record() for match in matches]})
        else:
            print_human(
                query, matches, show_query=len(queries) > 1, possible=thresholds.possible, likely=thresholds.likely
            )
    if not args.json:
        print_legend(thresholds.possible, thresholds.likely)
    return 0


def print_legend(possible: float, likely: float) -> None:
    """What the levels mean, once after the listing: a score alone tells a reader little."""
    print()
    for level, meaning in level_meanings(possible, likely):
        print(textwrap.fill(meaning, WIDTH, initial_indent=f"{level:<22}", subsequent_indent=" " * 22))


def print_human(query: str, matches: list[Match], *, show_query: bool, possible: float, likely: float) -> None:
    if show_query:
        print(one_line(query, WIDTH))
    if not matches:
        print("  no earlier claim matches")
    for match in matches:
        when = match.published.isoformat() if match.published else "-"
        # For people, a candidate the review app would not suggest says so ("weak"); --json keeps
        # the two levels its readers rely on.
        mark = "confirmed" if match.confirmed else level_name(match.score, possible, likely)
        head = f"  {mark:<9} {match.score:4.2f}  {match.claim_id:<10} {one_line(match.verdict or 'no verdict', 16):<16} {when:<10}"
        where = one_line(match.story_title, WIDTH - len(head) - 2)
        print(f"{head}  {where}".rstrip())
        print(f"      {one_line(match.text, WIDTH - 6)}")
    if show_query:
        print()
