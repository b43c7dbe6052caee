"""Writing many stories into a new database at once: migrations and the storage benchmark.

The files are byte for byte what ``Repository.restore_story`` leaves for each story (story file,
its first backup, its catalog summary and claim digests), but the catalog and digest shards are
written once each instead of once per story, and everything is flushed to disk at the end instead
of after every file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.storage.digest_shards import DIGESTS_TABLE
from factcheck_tui.core.storage.documents import (
    CATALOG_TABLE,
    digest_record,
    story_document,
    summary_record,
)
from factcheck_tui.core.storage.files import atomic_write, fsync_path
from factcheck_tui.core.storage.jsonstore import dump_json, rotate_backups
from factcheck_tui.core.storage.layout import Layout


def bulk_restore(layout: Layout, stories: Iterable[tuple[Story, Sequence[Claim]]], *, durable: bool = True) -> int:
    """Store stories exactly as given into a database that has no stories yet; returns the claim count."""
    if any(layout.stories.glob("*.json")):
        raise InputError(f"{layout.root}: bulk restore needs a database without stories")
    catalog: dict[Path, dict[str, Any]] = defaultdict(dict)
    digests: dict[Path, dict[str, Any]] = defaultdict(dict)
    written: list[Path] = []
    claim_count = 0
    for story, claims in stories:
        ordered = sorted(claims, key=Claim.document_order)
        path = layout.story(story.id)
        if path.exists():
            raise InputError(f"story {story.id} appears twice")
        payload = dump_json(story_document(story, ordered))
        atomic_write(path, payload, durable=False)
        rotate_backups(layout.backup_dir_for(path), path.name, payload)
        written.append(path)
        catalog[layout.catalog_shard(story.id)][story.id] = summary_record(story, ordered)
        shard = digests[layout.digest_shard(story.id)]
        for claim in ordered:
            shard[claim.id] = digest_record(story, claim)
        claim_count += len(ordered)
    for table, shards in ((CATALOG_TABLE, catalog), (DIGESTS_TABLE, digests)):
        for path, documents in shards.items():
            atomic_write(path, dump_json({table: documents}), durable=False)
            written.append(path)
    if durable:
        for path in written:
            fsync_path(path)
        for directory in (layout.stories, layout.catalog, layout.digests):
            fsync_path(directory)
    return claim_count
