"""factcheck approve CLAIM_ID"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import warn_if_unexplained
from factcheck_tui.core.workflow.desk import approve
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "approve",
        parents=[shared],
        help="sign off a claim marked Needs second review (it becomes Done)",
        description="Second review: a reviewer other than the one who gave the verdict approves it.",
    )
    parser.add_argument("claim_id")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    claim = approve(workspace.repo, args.claim_id, actor=workspace.actor)
    print(f"{claim.id}: {claim.status.value}, approved by {claim.approved_by} (version {claim.version})")
    warn_if_unexplained([claim])
    return 0
