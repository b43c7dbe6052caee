"""factcheck import ARTICLE [--title T] [--url U] [--outlet O] [--published YYYY-MM-DD]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import print_json, warn_about
from factcheck_tui.core.importing import import_story, parse_date
from factcheck_tui.core.ingest import read_article
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("import", parents=[shared], help="import a story and extract its claims")
    parser.add_argument("article", help="article file (plain text, Markdown or HTML), or - for standard input")
    parser.add_argument("--title", help="headline (default: the article's title or first line)")
    parser.add_argument("--url", default="", help="where the story was published")
    parser.add_argument("--outlet", default="", help="publication name")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD")
    parser.add_argument("--again", action="store_true", help="import even if the same text is already a story")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=run, creates_database=True)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    published = parse_date(args.published)
    article = read_article(args.article, workspace.config.limits)
    warn_about(article)
    story, claims = import_story(
        workspace.repo,
        article,
        actor=workspace.actor,
        title=args.title,
        outlet=args.outlet,
        url=args.url,
        published=published,
        again=args.again,
        limits=workspace.config.limits,
    )
    checkworthy = sum(claim.checkworthy for claim in claims)
    if args.json:
        print_json({"story_id": story.id, "title": story.title, "claims": len(claims), "checkworthy": checkworthy})
    else:
        print(f"{story.id}\t{len(claims)} claims ({checkworthy} check-worthy)\t{story.title}")
    return 0
