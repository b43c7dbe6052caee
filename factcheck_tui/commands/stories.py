"""factcheck stories [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import print_json
from factcheck_tui.core.text import one_line
from factcheck_tui.core.workflow.stories import news_order
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("stories", parents=[shared], help="list stories with their review progress")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    summaries = sorted(workspace.repo.list_stories(), key=news_order, reverse=True)
    if args.json:
        print_json([summary.model_dump(mode="json") for summary in summaries])
        return 0
    for summary in summaries:
        date = summary.published.isoformat() if summary.published else "          "
        progress = f"{summary.reviewed_count}/{summary.checkworthy_count}"
        print(f"{summary.id}  {date}  {progress:>7}  {one_line(summary.outlet, 16):16}  {one_line(summary.title, 60)}")
    return 0
