"""factcheck restore FILE.json: load a 'factcheck export --format json' file into the database"""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck_tui.core.interchange.restore import restore_export
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "restore",
        parents=[shared],
        help="load a JSON export back (ids, versions and history kept)",
        description="Load a file written by 'factcheck export --format json' into a database that does not hold its stories yet.",
    )
    parser.add_argument("file", help="the JSON export")
    parser.set_defaults(run=run, creates_database=True)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    result = restore_export(workspace.repo, Path(args.file), workspace.config.limits, workspace.scale)
    count = len(result.story_ids)
    print(f"restored {count} stor{'y' if count == 1 else 'ies'} ({result.claim_count} claims) into {workspace.db_path}")
    return 0
