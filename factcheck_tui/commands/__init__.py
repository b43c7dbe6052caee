"""One module per ``factcheck`` subcommand; each has ``register(subparsers, shared)``."""

from factcheck_tui.commands import (
    claims,
    config,
    demo,
    doctor,
    evidence,
    export,
    extract,
    importing,
    show,
    status,
    stories,
    verdict,
)

COMMANDS = (importing, stories, claims, show, verdict, status, evidence, export, extract, config, demo, doctor)
