"""Messages the app sends to its screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class MatchesChanged(Message):
    """The duplicate index was loaded or changed: screens that show matches look again.

    ``claim_ids`` names the claims this reviewer just saved, when only they changed; ``None``
    means anything may have changed (the index was loaded, or refreshed from other processes).
    """

    claim_ids: frozenset[str] | None = None


@dataclass
class StoryChanged(Message):
    """The story's file changed on disk (a save here or in another reviewer's process)."""

    story_id: str


@dataclass
class CatalogChanged(Message):
    """The list of stories changed on disk: one was imported, edited, reviewed or deleted."""
