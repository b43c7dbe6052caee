"""A command's request that the entry point open the review app once the command is done.

Commands never import the TUI (an import contract keeps the two front ends apart); a command that
ends in the app, like ``demo``, returns this and ``factcheck_tui.cli`` opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck_tui.core.workspace import Workspace


@dataclass(frozen=True)
class OpenApp:
    workspace: Workspace
    note: str = ""
    # Runs once the app has closed, however it closed (the demo deletes its throwaway copy).
    afterwards: Callable[[], None] | None = None
