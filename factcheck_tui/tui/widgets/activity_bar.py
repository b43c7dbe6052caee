"""A one-line indicator of background work (import, export, duplicate search) on every screen.

It takes its row in the screen's flow, just above the footer, rather than docking at the bottom:
two widgets docked at the same edge overlap, and the footer hid it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from factcheck_tui.tui.literal import literal


class ActivityBar(Horizontal):
    DEFAULT_CSS = """
    ActivityBar {
        height: 1;
        display: none;
        padding: 0 1;
    }
    ActivityBar.-busy {
        display: block;
    }
    ActivityBar ProgressBar {
        width: 18;
    }
    ActivityBar Label {
        width: 1fr;
        margin-left: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=None, show_percentage=False, show_eta=False)
        yield Label()

    def on_mount(self) -> None:
        self.watch(self.app, "activity", self._show)

    def _show(self, activity: str) -> None:
        self.set_class(bool(activity), "-busy")
        self.query_one(Label).update(literal(activity))
