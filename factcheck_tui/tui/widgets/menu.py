"""A list of choices (filters, verdicts) that moves with the same keys as every other list."""

from __future__ import annotations

from textual.widgets import OptionList

from factcheck_tui.tui.widgets.list_keys import list_keys


class Menu(OptionList):
    FRIENDLY_NAME = "menu"
    BINDINGS = list_keys("menu", down="cursor_down", up="cursor_up", first="first", last="last")
