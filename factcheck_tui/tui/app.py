"""The review app: stories, then a story's claims, then one claim's verdict, conclusion and evidence."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.storage import Repository
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.screens.stories import StoriesScreen


class FactcheckApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.sub_title = str(workspace.db_path)
        self.undo_stack: list[tuple[str, int]] = []

    @property
    def repo(self) -> Repository:
        return self.workspace.repo

    def on_mount(self) -> None:
        self.theme = self.workspace.config.theme
        if self.workspace.config.keys:
            self.set_keymap(self.workspace.config.keys)
        self.push_screen(StoriesScreen())

    def report(self, error: FactcheckError) -> None:
        """Show a core error as one line; the app keeps running."""
        self.notify(str(error), severity="error", timeout=8, markup=False)


def create_app(workspace: Workspace) -> FactcheckApp:
    """The one way to build the app: ``factcheck`` and the tests both come through here."""
    workspace.repo  # open (and validate) the database before any screen is drawn
    return FactcheckApp(workspace)


def run_app(workspace: Workspace) -> int:
    create_app(workspace).run()
    return 0
