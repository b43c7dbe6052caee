"""The keys every list, menu and page shares, so that they all behave alike.

j/k move like the arrows, g and Home go to the top, G and End to the bottom.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType


def list_keys(scope: str, *, down: str, up: str, first: str, last: str) -> list[BindingType]:
    """Bindings for one kind of list; ``scope`` prefixes their ids (``list.first``...)."""
    return [
        Binding("j", down, "Down", show=False, id=f"{scope}.down"),
        Binding("k", up, "Up", show=False, id=f"{scope}.up"),
        Binding("home,g", first, "First", show=False, id=f"{scope}.first"),
        Binding("end,G", last, "Last", show=False, id=f"{scope}.last"),
    ]
