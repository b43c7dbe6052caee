"""One module per ``factcheck`` subcommand; each has ``register(subparsers, shared)``."""

from factcheck_tui.commands import (
    claims,
    config,
    demo,
    doctor,
    evidence,
    export,
    extract,
    import_checks,
    importing,
    restore,
    show,
    status,
    stories,
    verdict,
)

COMMANDS = (importing, stories, claims, show, verdict, status, evidence, export, import_checks, restore, extract, config, demo, doctor)
