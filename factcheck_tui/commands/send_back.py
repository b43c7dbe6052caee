"""factcheck return CLAIM_ID --note TEXT"""

from __future__ import annotations

import argparse

from factcheck_tui.core.workflow.desk import send_back
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "return",
        parents=[shared],
        help="send a claim back from second review to its checker, with a note",
        description="The claim goes back to In progress, in its checker's queue; the note is kept in its history.",
    )
    parser.add_argument("claim_id")
    parser.add_argument("--note", required=True, help="what the checker should look at again")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    claim = send_back(workspace.repo, args.claim_id, args.note, actor=workspace.actor)
    print(f"{claim.id}: {claim.status.value}, back with {claim.assignee or 'nobody'} (version {claim.version})")
    return 0
