"""factcheck note CLAIM_ID TEXT"""

from __future__ import annotations

import argparse
import sys

from factcheck_tui.core.workflow.desk import set_notes
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "note",
        parents=[shared],
        help="set a claim's internal notes (never published)",
        description="The reviewer's working notes: kept with the claim, its history and JSON backups, "
        "left out of every report.",
    )
    parser.add_argument("claim_id")
    parser.add_argument("text", help="the notes ('-' reads them from stdin; '' clears them)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    claim = set_notes(workspace.repo, args.claim_id, text, actor=workspace.actor)
    print(f"{claim.id}: notes {'saved' if claim.notes else 'cleared'} (version {claim.version})")
    return 0
