"""factcheck queue [--reviewer NAME] [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_claim_lines, print_json
from factcheck_tui.core.workflow.desk import queue
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "queue",
        parents=[shared],
        help="the claims assigned to you that are not Done, most pressing first",
        description="Claims in progress (and those sent back) come first, then fresh ones, then those "
        "waiting for a second review; within each, check-worthy and higher-scoring claims first.",
    )
    parser.add_argument("--reviewer", metavar="NAME", help="someone else's queue (default: you, from the config)")
    parser.add_argument("--json", action="store_true", help="print a JSON array of claims, as 'claims --json' does")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    claims = queue(workspace.repo, args.reviewer or workspace.actor)
    if args.json:
        print_json([claim_record(claim) for claim in claims])
    else:
        print_claim_lines(claims, status=True)
    return 0
