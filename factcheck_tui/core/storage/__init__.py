"""Persistence: TinyDB JSON files laid out so that a save costs what the change is."""

from factcheck_tui.core.storage.repository import Repository, StoryTransaction, read_digest_shard

__all__ = ["Repository", "StoryTransaction", "read_digest_shard"]
