"""factcheck speaker CLAIM_ID NAME [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_json
from factcheck_tui.core.workflow.claim_edits import set_speaker
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "speaker",
        parents=[shared],
        help="correct who made a claim",
        description="The story's other claims that the machine gave the same wrong speaker are corrected "
        "with it; a speaker a reviewer set by hand is left alone.",
    )
    parser.add_argument("claim_id")
    parser.add_argument("name", help="who made the claim ('' for nobody: the story's own voice)")
    parser.add_argument("--json", action="store_true", help="print the corrected claims as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    corrected = set_speaker(workspace.repo, args.claim_id, args.name, actor=workspace.actor)
    if args.json:
        print_json([claim_record(claim) for claim in corrected])
        return 0
    for claim in corrected:
        print(f"{claim.id}: speaker {claim.speaker or 'none (the story itself)'} (version {claim.version})")
    return 0
