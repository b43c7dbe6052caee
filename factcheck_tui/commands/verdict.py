"""factcheck verdict CLAIM_ID VERDICT [--note TEXT] [--evidence URL ...]  ·  factcheck verdict --from FILE|-"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import claim_record, print_json
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.workflow.review import NoteMode, set_verdict
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "verdict",
        parents=[shared],
        help="set a claim's verdict, or many from a JSON Lines file",
        description='With --from, each line is {"id": ..., "verdict": ..., "note"?: ..., "evidence"?: [urls]}; '
        "the whole file is checked before any verdict is saved.",
    )
    parser.add_argument("claim_id", nargs="?")
    parser.add_argument(
        "verdict", nargs="?", help="a label of the verdict scale (any case), or its number; 'none' clears it"
    )
    parser.add_argument(
        "--note",
        help="the written conclusion; one another reviewer wrote is kept unless you add --replace-note or --append-note",
    )
    written = parser.add_mutually_exclusive_group()
    written.add_argument(
        "--replace-note",
        action="store_true",
        help="replace another reviewer's conclusion with --note (their text stays in the history)",
    )
    written.add_argument(
        "--append-note", action="store_true", help="add --note below the conclusion already there, as a paragraph"
    )
    parser.add_argument("--evidence", nargs="+", default=[], metavar="URL", help="evidence links to attach")
    parser.add_argument("--from", dest="source", metavar="FILE", help="verdicts as JSON Lines ('-' reads stdin)")
    parser.add_argument("--json", action="store_true", help="print the updated claim(s) as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.source is not None:
        if args.claim_id or args.verdict or args.note or args.evidence:
            raise InputError(
                "verdict --from takes everything from the file; give no claim, verdict, --note or --evidence"
            )
        return _run_batch(args, workspace)
    if args.claim_id is None or args.verdict is None:
        raise InputError("give a claim id and a verdict, or --from FILE (see factcheck verdict --help)")
    verdict = None if args.verdict.strip().lower() == "none" else args.verdict
    claim = set_verdict(
        workspace.repo,
        args.claim_id,
        verdict,
        scale=workspace.scale,
        actor=workspace.actor,
        conclusion=args.note,
        evidence_urls=args.evidence,
        note_mode=note_mode(args),
    )
    if args.json:
        print_json(claim_record(claim))
    else:
        print(f"{claim.id}: {claim.verdict or 'no verdict'} (version {claim.version}, by {workspace.actor})")
    return 0


def note_mode(args: argparse.Namespace) -> NoteMode:
    """What --note does to a conclusion another reviewer wrote: kept unless the flags say otherwise."""
    return NoteMode.REPLACE if args.replace_note else NoteMode.APPEND if args.append_note else NoteMode.KEEP_THEIRS


def _run_batch(args: argparse.Namespace, workspace: Workspace) -> int:
    from factcheck_tui.core.workflow.batch_verdicts import apply_verdicts, read_verdicts

    limits = workspace.config.limits
    text, source = read_verdicts(args.source, limits)
    claims = apply_verdicts(
        workspace.repo,
        text,
        source,
        scale=workspace.scale,
        actor=workspace.actor,
        limits=limits,
        note_mode=note_mode(args),
    )
    if args.json:
        print_json([claim_record(claim) for claim in claims])
    else:
        stories = len({claim.story_id for claim in claims})
        print(
            f"{len(claims)} verdict{'s' if len(claims) != 1 else ''} saved in {stories} stor{'y' if stories == 1 else 'ies'}"
        )
    return 0
