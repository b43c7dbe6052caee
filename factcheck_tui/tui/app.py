"""The review app: stories, then a story's claims, then one claim's verdict, conclusion and evidence."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import asdict, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.worker import get_current_worker

from factcheck_tui.core.crash import crash_line, write_crash_log
from factcheck_tui.core.errors import (
    AlreadyImportedError,
    ConfigError,
    FactcheckError,
    InputError,
    LockBusyError,
    StaleWriteError,
)
from factcheck_tui.core.export import write_export
from factcheck_tui.core.export.wording import plural
from factcheck_tui.core.intake.fetch import FetchCancelled
from factcheck_tui.core.intake.near_copies import nearly_the_same
from factcheck_tui.core.intake.story_import import import_story, parse_date
from factcheck_tui.core.intake.web_import import FeedReport, Source, import_feed, is_link, open_source, pasted_source
from factcheck_tui.core.matching.cancel import MatchingCancelled
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim, ClaimDigest, Story
from factcheck_tui.core.storage.preferences import ExportChoice
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow.claim_order import ClaimOrder
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.actions import ActionEntry, screen_actions
from factcheck_tui.tui.keymap import check_keymap
from factcheck_tui.tui.literal import markup_escaped
from factcheck_tui.tui.messages import CatalogChanged, MatchesChanged, StoryChanged
from factcheck_tui.tui.screens.base import HoldsUnsavedText, ShowsStory
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.copy_dialog import CopyDialog
from factcheck_tui.tui.screens.export_dialog import ExportDialog, ExportRequest
from factcheck_tui.tui.screens.help import HelpScreen
from factcheck_tui.tui.screens.import_dialog import ImportDialog, ImportRequest
from factcheck_tui.tui.screens.stories import StoriesScreen
from factcheck_tui.tui.type_ahead import TypeAheadApp
from factcheck_tui.tui.undo import UndoStep

LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"
# How often the one watcher looks for saves made on disk (here or by other reviewers' processes).
WATCH_SECONDS = 2.0
# How long a save waits (in a worker) for another reviewer's save to finish, before it gives up.
SAVE_WAIT_SECONDS = 2.0
BUSY = "another reviewer is saving — press again"
# What a reviewer can do once another reviewer's change came first: the screen shows it by then.
# Where an unfinished import waits in the reviewer's drafts (no claim id looks like "import").
IMPORT_DRAFT = ("import", "story")
STALE_NEXT = "their change is on screen now: make yours again if it still applies"
T = TypeVar("T")


class FactcheckApp(TypeAheadApp):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    BINDINGS = [
        Binding("q", "quit", "Quit", show=False, id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+t", "toggle_theme", "Light/dark theme", show=False, id="app.theme"),
        # Priority, so that it reaches the app from any screen, but only while a page or feed is
        # being fetched (check_action): the rest of the time escape keeps its meaning everywhere.
        Binding("escape", "cancel_import", "Cancel the import", show=False, priority=True, id="app.cancel_import"),
        Binding("w", "my_queue", "My queue", show=False, id="app.queue"),
    ]

    activity: reactive[str] = reactive("")

    def __init__(self, workspace: Workspace, note: str = "") -> None:
        super().__init__()
        self.workspace = workspace
        self.sub_title = shown(note or f"{workspace.db_path.name} · {workspace.actor}")
        self.undo_stack: list[UndoStep] = []
        # None until the worker has built or loaded it; screens show duplicates once it is here.
        self.match_index: MatchIndex | None = None
        # Set once the index is loaded with its sentence vectors (or failed to load): tests and
        # scripts can wait for it. Matching by words alone starts earlier, at ``match_index``.
        self.index_loaded = asyncio.Event()
        self._index_started = False
        self._tasks: dict[str, str] = {}
        # A page or feed is being fetched: escape cancels it (see check_action).
        self._fetching = False
        # The story whose claims were on screen last: the stories list puts its cursor there on return.
        self.last_story_id: str | None = None
        # How claims lists are ordered (o): kept for the session, so each story opens in the order
        # the reviewer chose to work in.
        self.claim_order = ClaimOrder.STORY
        # A save is waiting in a worker for another reviewer's lock (see ``run_save``).
        self._save_waiting = False
        # Where the traceback of an unexpected error was written, once one happened.
        self.crash_log: Path | None = None
        # What the watcher saw last: the stories list's files, and the file of each story on screen.
        self._seen_catalog: tuple[object, ...] | None = None
        self._seen_stories: dict[str, object] = {}
        # Claims saved here and not yet folded into the duplicate index, and whether a worker is at it.
        self._to_index: dict[str, Claim] = {}
        self._indexing = False

    @property
    def repo(self) -> Repository:
        return self.workspace.repo

    def get_driver_class(self) -> type[Driver]:
        # Pasted story text must arrive whole, never as keys (tui/paste.py says why Textual's
        # own driver does not manage that).
        driver_class = super().get_driver_class()
        if sys.platform == "win32":
            return driver_class
        # Imported here: the Linux driver needs termios, which Windows does not have.
        from textual.drivers.linux_driver import LinuxDriver

        from factcheck_tui.tui.paste import PasteSafeDriver

        return PasteSafeDriver if driver_class is LinuxDriver else driver_class

    def on_mount(self) -> None:
        # A save on the event loop never waits for another reviewer's lock: ``run_save`` waits
        # in a worker instead, so the screen never freezes.
        self.repo.set_lock_wait(0.0)
        self.theme = self.workspace.config.theme
        if self.workspace.config.keys:
            self.set_keymap(self.workspace.config.keys)
        self.push_screen(StoriesScreen())
        self.set_interval(WATCH_SECONDS, self.check_for_changes)
        if self.repo.migration:
            self.notify(self.repo.migration, title="Database migrated", timeout=10)

    def start_index(self) -> None:
        """Load or build the duplicate index, once, after the first screen is drawn.

        Started later than mount on purpose: building holds the interpreter's lock in bursts,
        and the reviewer should see their stories before that work begins.
        """
        if self._index_started:
            return
        self._index_started = True
        self.begin_task("index", "Loading the duplicate index…")
        self._open_index()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification, from any screen, is literal text: they quote titles, names and paths.

        ``markup`` is accepted (``Widget.notify`` always passes it) and ignored on purpose.
        """
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error (a bug): keep what the reviewer typed, write the traceback to a log in
        the data folder, and leave with exit status 1. ``run_app`` then prints one line saying where
        the log is, instead of Textual's traceback, whose local variables would put story text on
        the terminal."""
        for screen in self.screen_stack:
            if isinstance(screen, HoldsUnsavedText):
                with suppress(Exception):
                    screen.keep_draft()
        # The first error is the one to read (a failing screen may fail again on its way out).
        if self.crash_log is None:
            with suppress(OSError):
                self.crash_log = write_crash_log(self.workspace.db_path, error)
        super()._handle_exception(error)
        if self.crash_log is not None:
            self._exit_renderables.clear()

    def report(self, error: FactcheckError, *, stale_next: str | None = None) -> None:
        """Show a core error as one line; the app keeps running.

        Another reviewer's save came first: the screen has reloaded by then, so the line says what
        to do here (``stale_next``), not the command line's "reload it".
        """
        if isinstance(error, LockBusyError):
            self.notify(BUSY, severity="warning", timeout=5)
            return
        if isinstance(error, StaleWriteError):
            self.notify(f"{error.what_changed}; {stale_next or STALE_NEXT}", severity="warning", timeout=8)
            return
        self.notify(str(error), severity="error", timeout=8)

    def run_save(
        self, save: Callable[[], T], done: Callable[[T], object], refused: Callable[[FactcheckError], object]
    ) -> None:
        """Run a save, then ``done`` with what it returned, or ``refused`` with the error.

        The event loop never waits for another reviewer's lock (see ``on_mount``): when the lock
        is taken, the save is tried again in a worker that waits for it at most SAVE_WAIT_SECONDS,
        while typing and scrolling go on; after that, ``refused`` gets a ``LockBusyError``
        ("press again") and the reviewer's edit stays where it is.
        """
        if self._save_waiting:
            # One save waits at a time: saves keep their order, and a second press while the
            # first still waits gets the same answer it will.
            refused(LockBusyError(BUSY))
            return
        try:
            result = save()
        except LockBusyError:
            self._save_waiting = True
            self.run_worker(partial(self._save_when_free, save, done, refused), thread=True, group="saves")
            return
        except FactcheckError as error:
            refused(error)
            return
        done(result)

    def _save_when_free(
        self, save: Callable[[], T], done: Callable[[T], object], refused: Callable[[FactcheckError], object]
    ) -> None:
        self.repo.set_lock_wait(SAVE_WAIT_SECONDS)
        try:
            result = save()
        except FactcheckError as error:
            self.call_from_thread(self._save_finished, partial(refused, error))
            return
        self.call_from_thread(self._save_finished, partial(done, result))

    def _save_finished(self, then: Callable[[], object]) -> None:
        self._save_waiting = False
        then()

    # -- help, palette, theme, quit ----------------------------------------------------------

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.push_screen(HelpScreen(screen.__class__.__name__.removesuffix("Screen"), screen_actions(screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for entry in screen_actions(screen):
            yield SystemCommand(
                markup_escaped(entry.description), markup_escaped(f"key: {entry.keys}"), partial(self._run_entry, entry)
            )
        from factcheck_tui.tui.screens.claims import ClaimsScreen

        if isinstance(screen, ClaimsScreen):
            # The config's saved filters, for the claims list on screen.
            for name, choice in screen.saved_filters().items():
                yield SystemCommand(
                    markup_escaped(f"Filter: {name}"),
                    markup_escaped(f"saved filter: {choice.describe()}"),
                    partial(screen.apply_filter, choice),
                )

    def _run_entry(self, entry: ActionEntry) -> None:
        self.call_later(self.run_action, entry.action, entry.node)

    def action_my_queue(self) -> None:
        from factcheck_tui.tui.screens.queue import QueueScreen

        if not isinstance(self.screen, QueueScreen):
            self.push_screen(QueueScreen(self.workspace.actor))

    def action_toggle_theme(self) -> None:
        self.theme = DARK_THEME if self.theme == LIGHT_THEME else LIGHT_THEME

    async def action_quit(self) -> None:
        unsaved: list[HoldsUnsavedText] = [
            screen
            for screen in self.screen_stack
            if isinstance(screen, HoldsUnsavedText) and screen.has_unsaved_edits()
        ]
        if not unsaved:
            self.exit()
            return
        theirs = sorted({name for screen in unsaved if (name := screen.clashes_with())})
        if theirs:
            self._quit_over_a_clash(unsaved, " and ".join(theirs))
            return

        def answered(answer: str | None) -> None:
            # A clash found meanwhile (the watcher saw another reviewer's save) stops the quit.
            if answer == "q":
                self._exit_keeping_drafts(unsaved)
            elif answer == "s" and all(screen.save_unless_theirs() for screen in unsaved):
                self.exit()

        self.push_screen(
            ConfirmScreen(
                "A conclusion you typed is not saved yet.",
                {"s": "Save it and quit", "q": "Quit; keep it as a draft for next time"},
            ),
            answered,
        )

    def _exit_keeping_drafts(self, unsaved: list[HoldsUnsavedText]) -> None:
        # Typing may not have paused long enough for the last draft to be written.
        for screen in unsaved:
            screen.keep_draft()
        self.exit()

    def _quit_over_a_clash(self, unsaved: list[HoldsUnsavedText], theirs: str) -> None:
        """Saving would replace another reviewer's conclusion: that is never what quitting does by
        default, only an explicit choice naming them (as ctrl+s is on the claim)."""

        def answered(answer: str | None) -> None:
            if answer == "q":
                self._exit_keeping_drafts(unsaved)
            elif answer == "r" and all(screen.save_conclusion() for screen in unsaved):
                self.exit()

        self.push_screen(
            ConfirmScreen(
                f"Your conclusion is not saved: {theirs} saved another since you began. Saving yours would "
                f"replace {theirs}'s conclusion.",
                {"q": "Quit; keep yours as a draft for next time", "r": f"Replace {theirs}'s conclusion, then quit"},
                default="q",
            ),
            answered,
        )

    # -- background work -------------------------------------------------------------------

    def begin_task(self, key: str, text: str) -> None:
        self._tasks[key] = text
        self.activity = " · ".join(self._tasks.values())

    def end_task(self, key: str) -> None:
        self._tasks.pop(key, None)
        self.activity = " · ".join(self._tasks.values())
        if key == "import" and self._fetching:
            self._set_fetching(False)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _open_index(self) -> None:
        worker = get_current_worker()

        def cancel() -> bool:
            return worker.is_cancelled

        try:
            # Matching by words is ready first; the sentence vectors follow, and refine the marks.
            index = MatchIndex.open(self.repo, self.workspace.config.matching, cancel=cancel, save=False, vectors=False)
        except MatchingCancelled:
            return
        except FactcheckError as error:
            self.call_from_thread(self._finished, "index", error)
            self.call_from_thread(self.index_loaded.set)
            return
        self.call_from_thread(self._index_ready, index)
        self.call_from_thread(self.begin_task, "vectors", "Reading claim meanings…")

        def progress(done: int, total: int) -> None:
            self.call_from_thread(self.begin_task, "vectors", f"Reading claim meanings {done:,}/{total:,}…")

        try:
            index.embed(progress=progress, cancel=cancel)
        except MatchingCancelled:
            return
        self.call_from_thread(self._vectors_ready)
        # The cache and vectors for the next start are written once this index is already in use.
        index.save()

    def _index_ready(self, index: MatchIndex) -> None:
        self.match_index = index
        self.end_task("index")
        self.announce_matches()

    def _vectors_ready(self) -> None:
        self.end_task("vectors")
        self.index_loaded.set()
        self.announce_matches()

    def announce_matches(self, claim_ids: frozenset[str] | None = None) -> None:
        """Tell every open screen that duplicate matches may have changed (only ``claim_ids``' if given)."""
        self._tell_screens(partial(MatchesChanged, claim_ids))

    def _tell_screens(self, message: Callable[[], Message]) -> None:
        for screen in self.screen_stack:
            screen.post_message(message())

    def check_for_changes(self) -> None:
        """The one watcher: what changed on disk since it last looked goes to the screens as messages.

        Each screen reacts to the stories it shows, and compares with what it last read itself, so
        its own saves cost nothing. Other processes' saves also reach the duplicate index here.
        """
        catalog = self.repo.catalog_signature()
        if catalog != self._seen_catalog:
            self._seen_catalog = catalog
            self._tell_screens(CatalogChanged)
        shown = {shown for screen in self.screen_stack if isinstance(screen, ShowsStory) and (shown := screen.story_id)}
        seen, self._seen_stories = self._seen_stories, {}
        for story_id in sorted(shown):
            signature = self._seen_stories[story_id] = self.repo.story_signature(story_id)
            if story_id not in seen or seen[story_id] != signature:
                self._tell_screens(partial(StoryChanged, story_id))
        if self.match_index is not None and self.match_index.is_stale():
            self._refresh_index()

    @work(thread=True, exclusive=True, group="index-refresh", exit_on_error=False)
    def _refresh_index(self) -> None:
        index = self.match_index
        worker = get_current_worker()
        try:
            changed = index.refresh(cancel=lambda: worker.is_cancelled) if index else 0
        except (MatchingCancelled, FactcheckError):
            return
        if changed:
            self.call_from_thread(self.announce_matches)

    def claims_saved(self, claims: Iterable[Claim]) -> None:
        """Keep the duplicate index current after this reviewer's own saves (other processes' come through the watcher).

        Folded in by a worker, never here: the index is locked while a whole story is matched
        (a minute for 5,000 claims on a busy host), and the save must not wait for that.
        """
        if self.match_index is None:
            return
        # The newest copy of each claim wins; one worker at a time, so copies go in in order.
        self._to_index.update((claim.id, claim) for claim in claims)
        if not self._indexing:
            self._fold_in_saves()

    def _fold_in_saves(self) -> None:
        batch, self._to_index = list(self._to_index.values()), {}
        self._indexing = bool(batch)
        if batch:
            self._index_saves(batch)

    @work(thread=True, group="index-saves", exit_on_error=False)
    def _index_saves(self, claims: list[Claim]) -> None:
        index = self.match_index
        try:
            stories: dict[str, Story] = {}
            for claim in claims:
                if claim.story_id not in stories:
                    stories[claim.story_id] = self.repo.get_story(claim.story_id)
                if index is not None:
                    index.update(ClaimDigest.of(stories[claim.story_id], claim))
        except FactcheckError:
            # The story went meanwhile (deleted); the watcher's refresh brings the index in line.
            pass
        self.call_from_thread(self._saves_indexed, frozenset(claim.id for claim in claims))

    def _saves_indexed(self, claim_ids: frozenset[str]) -> None:
        self.announce_matches(claim_ids)
        self._fold_in_saves()

    def forget_story(self, story_id: str) -> None:
        """A story was deleted: its claims leave the duplicate index."""
        if self.match_index is None:
            return
        for claim_id in self.match_index.claim_ids(story_id):
            self.match_index.remove(claim_id)
        self.announce_matches()

    def on_unmount(self) -> None:
        # Matching in flight stops first: it holds the index, and quitting must not wait for it.
        self.workers.cancel_all()
        # The next start loads the index from this cache instead of rebuilding it.
        if self.match_index is not None:
            self.match_index.save()

    def action_import(self, typed: ImportRequest | None = None, problem: str = "") -> None:
        def chosen(request: ImportRequest | None) -> None:
            if request is not None:
                self._keep_import_draft(None)
                self.start_import(request)

        if typed is None and (typed := self._import_draft()) is not None:
            self.notify("Restored your unfinished import: ctrl+s imports it, escape keeps it for later")
        self.push_screen(ImportDialog(typed, problem, keep=self._keep_import_draft), chosen)

    def _import_draft(self) -> ImportRequest | None:
        draft = self.repo.drafts(self.workspace.actor).get(*IMPORT_DRAFT)
        if draft is None:
            return None
        try:
            return ImportRequest(**json.loads(draft.text))
        except (ValueError, TypeError):
            return None

    def _keep_import_draft(self, typed: ImportRequest | None) -> None:
        """Keep a pasted article and its details when the dialog is left (cleared once imported)."""
        drafts = self.repo.drafts(self.workspace.actor)
        try:
            if typed is None or typed.is_blank():
                drafts.clear(*IMPORT_DRAFT)
            else:
                drafts.save(*IMPORT_DRAFT, json.dumps(asdict(typed)), base_version=0)
        except FactcheckError as error:
            self.report(error)

    def action_export(self) -> None:
        """Export the story on screen (or all stories from the stories list)."""

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.start_export(request)

        story_id = self.screen.story_id if isinstance(self.screen, ShowsStory) else None
        remembered = self.repo.preferences(self.workspace.actor).export_choice()
        self.push_screen(ExportDialog(story_id, self.workspace.config, self.repo, remembered), chosen)

    def start_import(self, request: ImportRequest) -> None:
        if is_link(request.path):
            self.begin_task("import", f"Fetching {request.path}… (escape cancels)")
            self._set_fetching(True)
        else:
            self.begin_task("import", f"Importing {request.path or 'pasted text'}…")
        self._import(request)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_import":
            return self._fetching and not isinstance(self.screen, ModalScreen)
        return super().check_action(action, parameters)

    def _set_fetching(self, fetching: bool) -> None:
        self._fetching = fetching
        self.refresh_bindings()

    def action_cancel_import(self) -> None:
        """Escape while a page or feed is being fetched stops it; the app goes on at once."""
        for worker in self.workers:
            if worker.group == "import" and worker.is_running:
                worker.cancel()
        self.end_task("import")
        self.notify("Import cancelled", timeout=3)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, request: ImportRequest) -> None:
        worker = get_current_worker()
        limits = self.workspace.config.limits
        try:
            if request.path:
                source = open_source(request.path, limits, cancel=lambda: worker.is_cancelled)
            else:
                source = pasted_source(request.pasted, limits)
            if worker.is_cancelled:
                return
            if source.entries is not None:
                self._import_feed(request, source)
                return
            assert source.article is not None
            story, claims = import_story(
                self.repo,
                source.article,
                actor=self.workspace.actor,
                title=request.title or None,
                outlet=request.outlet,
                url=request.url,
                published=parse_date(request.published, "Published"),
                again=request.again,
                limits=limits,
            )
            # Asked to keep a second copy, the reviewer knows which story it repeats.
            repeated = None if request.again else nearly_the_same(self.repo, story)
        except FetchCancelled:
            return
        except AlreadyImportedError as error:
            self.call_from_thread(self._already_imported, request, error)
            return
        except FactcheckError as error:
            if not worker.is_cancelled:
                self.call_from_thread(self._import_failed, request, error)
            return
        warnings = (*source.article.warnings, *([repeated] if repeated else []))
        self.call_from_thread(self._imported, story, claims, warnings)

    def _import_feed(self, request: ImportRequest, source: Source) -> None:
        """Each new article the feed links to, fetched one by one in this worker."""
        worker = get_current_worker()
        if request.title or request.url or request.published:
            raise InputError(f"{source.label}: a headline, link or date is for one article, and this is a feed")

        self.call_from_thread(self._set_fetching, True)

        def progress(_stage: str, done: int, total: int) -> None:
            if done < total and not worker.is_cancelled:
                text = f"Importing {source.label}: article {done + 1} of {total}… (escape cancels)"
                self.call_from_thread(self.begin_task, "import", text)

        report = import_feed(
            self.repo,
            source.entries or [],
            actor=self.workspace.actor,
            outlet=request.outlet,
            progress=progress,
            cancel=lambda: worker.is_cancelled,
            limits=self.workspace.config.limits,
        )
        self.call_from_thread(self._feed_imported, source.label, report)

    def _feed_imported(self, label: str, report: FeedReport) -> None:
        self.end_task("import")
        for _story, claims in report.imported:
            self.claims_saved(claims)
        for screen in self.screen_stack:
            if isinstance(screen, StoriesScreen):
                screen.refresh_stories()
        self.notify(f"{label}: {report.summary()}", timeout=6)
        for url, reason in report.failed:
            self.notify(f"{url}: {reason}", severity="warning", timeout=10)

    def _import_failed(self, request: ImportRequest, error: FactcheckError) -> None:
        """The dialog comes back with everything the reviewer typed and what went wrong."""
        self.end_task("import")
        self.action_import(request, str(error))

    def _already_imported(self, request: ImportRequest, error: AlreadyImportedError) -> None:
        self.end_task("import")
        from factcheck_tui.tui.screens.claims import ClaimsScreen

        def answered(answer: str | None) -> None:
            if answer == "o":
                self.push_screen(ClaimsScreen(error.story_id))
            elif answer == "a":
                self.start_import(replace(request, again=True))

        self.push_screen(
            ConfirmScreen(
                f"This article is already story {error.story_id}.",
                {"o": "Open that story", "a": "Import a second copy anyway"},
            ),
            answered,
        )

    def _imported(self, story: Story, claims: list[Claim], warnings: tuple[str, ...] = ()) -> None:
        self._finished("import", None)
        self.claims_saved(claims)
        self.notify(f"Imported {story.id}: {len(claims)} claims from “{story.title}”", timeout=4)
        for warning in warnings:
            self.notify(warning, severity="warning", timeout=10)
        from factcheck_tui.tui.screens.claims import ClaimsScreen

        self.push_screen(ClaimsScreen(story.id))

    def start_export(self, request: ExportRequest) -> None:
        self.begin_task("export", f"Writing {request.path.name}…")
        self._export(request)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, request: ExportRequest) -> None:
        try:
            written = write_export(self.repo, self.workspace.config, request.options, request.path)
        except FactcheckError as error:
            self.call_from_thread(self._finished, "export", error)
            return
        choice = ExportChoice(format=request.options.format, folder=str(request.path.parent))
        # The next export starts from this format and folder; failing to remember them costs one
        # click, so it never spoils an export that worked.
        with suppress(FactcheckError, OSError):
            self.repo.preferences(self.workspace.actor).remember_export(choice)
        replaced = ", replacing the file that was there" if written.replaced else ""
        message = f"{plural(written.claim_count, 'claim')}, {plural(written.story_count, 'story', 'stories')}{replaced}"
        if written.why_empty:
            message += f": {written.why_empty} (choose all claims to widen it)"
        elif written.left_out:
            message += f"; left out: {written.left_out}"
        self.call_from_thread(self._exported, request.path, message)

    def _exported(self, path: Path, message: str) -> None:
        """Where the report went, in full, with the copy key: over SSH the reviewer fetches it from there."""
        self.end_task("export")
        self.push_screen(CopyDialog("Report written", message, str(path), what="report path"))

    def _finished(self, task: str, error: FactcheckError | None) -> None:
        self.end_task(task)
        if error is not None:
            self.report(error)


def create_app(workspace: Workspace, note: str = "") -> FactcheckApp:
    """The one way to build the app: ``factcheck`` and the tests both come through here."""
    _ = workspace.repo  # open (and validate) the database before any screen is drawn
    app = FactcheckApp(workspace, note)
    check_keymap(workspace.config.keys, FactcheckApp, workspace.config_path)
    if workspace.config.theme not in app.available_themes:
        raise ConfigError(
            f"{workspace.config_path}: theme: unknown theme {workspace.config.theme!r} "
            f"(try {DARK_THEME} or {LIGHT_THEME})"
        )
    return app


def run_app(workspace: Workspace, note: str = "") -> int:
    """Run the app; its exit status is 1 after an unexpected error, which is logged in the data folder."""
    app = create_app(workspace, note)
    app.run()
    if app.crash_log is not None:
        print(shown(crash_line(app.crash_log)), file=sys.stderr)
    return app.return_code or 0
