"""factcheck import-checks FILE [--json]: bring in past fact-checks (ClaimReview, JSON Lines, CSV)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_tui.commands.output import print_json
from factcheck_tui.commands.progress import ProgressBar
from factcheck_tui.core.interchange.past_checks import ImportChecksResult, import_checks
from factcheck_tui.core.workspace import Workspace

WARNINGS_SHOWN = 20


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import-checks",
        parents=[shared],
        help="import past fact-checks so that matching finds them",
        description=(
            "Import past fact-checks from ClaimReview JSON-LD (an object, a list, a DataFeed, or an HTML page "
            'with <script type="application/ld+json">), JSON Lines ({"text", "verdict", "url", "published", "id"}) '
            "or CSV with a header. Ratings are mapped onto the verdict scale. A bad record stops the import with "
            "nothing imported, unless --skip-bad is given."
        ),
    )
    parser.add_argument("file", help="the file of past checks (.json, .jsonld, .jsonl, .csv, .tsv, .html)")
    parser.add_argument(
        "--skip-bad", action="store_true", help="import the valid records and list every bad one that was skipped"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=run, creates_database=True)


def _summary(result: ImportChecksResult) -> list[str]:
    stories = ", ".join(result.story_ids) or "none"
    lines = [
        f"{result.source} ({result.format}): {result.read:,} checks read, {result.imported:,} imported, "
        f"{result.duplicates:,} already present, {result.skipped:,} bad records skipped",
        f"archive stories: {stories}",
    ]
    if result.unmapped:
        labels = ", ".join(f"{label!r} ({count:,})" for label, count in result.unmapped.items())
        lines.append(
            f"{result.unmapped_count:,} ratings not mapped onto the scale (imported without a verdict): {labels}"
        )
    if result.rated_now:
        lines.append(
            f"{result.rated_now:,} checks imported earlier without a verdict now have one (their rating is now mapped)"
        )
    if result.unrated:
        lines.append(f"{result.unrated:,} checks had no rating (imported without a verdict)")
    return lines


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    bar = ProgressBar()
    try:
        result = import_checks(
            workspace.repo,
            Path(args.file),
            workspace.scale,
            actor=workspace.actor,
            progress=bar,
            skip_bad=args.skip_bad,
            limits=workspace.config.limits,
        )
    finally:
        bar.close()
    # Every skipped record is listed: the reviewer asked to go on without them and must know which.
    for problem in (problem for problem in result.problems if problem.skipped):
        print(f"factcheck: skipped: {args.file}: {problem}", file=sys.stderr)
    warnings = [problem for problem in result.problems if not problem.skipped]
    for problem in warnings[:WARNINGS_SHOWN]:
        print(f"factcheck: warning: {args.file}: {problem}", file=sys.stderr)
    if len(warnings) > WARNINGS_SHOWN:
        print(f"factcheck: ... and {len(warnings) - WARNINGS_SHOWN:,} more warnings (see --json)", file=sys.stderr)
    if args.json:
        print_json(
            {
                "source": result.source,
                "format": result.format,
                "read": result.read,
                "imported": result.imported,
                "duplicates": result.duplicates,
                "skipped": result.skipped,
                "story_ids": result.story_ids,
                "unmapped": result.unmapped,
                "unrated": result.unrated,
                "rated_now": result.rated_now,
                "problems": [{"where": p.where, "problem": p.message, "skipped": p.skipped} for p in result.problems],
            }
        )
    else:
        print("\n".join(_summary(result)))
    return 0
