"""The claim's conclusion, written in place on the claim's page."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

# While the editor has the focus every letter is text, not a command: its border says so.
WRITING = "writing · ctrl+s or escape: save and leave"


class ConclusionEditor(TextArea):
    """A text area that says, on its border, when keys go into it rather than to the claim."""

    FRIENDLY_NAME = "conclusion"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, show_line_numbers=False)
        # Whether the reviewer has written in this text since it was shown: ``write`` then goes
        # on where they left off; the first time it starts at the end.
        self._begun = False

    def fill(self, text: str) -> None:
        """Show ``text`` (a claim's conclusion, or a draft of it) from its top."""
        self.load_text(text)
        self._begun = False

    def write(self) -> None:
        """Take the keys: at the end of the text the first time, then where the cursor was left."""
        if not self._begun:
            self.move_cursor(self.document.end)
            self._begun = True
        self.focus()

    def on_focus(self, _event: events.Focus) -> None:
        self.border_title = WRITING

    def on_blur(self, _event: events.Blur) -> None:
        self.border_title = None
