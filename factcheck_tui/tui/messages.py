"""Messages the app sends to its screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class MatchesChanged(Message):
    """The duplicate index was loaded or changed: screens that show matches look again."""
