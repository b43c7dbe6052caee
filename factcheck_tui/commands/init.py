"""factcheck init [PATH] [--group NAME]: create a database, private or shared with a Unix group."""

from __future__ import annotations

import argparse
from pathlib import Path

from factcheck_tui.core.storage.schema import init_database
from factcheck_tui.core.workspace import Workspace

SOME_FILES_NOT_FIXED = 1


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "init",
        parents=[shared],
        help="create a database (with --group, a newsroom database shared by one Unix group)",
        description=(
            "Create an empty database at PATH (default: --db, $FACTCHECK_DB, the config, the user data dir). "
            "It is private to you (folders 0700, files 0600) unless a group is named: then its folders are "
            "setgid 2770 and its files 0660, owned by that group, and every later save keeps them so. "
            "With --group, an existing database is handed to the group."
        ),
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="the database folder (new, or empty)")
    parser.add_argument(
        "--group",
        metavar="NAME",
        help="the Unix group that shares the database (default: 'group' in the config; none: private)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    root = Path(args.path).expanduser() if args.path else workspace.db_path
    result = init_database(root, args.group or workspace.config.group or None)
    for line in result.fixed:
        print(f"changed: {line}")
    for problem in result.failed:
        print(f"problem: {problem.path}: {problem.problem}")
    what = "created a database" if result.created else "a database already"
    print(f"{root}: {what}, {result.access.describe()}")
    if result.created and result.access.gid is not None:
        print(f"each reviewer adds to their shell profile: export FACTCHECK_DB={root}")
    return SOME_FILES_NOT_FIXED if result.failed else 0
