"""One module per ``factcheck`` subcommand; each has ``register(subparsers, shared)``."""

from factcheck_tui.commands import (
    claims,
    config,
    demo,
    dupes,
    evidence,
    export,
    extract,
    import_checks,
    importing,
    link,
    match,
    restore,
    show,
    status,
    stories,
    verdict,
)

COMMANDS = (
    importing,
    stories,
    claims,
    show,
    verdict,
    status,
    evidence,
    match,
    dupes,
    link,
    export,
    import_checks,
    restore,
    extract,
    config,
    demo,
)
