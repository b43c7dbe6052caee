"""The ``factcheck`` command: the shell front end over the same core the TUI uses."""

from __future__ import annotations

import argparse
import os
import sys

# Our models use no pydantic plugins; looking for them reads every installed package's metadata
# when the first model is built, on every run of every command. The user's own setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from collections.abc import Sequence
from typing import NoReturn

from factcheck_tui import __version__
from factcheck_tui.commands import COMMANDS, command_modules
from factcheck_tui.commands.open_app import OpenApp
from factcheck_tui.commands.output import human_output, terminal_output
from factcheck_tui.core.crash import crash_line, write_crash_log
from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.workspace import Workspace


def _common_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database folder (default: $FACTCHECK_DB, then the config, then the user data dir)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=default,
        help="config file (default: $FACTCHECK_CONFIG or the user config dir)",
    )


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes are one line, like every other error; --help still shows the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv``, found without importing any command module."""
    values_follow = {"--db", "--config"}
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in values_follow:
            skip = True
        elif token == "--":
            return None
        elif not token.startswith("-"):
            return token if token in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with a known command in it only that command's module is imported;
    otherwise (``--help``, a typo, no command) every command is registered, for the full usage."""
    parser = OneLineParser(
        prog="factcheck",
        description="Keyboard-driven fact-checking for newsrooms. With no command, opens the review app.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck-tui {__version__}")
    _common_options(parser, default=None)
    shared = OneLineParser(add_help=False)
    # SUPPRESS keeps a value given before the command from being reset by the subcommand's default.
    _common_options(shared, default=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    command = chosen_command(argv) if argv is not None else None
    for module in command_modules([command] if command else None):
        module.register(subparsers, shared)
    return parser


def _report_migration(workspace: Workspace) -> None:
    """Say once, after the command, that opening the database migrated an old one."""
    repo = workspace.__dict__.get("repo")
    if repo is not None and repo.migration:
        print(f"factcheck: note: {repo.migration}", file=sys.stderr)


def _open_app(request: OpenApp) -> int:
    # Imported here: commands that never open the app start without loading Textual.
    from factcheck_tui.tui.app import run_app

    try:
        with terminal_output():
            return run_app(request.workspace, request.note)
    finally:
        if request.afterwards is not None:
            request.afterwards()


def main(argv: Sequence[str] | None = None) -> int:
    with human_output():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    workspace: Workspace | None = None
    try:
        workspace = Workspace.load(args.db, args.config)
        # Only commands that add data may create a database: a typo in --db must not silently
        # give an empty one to a command that reads.
        workspace.create = getattr(args, "creates_database", args.command is None)
        if args.command is None:
            return _open_app(OpenApp(workspace))
        outcome = args.run(args, workspace) or 0
        _report_migration(workspace)
        return _open_app(outcome) if isinstance(outcome, OpenApp) else outcome
    except FactcheckError as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (``head``, say) went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as error:
        # A bug: the traceback goes to a log in the data folder, the terminal gets one line.
        log = write_crash_log(workspace.db_path if workspace is not None else None, error)
        print(crash_line(log), file=sys.stderr)
        return 1
