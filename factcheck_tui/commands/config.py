"""factcheck config: print the effective configuration and where it comes from."""

from __future__ import annotations

import argparse

import tomli_w

from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("config", parents=[shared], help="print the effective config and its path")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    exists = "" if workspace.config_path.exists() else " (not present: defaults)"
    print(f"# config file: {workspace.config_path}{exists}")
    print(f"# database:    {workspace.db_path}")
    data = workspace.config.model_dump(mode="json", exclude_none=True)
    print(tomli_w.dumps(data), end="")
    return 0
