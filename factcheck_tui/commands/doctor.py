"""factcheck doctor [--repair] [--json]"""

from __future__ import annotations

import argparse

from factcheck_tui.commands.output import print_json
from factcheck_tui.core.storage.doctor import check_database, repair_database
from factcheck_tui.core.workspace import Workspace

PROBLEMS_REMAIN = 1


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "doctor",
        parents=[shared],
        help="check the whole database; with --repair, fix it from backups and story files",
        description=(
            "Check that every database file parses and validates, that the story list and claim digests "
            "agree with the story files, and that no interrupted save is pending. Exits 0 when healthy."
        ),
    )
    parser.add_argument(
        "--repair",
        action="store_true",
        help="restore damaged files from their newest good backup, rebuild summaries, remove stale temporary files",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    # The database is not opened through the workspace: a damaged factcheck.json must not stop the doctor.
    report = repair_database(workspace.db_path) if args.repair else check_database(workspace.db_path)
    if args.json:
        print_json(report.as_json())
    else:
        print(report.render())
    return 0 if report.healthy else PROBLEMS_REMAIN
