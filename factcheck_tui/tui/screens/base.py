"""What every full screen of the app shares: typed access to the app, and matching work in a worker.

Screens reach the app's services (``repo``, ``workspace``, ``match_index``, ``undo_stack``) through
``self.app``; this base types it as ``FactcheckApp`` instead of Textual's generic ``App``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from textual import getters
from textual.screen import Screen
from textual.worker import get_current_worker

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.matching.cancel import MatchingCancelled
from factcheck_tui.core.matching.service import MatchIndex

if TYPE_CHECKING:
    from factcheck_tui.tui.app import FactcheckApp

# The longest matching pauses at a time for keys being handled: a burst that never settles
# (an animation keeping the queues busy) slows matching down but cannot stop it.
GIVE_WAY_SECONDS = 1.0

ResultType = TypeVar("ResultType")
Found = TypeVar("Found")
# Matching work: it gets the index and a "stop now?" callable, and returns what it found.
MatchingWork = Callable[[MatchIndex, Callable[[], bool]], Found]


@runtime_checkable
class ShowsStory(Protocol):
    """A screen about one story (or, with None, about all of them): the app watches that story for it."""

    story_id: str | None


@runtime_checkable
class HoldsUnsavedText(Protocol):
    """A screen that may hold text the reviewer typed and has not saved: quitting asks about it first."""

    def has_unsaved_edits(self) -> bool: ...

    def keep_draft(self) -> None:
        """Put the typed text in the drafts now (the app is about to stop)."""

    def clashes_with(self) -> str | None:
        """Who saved another text since the reviewer began theirs: saving would replace it."""

    def save_unless_theirs(self) -> bool:
        """Save the typed text unless that replaces another reviewer's; True once saved."""

    def save_conclusion(self) -> bool:
        """Save the typed text, also over another reviewer's (their text is on screen); True once saved."""


class AppScreen(Screen[ResultType]):
    if TYPE_CHECKING:
        # Textual's way to type a widget's app (at run time the inherited property is unchanged).
        app = getters.app(FactcheckApp)

    def run_matching(
        self,
        group: str,
        work: MatchingWork[Found],
        done: Callable[[Found], None],
        *,
        activity: str = "",
        exclusive: bool = True,
    ) -> bool:
        """Run ``work`` on the duplicate index in a thread; ``done`` gets its result on the screen.

        A newer run in the same group cancels the older one (unless not ``exclusive``: each run
        matches different claims), and so does leaving the screen; an error is reported as one line. ``activity``, when given, shows in the activity bar
        meanwhile. False, and nothing runs, while the index is still loading.
        """
        index = self.app.match_index
        if index is None:
            return False
        if activity:
            self.app.begin_task(group, activity)
        self.run_worker(
            lambda: self._matching(index, group, work, done, activity=bool(activity)),
            group=group,
            exclusive=exclusive,
            thread=True,
            exit_on_error=False,
        )
        return True

    def _matching(
        self, index: MatchIndex, group: str, work: MatchingWork[Found], done: Callable[[Found], None], *, activity: bool
    ) -> None:
        worker = get_current_worker()
        app = self.app

        def stop() -> bool:
            # Matching a long story takes a minute; keys the reviewer types go first.
            app.give_way_to_keys(GIVE_WAY_SECONDS)
            return worker.is_cancelled

        try:
            try:
                found = work(index, stop)
            except MatchingCancelled:
                return
            except FactcheckError as error:
                app.call_from_thread(app.report, error)
                return
            if not worker.is_cancelled:
                app.call_from_thread(done, found)
        finally:
            if activity:
                app.call_from_thread(app.end_task, group)
