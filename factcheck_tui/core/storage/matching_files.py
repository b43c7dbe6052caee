"""The files matching keeps in a database: its saved index (``cache/``) and the sentence vectors
beside each digest shard (``digests/xx.vectors``), with the digest shards it reads them against.

All of it can be made again from the claims, so every read answers "nothing usable" rather than
failing, and every write is best effort. The matching service asks this store, by shard name,
and never builds a path of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck_tui.core.storage import index_cache
from factcheck_tui.core.storage.digest_shards import (
    VectorShard,
    read_digest_shard,
    read_vector_shard,
    vector_shard_path,
    write_vector_shard,
)
from factcheck_tui.core.storage.jsonstore import Signature, file_signature
from factcheck_tui.core.storage.layout import Layout


class MatchingFiles:
    def __init__(self, layout: Layout, digest_shards: Callable[[], list[Path]]) -> None:
        self._layout = layout
        self._digest_shards = digest_shards

    def load_index(self) -> dict[str, Any] | None:
        """The saved index state, or None when there is none or it is of another format."""
        return index_cache.load(self._layout.cache)

    def save_index(self, state: dict[str, Any]) -> None:
        index_cache.save(self._layout.cache, state)

    def shard_name(self, story_id: str) -> str:
        """The digest shard a story's claims live in."""
        return self._layout.digest_shard(story_id).name

    def shard_signatures(self) -> dict[str, Signature | None]:
        """Each digest shard's name and signature: one that changed was saved by someone."""
        return {path.name: file_signature(path) for path in self._digest_shards()}

    def read_digests(self, name: str) -> dict[str, Any]:
        """The claim digests of one shard, by claim id."""
        return read_digest_shard(self._digest_shard(name))

    def read_vectors(self, name: str) -> VectorShard | None:
        """The vectors stored beside one digest shard, or None when there are none usable."""
        return read_vector_shard(vector_shard_path(self._digest_shard(name)))

    def write_vectors(self, name: str, shard: VectorShard | None) -> None:
        """Store the vectors of one digest shard's claims; None: it has none left."""
        path = vector_shard_path(self._digest_shard(name))
        if shard is None:
            path.unlink(missing_ok=True)
        else:
            write_vector_shard(path, shard)

    def _digest_shard(self, name: str) -> Path:
        return self._layout.digests / name
