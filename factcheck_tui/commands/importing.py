"""factcheck import ARTICLE|URL|FEED [--title T] [--url U] [--outlet O] [--byline B] [--published YYYY-MM-DD]
[--since YYYY-MM-DD] [--limit N]"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from factcheck_tui.commands.output import print_json, warn_about
from factcheck_tui.commands.progress import ProgressBar
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.articles import several_articles
from factcheck_tui.core.intake.feeds import FeedEntry
from factcheck_tui.core.intake.near_copies import nearly_the_same
from factcheck_tui.core.intake.story_import import import_story, parse_date
from factcheck_tui.core.intake.web_import import import_feed, open_source
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.workspace import Workspace

_ONE_ARTICLE_OPTIONS = ("title", "url", "published")


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("import", parents=[shared], help="import a story and extract its claims")
    parser.add_argument(
        "article",
        help="article file (plain text, Markdown or HTML), a link to a web page, an RSS or Atom feed "
        "(a file or a link), or - for standard input",
    )
    parser.add_argument("--title", help="headline (default: the page's headline, or the article's first line)")
    parser.add_argument("--url", default="", help="where the story was published (default: the page's own link)")
    parser.add_argument("--outlet", default="", help="publication name (default: the site name the page gives)")
    parser.add_argument("--byline", default="", help="the article's authors (default: the byline the page gives)")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD (default: the date the page gives)")
    parser.add_argument("--again", action="store_true", help="import even if the same text is already a story")
    parser.add_argument("--since", help="feeds: only articles published on or after this date, YYYY-MM-DD")
    parser.add_argument("--limit", type=_positive, help="feeds: import at most N new articles")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=run, creates_database=True)


def _positive(raw: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise argparse.ArgumentTypeError(f"--limit: {raw!r} is not a whole number of articles (1 or more)")
    return int(raw)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    published = parse_date(args.published)
    since_day = parse_date(args.since, "--since")
    limits = workspace.config.limits
    source = open_source(args.article, limits)
    if source.entries is not None:
        return _run_feed(args, workspace, source.label, source.entries, since_day)
    if args.since or args.limit:
        raise InputError(f"{source.label}: --since and --limit are for feeds, and this is one article")
    assert source.article is not None
    story, claims = import_story(
        workspace.repo,
        source.article,
        actor=workspace.actor,
        title=args.title,
        outlet=args.outlet,
        url=args.url,
        published=published,
        byline=args.byline,
        again=args.again,
        limits=limits,
    )
    # Warnings only once the story is in: a refused import is one line, the error.
    warn_about(source.article)
    if not args.again and (repeated := nearly_the_same(workspace.repo, story)):
        print(f"factcheck: warning: {repeated}", file=sys.stderr)
    if several := several_articles(source.article.text):
        # The app asks first; here it is said, and what was asked for is done.
        print(f"factcheck: warning: {source.label}: {several}; imported as one story", file=sys.stderr)
    if args.json:
        print_json(_story_record(story, claims))
    else:
        print(_story_line(story, claims))
    return 0


def _story_record(story: Story, claims: list[Claim]) -> dict[str, object]:
    checkworthy = sum(claim.checkworthy for claim in claims)
    return {"story_id": story.id, "title": story.title, "claims": len(claims), "checkworthy": checkworthy}


def _story_line(story: Story, claims: list[Claim]) -> str:
    checkworthy = sum(claim.checkworthy for claim in claims)
    return f"{story.id}\t{len(claims)} claims ({checkworthy} check-worthy)\t{story.title}"


def _run_feed(
    args: argparse.Namespace, workspace: Workspace, label: str, entries: list[FeedEntry], since_day: date | None
) -> int:
    given = [f"--{name}" for name in _ONE_ARTICLE_OPTIONS if getattr(args, name)]
    if given:
        raise InputError(
            f"{label}: {' and '.join(given)} {'are' if len(given) > 1 else 'is'} for one article, and this is a feed"
        )
    bar = ProgressBar()
    try:
        report = import_feed(
            workspace.repo,
            entries,
            actor=workspace.actor,
            outlet=args.outlet,
            since_day=since_day,
            limit=args.limit,
            progress=bar,
            limits=workspace.config.limits,
        )
    finally:
        bar.close()
    if args.json:
        print_json(
            {
                "feed": label,
                "imported": [{**_story_record(story, claims), "url": story.url} for story, claims in report.imported],
                "already_imported": report.already_imported,
                "older": report.older,
                "not_tried": report.not_tried,
                "failed": [{"url": url, "error": reason} for url, reason in report.failed],
            }
        )
    else:
        for story, claims in report.imported:
            print(_story_line(story, claims))
        for url, reason in report.failed:
            print(f"factcheck: error: {url}: {reason}", file=sys.stderr)
        print(f"{label}: {report.summary()}", file=sys.stderr)
    return 1 if report.failed else 0
