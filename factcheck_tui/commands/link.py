"""factcheck link CLAIM_ID OTHER_ID --confirm|--reject|--restore [--copy] [--note TEXT] [--json]
factcheck link CLAIM_ID --rejected [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_json
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.text import one_line
from factcheck_tui.core.workflow import duplicates
from factcheck_tui.core.workspace import Workspace

WIDTH = 80


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "link", parents=[shared], help="confirm or reject that two claims are the same, or list rejected ones"
    )
    parser.add_argument("claim_id", help="the claim you are checking")
    parser.add_argument("other_id", nargs="?", help="the earlier claim it may repeat")
    decision = parser.add_mutually_exclusive_group(required=True)
    decision.add_argument("--confirm", action="store_true", help="they are the same claim")
    decision.add_argument("--reject", action="store_true", help="they are not; never suggest this pair again")
    decision.add_argument(
        "--restore", action="store_true", help="take back a rejection: OTHER_ID is suggested for CLAIM_ID again"
    )
    decision.add_argument(
        "--rejected",
        action="store_true",
        help="list the claims rejected as the same as CLAIM_ID: who rejected each, when and why",
    )
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
    if args.rejected:
        if args.other_id is not None:
            raise InputError("--rejected lists every rejected claim of CLAIM_ID: give no OTHER_ID")
        return list_rejected(args, workspace)
    if args.other_id is None:
        raise InputError("give the earlier claim too: factcheck link CLAIM_ID OTHER_ID")
    repo, actor = workspace.repo, workspace.actor
    if args.confirm:
        change = duplicates.link(repo, args.claim_id, args.other_id, actor=actor, note=args.note, copy=args.copy)
    elif args.reject:
        change = duplicates.reject(repo, args.claim_id, args.other_id, actor=actor, note=args.note)
    else:
        change = duplicates.restore(repo, args.claim_id, args.other_id)
    if args.json:
        record: dict[str, object] = {
            "link": change.decision.model_dump(mode="json") if change.decision else None,
            "claim": claim_record(change.copied) if change.copied else None,
        }
        if args.restore:
            record["restored"] = change.previous.model_dump(mode="json") if change.previous else None
        print_json(record)
        return 0
    if change.decision is None:
        print(f"{change.claim_id} and {change.other_id}: rejection taken back; suggested again when they match")
    else:
        print(f"{change.claim_id} and {change.other_id}: {change.decision.decision.value} by {change.decision.by}")
    if change.copied:
        copied = change.copied
        print(f"{copied.id}: {copied.verdict} copied from {copied.copied_from} (version {copied.version})")
    return 0


def list_rejected(args: argparse.Namespace, workspace: Workspace) -> int:
    rejected = duplicates.rejected_candidates(workspace.repo, args.claim_id)
    if args.json:
        print_json(
            [
                {
                    "link": candidate.decision.model_dump(mode="json"),
                    "other": {
                        "claim_id": candidate.other_id,
                        "story_id": candidate.earlier.story.id,
                        "story_title": candidate.earlier.story.title,
                        "text": candidate.earlier.claim.text,
                        "verdict": candidate.earlier.claim.verdict,
                    },
                }
                for candidate in rejected
            ]
        )
        return 0
    if not rejected:
        print(f"no claim was rejected as the same as {args.claim_id}")
    for candidate in rejected:
        decision, claim = candidate.decision, candidate.earlier.claim
        when = f"rejected {decision.at:%Y-%m-%d %H:%M} by {decision.by} · {claim.verdict or 'no verdict'}"
        print(f"{candidate.other_id:<10} {one_line(when, WIDTH - 11)}")
        print(f"      {one_line(claim.text, WIDTH - 6)}")
        if decision.note:
            print(f"      why: {one_line(decision.note, WIDTH - 11)}")
    if rejected:
        print(f"\nfactcheck link {args.claim_id} OTHER_ID --restore suggests one again")
    return 0
