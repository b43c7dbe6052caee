"""factcheck tag ID [ID ...] TAG  ·  factcheck untag ID [ID ...] TAG"""

from __future__ import annotations

import argparse

from factcheck_tui.core.workflow.desk import add_tag, remove_tag, select_claims, worth_labelling
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    for name, verb in (("tag", "add a tag to"), ("untag", "take a tag off")):
        parser = subparsers.add_parser(
            name,
            parents=[shared],
            help=f"{verb} claims",
            description=f"{verb.capitalize()} claims; a story id stands for its check-worthy claims.",
        )
        parser.add_argument("ids", nargs="+", metavar="ID", help="claim ids or story ids")
        parser.add_argument("tag", help="a word or phrase (compared without case; spaces become hyphens)")
        parser.set_defaults(run=run, remove=name == "untag")


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    change = remove_tag if args.remove else add_tag
    claims = select_claims(workspace.repo, args.ids, worth_labelling)
    for claim in change(workspace.repo, claims, args.tag, actor=workspace.actor):
        print(f"{claim.id}: {', '.join(claim.tags) or 'no tags'}")
    return 0
