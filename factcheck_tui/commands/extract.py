"""factcheck extract PATH|URL|- --json  (touches no database)"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from factcheck_tui.commands.output import print_json, warn_about
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.web_import import open_source
from factcheck_tui.core.text import one_line
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "extract", parents=[shared], help="split an article and rank its claims, without storing it"
    )
    parser.add_argument("article", help="article file, a link to a web page, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print {body, sentences, claims} as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    source = open_source(args.article, workspace.config.limits)
    article = source.article
    if article is None:
        raise InputError(f"{source.label}: is a feed; extract takes one article (import the feed instead)")
    warn_about(article)
    result = extract(normalise_body(article.text))
    if args.json:
        print_json(
            {
                "body": result.body,
                "sentences": [asdict(sentence) for sentence in result.sentences],
                "claims": [asdict(claim) for claim in result.claims],
            }
        )
        return 0
    for claim in sorted(result.claims, key=lambda c: -c.score):
        flag = "*" if claim.checkworthy else " "
        print(f"{flag} {claim.score:4.2f}  {one_line(claim.text, 80)}")
        if claim.reasons:
            print(f"        {'; '.join(claim.reasons)}")
    return 0
