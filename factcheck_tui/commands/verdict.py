"""factcheck verdict CLAIM_ID VERDICT [--note TEXT] [--evidence URL ...]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_json
from factcheck_tui.core.review import set_verdict
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("verdict", parents=[shared], help="set a claim's verdict")
    parser.add_argument("claim_id")
    parser.add_argument("verdict", help="a label of the verdict scale (any case), or its number; 'none' clears it")
    parser.add_argument("--note", help="the written conclusion")
    parser.add_argument("--evidence", nargs="+", default=[], metavar="URL", help="evidence links to attach")
    parser.add_argument("--json", action="store_true", help="print the updated claim as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    verdict = None if args.verdict.strip().lower() == "none" else args.verdict
    claim = set_verdict(
        workspace.repo,
        args.claim_id,
        verdict,
        scale=workspace.scale,
        actor=workspace.actor,
        conclusion=args.note,
        evidence_urls=args.evidence,
    )
    if args.json:
        print_json(claim_record(claim))
    else:
        print(f"{claim.id}: {claim.verdict or 'no verdict'} (version {claim.version}, by {workspace.actor})")
    return 0
