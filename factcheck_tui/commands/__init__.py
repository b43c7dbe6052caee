"""One module per ``factcheck`` subcommand; each has ``register(subparsers, shared)``.

Modules are imported only when their command runs (``factcheck verdict`` never loads the export
or matching code): ``COMMANDS`` maps each command, in the order ``--help`` lists them, to its module.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

COMMANDS = {
    "init": "init",
    "import": "importing",
    "stories": "stories",
    "story": "story",
    "claims": "claims",
    "queue": "queue",
    "show": "show",
    "verdict": "verdict",
    "status": "status",
    "assign": "assign",
    "approve": "approve",
    "return": "send_back",
    "tag": "tag",
    "untag": "tag",
    "note": "note",
    "speaker": "speaker",
    "evidence": "evidence",
    "match": "match",
    "dupes": "dupes",
    "link": "link",
    "export": "export",
    "import-checks": "import_checks",
    "restore": "restore",
    "extract": "extract",
    "config": "config",
    "demo": "demo",
    "doctor": "doctor",
}


def command_module(name: str) -> ModuleType:
    return import_module(f"factcheck_tui.commands.{COMMANDS[name]}")


def command_modules(names: list[str] | None = None) -> list[ModuleType]:
    """The modules registering ``names`` (every command by default), each once, in listing order."""
    wanted = dict.fromkeys(COMMANDS[name] for name in (names or COMMANDS))
    return [import_module(f"factcheck_tui.commands.{module}") for module in wanted]
