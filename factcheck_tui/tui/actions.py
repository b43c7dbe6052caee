"""Every action the reviewer can take on a screen, read from the bindings themselves.

The footer, the help screen and the command palette all come from the same ``Binding``
declarations, so a binding added anywhere shows up everywhere, under its user-remapped key.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class ActionEntry:
    keys: str
    description: str
    action: str
    node: DOMNode
    binding: Binding

    @property
    def scope(self) -> str:
        if isinstance(self.node, Screen):
            return "On this screen"
        if isinstance(self.node, App):
            return "Everywhere"
        return f"In the {getattr(self.node, 'FRIENDLY_NAME', 'focused field')}"


def _textual_plumbing(node: DOMNode) -> bool:
    """Built-in widgets' own keys (scroll a column, copy a selection) are not the reviewer's actions."""
    return not isinstance(node, App | Screen) and type(node).__module__.startswith("textual.")


def _scope_rank(entry: ActionEntry) -> int:
    return 0 if isinstance(entry.node, Screen) else 1 if isinstance(entry.node, App) else 2


def screen_actions(screen: Screen) -> list[ActionEntry]:
    """The actions reachable on ``screen`` now, in declaration order, one entry per action."""
    app = screen.app
    entries: dict[tuple[int, str], ActionEntry] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        # Our own bindings all carry an id (a test checks); Textual's built-in ones (focus next,
        # copy a selection, scroll a column) do not, and are not the reviewer's actions.
        if binding.system or not binding.description or binding.id is None or _textual_plumbing(active.node):
            continue
        slot = (id(active.node), binding.action)
        display = app.get_key_display(binding)
        if slot in entries:
            existing = entries[slot]
            if display not in existing.keys.split(" / "):
                entries[slot] = ActionEntry(
                    f"{existing.keys} / {display}", existing.description, existing.action, existing.node, binding
                )
            continue
        entries[slot] = ActionEntry(display, binding.description, binding.action, active.node, binding)
    return sorted(entries.values(), key=_scope_rank)
