"""factcheck link CLAIM_ID OTHER_ID --confirm|--reject [--copy] [--note TEXT] [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_json
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.matching.copying import copy_verdict
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("link", parents=[shared], help="confirm or reject that two claims are the same")
    parser.add_argument("claim_id", help="the claim you are checking")
    parser.add_argument("other_id", help="the earlier claim it may repeat")
    decision = parser.add_mutually_exclusive_group(required=True)
    decision.add_argument("--confirm", action="store_true", help="they are the same claim")
    decision.add_argument("--reject", action="store_true", help="they are not; never suggest this pair again")
    parser.add_argument(
        "--copy",
        action="store_true",
        help="with --confirm: copy OTHER_ID's verdict, conclusion and evidence onto CLAIM_ID",
    )
    parser.add_argument("--note", default="", help="why (kept with the decision)")
    parser.add_argument("--json", action="store_true", help="print the decision (and the updated claim) as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.copy and not args.confirm:
        raise InputError("--copy needs --confirm: only a confirmed match lends its verdict")
    links = workspace.repo.links
    if args.confirm:
        decision = links.confirm(args.claim_id, args.other_id, actor=workspace.actor, note=args.note)
    else:
        decision = links.reject(args.claim_id, args.other_id, actor=workspace.actor, note=args.note)
    copied = (
        copy_verdict(workspace.repo, decision.claim_id, decision.other_id, actor=workspace.actor) if args.copy else None
    )
    if args.json:
        print_json({"link": decision.model_dump(mode="json"), "claim": claim_record(copied) if copied else None})
        return 0
    print(f"{decision.claim_id} and {decision.other_id}: {decision.decision.value} by {decision.by}")
    if copied:
        print(f"{copied.id}: {copied.verdict} copied from {copied.copied_from} (version {copied.version})")
    return 0
