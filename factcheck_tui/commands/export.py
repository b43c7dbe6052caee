"""factcheck export [--story ID ...] [--format md|html|csv|json|claimreview] [filters] [-o FILE]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_tui.core.export import FORMATS, Export, ExportOptions, build_export, write_export
from factcheck_tui.core.intake.story_import import parse_date
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    formats = "; ".join(f"{item.name}: {item.description}" for item in FORMATS.values())
    parser = subparsers.add_parser(
        "export",
        parents=[shared],
        help="write a verdict report, a spreadsheet, ClaimReview markup or a JSON backup",
        description=f"Export checked claims. Formats: {formats}.",
    )
    parser.add_argument("--format", default="md", choices=list(FORMATS), help="output format (default: md)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of standard output (a file is replaced atomically; a device or pipe is written into)",
    )
    scope = parser.add_argument_group("scope (filters combine; a repeated filter matches any of its values)")
    scope.add_argument(
        "--story", action="append", default=[], metavar="ID", help="story to include (repeatable; default: all stories)"
    )
    scope.add_argument(
        "--verdict", action="append", default=[], metavar="V", help="only claims with this verdict (repeatable)"
    )
    scope.add_argument(
        "--status", action="append", default=[], metavar="S", help="only claims with this status (repeatable)"
    )
    scope.add_argument(
        "--reviewer", action="append", default=[], metavar="NAME", help="only claims by this reviewer (repeatable)"
    )
    scope.add_argument("--since", metavar="YYYY-MM-DD", help="only claims whose verdict was given on or after this day")
    scope.add_argument(
        "--until", metavar="YYYY-MM-DD", help="only claims whose verdict was given on or before this day"
    )
    scope.add_argument(
        "--all-claims",
        action="store_true",
        help="include claims that have no verdict yet (json: dismissed ones too; claimreview: reviews not Done yet)",
    )
    scope.add_argument(
        "--all-stories",
        action="store_true",
        help="also list stories with no claim in the report (default: only those with one, or those named by --story)",
    )
    claimreview = parser.add_argument_group("ClaimReview")
    claimreview.add_argument(
        "--org-name", metavar="NAME", help="publishing organisation (default: organisation.name in the config)"
    )
    claimreview.add_argument(
        "--org-url", metavar="URL", help="its web address (default: organisation.url in the config)"
    )
    claimreview.add_argument(
        "--review-url",
        metavar="URL",
        help="page where the checks are published; each claim gets #claim-ID, or use {story_id}, {claim_id}, {number}",
    )
    claimreview.add_argument("--feed", action="store_true", help="wrap the ClaimReviews in a schema.org DataFeed")
    parser.set_defaults(run=run)


def options_from(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions.parse(
        format=args.format,
        story_ids=args.story,
        verdicts=args.verdict,
        statuses=args.status,
        reviewers=args.reviewer,
        since=parse_date(args.since, "--since"),
        until=parse_date(args.until, "--until"),
        include_unreviewed=args.all_claims,
        all_stories=args.all_stories,
        org_name=args.org_name,
        org_url=args.org_url,
        review_url=args.review_url,
        feed=args.feed,
    )


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    options = options_from(args)
    if not args.output or args.output == "-":
        streamed = build_export(workspace.repo, workspace.config, options)
        sys.stdout.buffer.write(streamed.text.encode("utf-8"))
        _warn_not_final(streamed)
        return 0
    export = write_export(workspace.repo, workspace.config, options, Path(args.output))
    stories = f"{export.story_count} stor{'y' if export.story_count == 1 else 'ies'}"
    replaced = "; replaced the file that was there" if export.replaced else ""
    # Into a stream (/dev/stdout, a pipe) the report is the output: the note goes to stderr.
    out = sys.stderr if export.streamed else sys.stdout
    print(
        f"wrote {args.output} ({export.claim_count} claim{'' if export.claim_count == 1 else 's'} from {stories}{replaced})",
        file=out,
    )
    if export.left_out:
        print(f"left out: {export.left_out}", file=out)
    if export.why_empty:
        print(f"factcheck: note: {export.why_empty} (--all-claims widens it)", file=sys.stderr)
    _warn_not_final(export)
    return 0


def _warn_not_final(export: Export) -> None:
    if export.not_final:
        print(
            f"factcheck: warning: {export.not_final} of these ratings are of reviews not Done yet "
            "(--all-claims), and ClaimReview cannot mark them as not final",
            file=sys.stderr,
        )
