"""A dialog's two parts: a body that scrolls inside the dialog when the terminal is too small
for it, and a foot (the error and the keys' hint) pinned under it, so that neither an error nor
the keys that answer the dialog ever scroll out of sight."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Offset, Region, Spacing
from textual.widget import Widget
from textual.widgets import Label

from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.page import ReadingPage


class DialogBody(ReadingPage):
    """Takes the focus (and with it the page keys) only while it has something to scroll: a
    dialog taller than the screen is read with space, pgup, pgdn, j, k, g and G; the fields in
    it scroll into view as tab reaches them."""

    FRIENDLY_NAME = "dialog"

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0

    def scroll_to_region(self, region: Region, **options: Any) -> Offset:
        # Textual centres a newly focused field in the whole window, the pinned foot included;
        # here it scrolls only as far as needed, so that once the field is clear of the foot
        # (below) Textual's own scroll, whenever it comes, leaves it there.
        options["center"] = False
        return super().scroll_to_region(region, **options)

    def page_height(self) -> int:
        # The foot covers the bottom of the window: a page is what shows above it.
        return max(super().page_height() - self._foot_height(), 1)

    def _foot_height(self) -> int:
        return sum(part.outer_size.height for part in self.query_children(DialogFoot))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._clear_of_foot(event.widget)

    def _clear_of_foot(self, widget: Widget) -> None:
        """Scroll ``widget`` into the part of the window the foot leaves free."""
        if (
            not widget.is_attached
            or not self.max_scroll_y
            or any(isinstance(node, DialogFoot) for node in widget.ancestors)
        ):
            # A field in the foot (the verdict picker's menu) is always in view: nothing to scroll.
            return
        foot = self._foot_height()
        top = self.scroll_y + widget.region.y - self.scrollable_content_region.y
        place = Region(0, round(top), 1, widget.outer_size.height)
        super().scroll_to_region(place, spacing=Spacing(bottom=foot), animate=False, immediate=True)


class DialogFoot(Vertical):
    """Docked at the bottom of the dialog's body: it stays in view while the rest scrolls. Widgets
    given to it (``with DialogFoot(...):``) come above the error and the hint."""

    def __init__(self, hint: str, *, error: str = "", with_error: bool = True) -> None:
        super().__init__()
        self.hint = hint
        self.error = error
        self.with_error = with_error

    def compose(self) -> ComposeResult:
        if self.with_error:
            yield Label(literal(self.error), id="form-error", classes="error")
        yield Label(literal(self.hint), classes="hint")
