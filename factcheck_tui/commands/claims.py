"""factcheck claims [--story ID] [--checkworthy] [--unreviewed] [--verdict V] [--status S] [--tag T]
[--assignee NAME] [--filter NAME] [--search WORDS] [--by-score] [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_claim_lines, print_json
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.workflow.claim_order import ClaimOrder, ordered
from factcheck_tui.core.workflow.filters import ClaimFilter, choice_filter, saved_filter
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("claims", parents=[shared], help="list claims, in document order")
    parser.add_argument("--story", help="only this story's claims")
    parser.add_argument("--checkworthy", action="store_true", help="only check-worthy claims")
    parser.add_argument("--unreviewed", action="store_true", help="only claims without a verdict")
    parser.add_argument("--verdict", action="append", default=[], help="only claims with this verdict (repeatable)")
    parser.add_argument("--status", action="append", default=[], help="only claims with this status (repeatable)")
    parser.add_argument(
        "--tag", action="append", default=[], help="only claims with this tag (repeatable: any of them)"
    )
    parser.add_argument("--assignee", action="append", default=[], metavar="NAME", help="only claims assigned to NAME")
    parser.add_argument("--filter", metavar="NAME", help="a saved filter from the config's [filters.NAME]")
    parser.add_argument("--search", help="only claims containing these words")
    parser.add_argument(
        "--by-score", action="store_true", help="the most check-worthy first (the app's o), not in document order"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of claims")
    parser.set_defaults(run=run)


def _wanted(args: argparse.Namespace, workspace: Workspace) -> list[ClaimFilter]:
    """The flags' filter, and the saved one if named: a claim must pass both."""
    scale = workspace.scale
    wanted = [
        choice_filter(
            scale,
            tags=args.tag,
            assignees=args.assignee,
            statuses=args.status,
            verdicts=args.verdict,
            checkworthy=args.checkworthy,
            unreviewed=args.unreviewed,
            search=args.search or "",
        )
    ]
    if args.filter:
        saved = workspace.config.filters.get(args.filter)
        if saved is None:
            known = ", ".join(sorted(workspace.config.filters)) or "none in the config"
            raise InputError(f"no saved filter {args.filter!r} (saved filters: {known})")
        wanted.append(saved_filter(saved, scale))
    return wanted


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    repo = workspace.repo
    wanted = _wanted(args, workspace)
    story_ids = [args.story] if args.story else repo.story_ids()
    claims = ordered(
        (
            claim
            for story_id in story_ids
            for claim in repo.list_claims(story_id)
            if all(one.matches(claim) for one in wanted)
        ),
        ClaimOrder.SCORE if args.by_score else ClaimOrder.STORY,
    )
    if args.json:
        print_json([claim_record(claim) for claim in claims])
    else:
        print_claim_lines(claims)
    return 0
