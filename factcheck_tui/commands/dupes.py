"""factcheck dupes [--story ID] [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import print_json
from factcheck_tui.commands.progress import ProgressBar
from factcheck_tui.core.ids import parse_story_id
from factcheck_tui.core.matching.results import Cluster
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.text import one_line
from factcheck_tui.core.workspace import Workspace

WIDTH = 80


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "dupes", parents=[shared], help="list claims that recur across stories (duplicate clusters)"
    )
    parser.add_argument("--story", help="only clusters that include a claim of this story")
    parser.add_argument("--json", action="store_true", help="print a JSON array of clusters")
    parser.set_defaults(run=run)


def cluster_record(cluster: Cluster) -> dict:
    return {
        "score": round(cluster.score, 4),
        "stories": cluster.story_ids,
        "verdicts": cluster.verdicts,
        "claims": [member.model_dump(mode="json") for member in cluster.members],
    }


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    story_id = None
    if args.story:
        story_id = parse_story_id(args.story)
        workspace.repo.get_story(story_id)  # a clear error for a story that does not exist
    index = MatchIndex.open(workspace.repo, workspace.config.matching)
    bar = ProgressBar()
    try:
        found = index.clusters(story_id, progress=lambda done, total: bar("claims", done, total))
    finally:
        bar.close()
    if args.json:
        print_json([cluster_record(cluster) for cluster in found])
        return 0
    if not found:
        print("no claim recurs across stories" + (f" with story {story_id}" if story_id else ""))
    for number, cluster in enumerate(found, start=1):
        verdicts = ", ".join(cluster.verdicts) or "no verdict yet"
        print(
            one_line(
                f"{number}. {len(cluster.story_ids)} stories · least similar pair {cluster.score:.2f} · {verdicts}",
                WIDTH,
            )
        )
        for member in cluster.members:
            when = member.published.isoformat() if member.published else "-"
            source = "archive" if member.archive else one_line(member.story_title, 30)
            print(f"   {member.claim_id:<10} {one_line(member.verdict or '-', 14):<14} {when:<10} {source}".rstrip())
            print(f"      {one_line(member.text, WIDTH - 6)}")
    return 0
