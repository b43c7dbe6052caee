"""Another reviewer's conclusion, saved while the reviewer was writing theirs."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static


class ClashBox(Static):
    """Shows their text set against the reviewer's unsaved one, and says when it has appeared.

    It appears below the editor, often below the bottom of the page: the screen brings it into
    view on ``Appeared``, since what ctrl+s would overwrite must be in sight. That is sent once
    the box is laid out (its first resize), not when it is filled: before that it has no place.
    """

    class Appeared(Message):
        """The box is shown and laid out, with its place on the page known."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.display = False
        self._just_shown = False
        self._text = Text()

    def show(self, text: Text) -> None:
        self._text = text
        self.update(text)
        self._just_shown = not self.display
        self.display = True

    def say(self, note: str) -> None:
        """What just became of the reviewer's text, on the box's first line: said here, not in a
        notice, which would be drawn over the box (and their text in it)."""
        self.update(Text.assemble((note, "bold"), "\n", self._text))

    def hide(self) -> None:
        self.display = False
        self._just_shown = False

    def on_resize(self, _event: events.Resize) -> None:
        if self._just_shown:
            self._just_shown = False
            self.post_message(self.Appeared())
