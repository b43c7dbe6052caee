"""factcheck evidence CLAIM_ID [URL] [--source NAME] [--note TEXT]"""

from __future__ import annotations

import argparse

from factcheck_tui.core.workflow.review import add_evidence
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("evidence", parents=[shared], help="attach an evidence item to a claim")
    parser.add_argument("claim_id")
    parser.add_argument("url", nargs="?", default="", help="link to the evidence")
    parser.add_argument("--source", default="", help="who published it")
    parser.add_argument("--note", default="", help="what it shows")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    claim = add_evidence(
        workspace.repo, args.claim_id, url=args.url, source=args.source, note=args.note, actor=workspace.actor
    )
    item = claim.evidence[-1]
    print(f"{claim.id}: added evidence {item.id} (version {claim.version})")
    return 0
