"""One module per ``factcheck`` subcommand; each has ``register(subparsers, shared)``."""

from factcheck_tui.commands import (
    claims,
    config,
    demo,
    dupes,
    evidence,
    export,
    extract,
    importing,
    link,
    match,
    show,
    status,
    stories,
    verdict,
)

COMMANDS = (importing, stories, claims, show, verdict, status, evidence, match, dupes, link, export, extract, config, demo)
