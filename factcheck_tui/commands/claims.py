"""factcheck claims [--story ID] [--checkworthy] [--unreviewed] [--verdict V] [--search WORDS] [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_json
from factcheck_tui.core.filters import ClaimFilter
from factcheck_tui.core.text import one_line
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("claims", parents=[shared], help="list claims, in document order")
    parser.add_argument("--story", help="only this story's claims")
    parser.add_argument("--checkworthy", action="store_true", help="only check-worthy claims")
    parser.add_argument("--unreviewed", action="store_true", help="only claims without a verdict")
    parser.add_argument("--verdict", help="only claims with this verdict")
    parser.add_argument("--search", help="only claims containing these words")
    parser.add_argument("--json", action="store_true", help="print a JSON array of claims")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    repo = workspace.repo
    story_ids = [args.story] if args.story else repo.story_ids()
    wanted = ClaimFilter(
        checkworthy_only=args.checkworthy,
        reviewed=False if args.unreviewed else None,
        verdicts=frozenset({workspace.scale.resolve(args.verdict)}) if args.verdict else frozenset(),
        text=args.search or "",
    )
    claims = [claim for story_id in story_ids for claim in repo.list_claims(story_id) if wanted.matches(claim)]
    if args.json:
        print_json([claim_record(claim) for claim in claims])
        return 0
    for claim in claims:
        flag = "*" if claim.checkworthy else " "
        print(
            f"{claim.id:>9} {flag} {claim.score:4.2f}  {one_line(claim.verdict or '-', 14):14}  {one_line(claim.text, 70)}"
        )
    return 0
