"""factcheck status CLAIM_ID STATUS"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import warn_if_unexplained
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.models import Status
from factcheck_tui.core.workflow.review import set_status
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("status", parents=[shared], help="set a claim's workflow status")
    parser.add_argument("claim_id")
    parser.add_argument("status", help=", ".join(member.value for member in Status))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    try:
        status = Status.parse(args.status)
    except ValueError:
        raise InputError(
            f"unknown status {args.status!r}; choose one of: {', '.join(member.value for member in Status)}"
        ) from None
    claim = set_status(
        workspace.repo, args.claim_id, status, actor=workspace.actor, second_review=workspace.second_review
    )
    print(f"{claim.id}: {claim.status.value} (version {claim.version})")
    warn_if_unexplained([claim])
    return 0
