"""factcheck story edit ID [--title T] [--outlet O] [--url U] [--published D] [--byline B]  |  factcheck story delete ID --yes"""

from __future__ import annotations

import argparse

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.story_import import parse_date
from factcheck_tui.core.workflow.stories import UNCHANGED, delete_story, edit_story
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("story", parents=[shared], help="edit a story's details, or delete a story")
    actions = parser.add_subparsers(dest="story_action", metavar="ACTION", required=True, parser_class=type(parser))
    edit = actions.add_parser("edit", parents=[shared], help="change the headline, outlet, link or date")
    edit.add_argument("story_id")
    edit.add_argument("--title", help="headline")
    edit.add_argument("--outlet", help="publication name")
    edit.add_argument("--url", help="where the story was published ('' clears it)")
    edit.add_argument("--byline", help="the article's authors ('' clears it)")
    edit.add_argument("--published", help="publication date, YYYY-MM-DD ('' clears it)")
    edit.set_defaults(run=run_edit)
    delete = actions.add_parser(
        "delete", parents=[shared], help="take a story out (its file is kept under backups/deleted/)"
    )
    delete.add_argument("story_id")
    delete.add_argument("--yes", action="store_true", help="confirm: without it nothing is deleted")
    delete.set_defaults(run=run_delete)


def run_edit(args: argparse.Namespace, workspace: Workspace) -> int:
    published = UNCHANGED if args.published is None else parse_date(args.published)
    story = edit_story(
        workspace.repo,
        args.story_id,
        actor=workspace.actor,
        title=args.title,
        outlet=args.outlet,
        url=args.url,
        published=published,
        byline=args.byline,
        limits=workspace.config.limits,
    )
    date = story.published.isoformat() if story.published else "no date"
    print(f"{story.id}\t{story.title}\t{story.outlet or 'no outlet'}\t{date}")
    return 0


def run_delete(args: argparse.Namespace, workspace: Workspace) -> int:
    if not args.yes:
        raise InputError(f"deleting story {args.story_id} needs --yes")
    kept = delete_story(workspace.repo, args.story_id)
    print(f"deleted {args.story_id}; its file is kept in {kept}")
    return 0
