"""A one-line search box that appears on '/', filters as you type, and hides on escape."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterBar(Input):
    DEFAULT_CSS = """
    FilterBar {
        display: none;
    }
    FilterBar.-active {
        display: block;
    }
    """
    FRIENDLY_NAME = "search box"
    BINDINGS = [
        Binding("escape", "clear", "Clear search", id="filter.clear"),
        Binding("enter", "done", "Keep search", id="filter.done"),
        Binding("down", "done", "To the list", show=False, id="filter.down"),
    ]

    @dataclass
    class Done(Message):
        """The reviewer finished typing; focus goes back to the list."""

    def open(self) -> None:
        self.add_class("-active")
        self.focus()

    def action_clear(self) -> None:
        self.value = ""
        self.remove_class("-active")
        self.post_message(self.Done())

    def action_done(self) -> None:
        if not self.value:
            self.remove_class("-active")
        self.post_message(self.Done())
