"""factcheck assign ID [ID ...] (--to NAME | --unassign)"""

from __future__ import annotations

import argparse

from factcheck_tui.core.workflow.desk import assign, open_for_work, select_claims
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "assign",
        parents=[shared],
        help="give claims to a reviewer",
        description="Assign claims; a story id stands for its check-worthy claims that are not Done.",
    )
    parser.add_argument("ids", nargs="+", metavar="ID", help="claim ids or story ids")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--to", metavar="NAME", help="the reviewer who is to check them")
    who.add_argument("--unassign", action="store_true", help="take the assignment back")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    claims = select_claims(workspace.repo, args.ids, open_for_work)
    saved = assign(workspace.repo, claims, None if args.unassign else args.to, actor=workspace.actor)
    for claim in saved:
        print(f"{claim.id}: {'assigned to ' + claim.assignee if claim.assignee else 'unassigned'}")
    return 0
