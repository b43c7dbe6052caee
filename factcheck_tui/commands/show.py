"""factcheck show CLAIM_ID [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import print_json
from factcheck_tui.core.workflow.history import describe_change
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("show", parents=[shared], help="show one claim with its evidence and history")
    parser.add_argument("claim_id")
    parser.add_argument("--json", action="store_true", help="print the claim as JSON, history included")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    claim = workspace.repo.get_claim(args.claim_id)
    if args.json:
        print_json(claim.model_dump(mode="json"))
        return 0
    print(f"{claim.id}  [{claim.status.value}]  verdict: {claim.verdict or '-'}  (version {claim.version})")
    print(f"  {claim.text}")
    if claim.speaker:
        print(f"  speaker: {claim.speaker}")
    print(
        f"  check-worthiness: {claim.score:.2f} ({'yes' if claim.checkworthy else 'no'}): {'; '.join(claim.reasons) or '-'}"
    )
    if claim.assignee:
        print(f"  assigned to: {claim.assignee}")
    if claim.approved_by:
        print(
            f"  approved by: {claim.approved_by}"
            + (f" on {claim.approved_at:%Y-%m-%d %H:%M}" if claim.approved_at else "")
        )
    if claim.tags:
        print(f"  tags: {', '.join(claim.tags)}")
    if claim.conclusion:
        print(f"  conclusion: {claim.conclusion}")
    if claim.notes:
        print(f"  notes (internal): {claim.notes}")
    for item in claim.evidence:
        print(f"  evidence {item.id}: {' · '.join(part for part in (item.source, item.url, item.note) if part)}")
    for change in claim.history:
        note = f" ({change.note})" if change.note else ""
        print(f"  {change.at:%Y-%m-%d %H:%M} {change.by}: {describe_change(change)}{note}")
    return 0
