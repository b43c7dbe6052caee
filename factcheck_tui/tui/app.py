"""The review app: stories, then a story's claims, then one claim's verdict, conclusion and evidence."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from factcheck_tui.core.errors import ConfigError, FactcheckError
from factcheck_tui.core.export import write_export
from factcheck_tui.core.importing import import_story, parse_date
from factcheck_tui.core.ingest import parse_article, read_article
from factcheck_tui.core.models import Story
from factcheck_tui.core.storage import Repository
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.actions import ActionEntry, screen_actions
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.export_dialog import ExportRequest
from factcheck_tui.tui.screens.help import HelpScreen
from factcheck_tui.tui.screens.import_dialog import ImportRequest
from factcheck_tui.tui.screens.stories import StoriesScreen
from factcheck_tui.tui.undo import UndoStep

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


class FactcheckApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    BINDINGS = [
        Binding("q", "quit", "Quit", show=False, id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+t", "toggle_theme", "Light/dark theme", show=False, id="app.theme"),
    ]

    activity: reactive[str] = reactive("")

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.sub_title = f"{workspace.db_path.name} · {workspace.actor}"
        self.undo_stack: list[UndoStep] = []

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

    # -- help, palette, theme, quit ----------------------------------------------------------

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.push_screen(HelpScreen(screen.__class__.__name__.removesuffix("Screen"), screen_actions(screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for entry in screen_actions(screen):
            yield SystemCommand(entry.description, f"key: {entry.keys}", partial(self._run_entry, entry))

    def _run_entry(self, entry: ActionEntry) -> None:
        self.call_later(entry.node.run_action, entry.action)

    def action_toggle_theme(self) -> None:
        self.theme = DARK_THEME if self.theme == LIGHT_THEME else LIGHT_THEME

    async def action_quit(self) -> None:
        unsaved = [screen for screen in self.screen_stack if getattr(screen, "has_unsaved_edits", lambda: False)()]
        if not unsaved:
            self.exit()
            return

        def answered(answer: str | None) -> None:
            if answer == "s" and all(screen.action_save_conclusion() for screen in unsaved):
                self.exit()
            elif answer == "q":
                self.exit()

        self.push_screen(
            ConfirmScreen(
                "A conclusion you typed is not saved yet.",
                {"s": "Save it and quit", "q": "Quit; keep it as a draft for next time"},
            ),
            answered,
        )

    # -- background work -------------------------------------------------------------------

    def start_import(self, request: ImportRequest) -> None:
        self.activity = f"Importing {request.path or 'pasted text'}…"
        self._import(request)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, request: ImportRequest) -> None:
        try:
            if request.path:
                article = read_article(request.path)
            else:
                article = parse_article(request.pasted.encode("utf-8"), "pasted text")
            story, claims = import_story(
                self.repo,
                article,
                actor=self.workspace.actor,
                title=request.title or None,
                outlet=request.outlet,
                url=request.url,
                published=parse_date(request.published, "Published"),
            )
        except FactcheckError as error:
            self.call_from_thread(self._finished, error)
            return
        self.call_from_thread(self._imported, story, len(claims))

    def _imported(self, story: Story, count: int) -> None:
        self._finished(None)
        self.notify(f"Imported {story.id}: {count} claims from “{story.title}”", timeout=4, markup=False)
        from factcheck_tui.tui.screens.claims import ClaimsScreen

        self.push_screen(ClaimsScreen(story.id))

    def start_export(self, request: ExportRequest) -> None:
        self.activity = f"Writing {request.path.name}…"
        self._export(request)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, request: ExportRequest) -> None:
        try:
            written = write_export(self.repo, self.workspace.config, request.options, request.path)
        except FactcheckError as error:
            self.call_from_thread(self._finished, error)
            return
        message = f"Wrote {request.path} ({written.claim_count} claims, {written.story_count} stories)"
        self.call_from_thread(self._finished, None, message)

    def _finished(self, error: FactcheckError | None, message: str = "") -> None:
        self.activity = ""
        if error is not None:
            self.report(error)
        elif message:
            self.notify(message, timeout=5, markup=False)


def create_app(workspace: Workspace) -> FactcheckApp:
    """The one way to build the app: ``factcheck`` and the tests both come through here."""
    workspace.repo  # open (and validate) the database before any screen is drawn
    app = FactcheckApp(workspace)
    if workspace.config.theme not in app.available_themes:
        raise ConfigError(
            f"{workspace.config_path}: theme: unknown theme {workspace.config.theme!r} "
            f"(try {DARK_THEME} or {LIGHT_THEME})"
        )
    return app


def run_app(workspace: Workspace) -> int:
    create_app(workspace).run()
    return 0
