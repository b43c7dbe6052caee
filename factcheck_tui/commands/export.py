"""factcheck export [--story ID ...] --format md [-o FILE]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export import FORMATS, build_report, render
from factcheck_tui.core.storage.files import atomic_write
from factcheck_tui.core.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, shared: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("export", parents=[shared], help="write a verdict report")
    parser.add_argument("--story", action="append", default=[], metavar="ID", help="story to include (repeatable; default: all)")
    parser.add_argument("--format", default="md", choices=sorted(FORMATS), help="report format (default: md)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    parser.add_argument("--all-claims", action="store_true", help="include claims that have no verdict yet")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    report = build_report(workspace.repo, workspace.scale, args.story, include_unreviewed=args.all_claims)
    text = render(report, args.format)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if not target.parent.exists():
        raise InputError(f"{target}: folder {target.parent} does not exist")
    atomic_write(target, text.encode("utf-8"))
    print(f"wrote {target} ({report.claim_count} claims from {len(report.stories)} stories)")
    return 0
