"""factcheck demo: open the app on a throwaway copy of the bundled sample newsroom."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from functools import partial
from pathlib import Path

from factcheck_tui.commands.open_app import OpenApp
from factcheck_tui.core.intake.demo import build_sample_newsroom, sample_data_dir
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[shared], help="try the app on the sample newsroom (a throwaway copy)"
    )
    parser.add_argument("--data", metavar="DIR", help="sample folder with newsroom.toml (default: the bundled data/)")
    parser.add_argument(
        "--keep", metavar="DIR", help="build the demo database here and keep it, instead of a temporary folder"
    )
    parser.add_argument("--no-open", action="store_true", help="only build the database and print its path")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int | OpenApp:
    data_dir = Path(args.data) if args.data else sample_data_dir()
    target = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factcheck-demo-")) / "newsroom"
    throwaway = not args.keep and not args.no_open
    try:
        build_sample_newsroom(data_dir, target, actor=workspace.actor)
    except BaseException:
        if throwaway:
            shutil.rmtree(target.parent, ignore_errors=True)
        raise
    if args.no_open:
        print(target)
        return 0
    note = f"demo · {workspace.actor} · " + (
        "kept in " + str(target) if args.keep else "a throwaway copy, deleted on quit"
    )
    return OpenApp(
        Workspace(workspace.config, workspace.config_path, target),
        note,
        afterwards=partial(shutil.rmtree, target.parent, ignore_errors=True) if throwaway else None,
    )
