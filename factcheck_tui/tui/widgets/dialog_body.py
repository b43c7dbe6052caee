"""The scrolling body of a dialog: it scrolls on small terminals but never takes the focus itself."""

from __future__ import annotations

from textual.containers import VerticalScroll


class DialogBody(VerticalScroll, can_focus=False):
    pass
