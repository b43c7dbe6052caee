"""A screen's scrolling body, moved with the keys terminal readers expect."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import VerticalScroll


class Page(VerticalScroll):
    """space/PageDown, PageUp, Home/g and End/G; the arrows scroll a line. j/k are left to the
    screen (on a claim they move the evidence cursor)."""

    FRIENDLY_NAME = "page"
    BINDINGS = [
        Binding("space,pagedown", "page_down", "Page down", show=False, id="page.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page.up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="page.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="page.bottom"),
    ]

    # Jumps, not glides: over SSH an animated scroll is a dozen redraws for one key. At once, not
    # after the next refresh, so a key typed straight after starts from where this one left off;
    # only End waits for the refresh, as the page's full height may not be laid out yet.
    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + self.page_height(), animate=False, immediate=True)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_y - self.page_height(), animate=False, immediate=True)

    def page_height(self) -> int:
        """How far a page key scrolls: the lines in view, so that none is skipped."""
        return self.scrollable_content_region.height

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def action_scroll_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_down(animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_up(animate=False, immediate=True)


class ReadingPage(Page):
    """A page that is only read (help, a dialog's text): j/k scroll it too."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="reading.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="reading.up"),
    ]
