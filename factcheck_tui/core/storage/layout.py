"""Where each record lives inside a database folder.

factcheck.json       schema version and creation time
stories/<id>.json    one TinyDB file per story: its text and all its claims
catalog/<xx>.json    story summaries for the stories screen, sharded by id prefix
digests/<xx>.json    claim text, verdict and status for matching and cross-story lists
links.json           reviewers' decisions on suggested duplicate pairs
drafts/<user>.json   unsaved text a reviewer is typing, so a crash loses none of it
preferences/<user>.json  what a reviewer chose last time (the export dialog's format and folder)
cache/               derived data that can be rebuilt at any time (the matching index)
journal/<id>         stories whose summaries are being rewritten (replayed after a crash)
backups/             the last three versions of every story, link and draft file
logs/                crash logs (``core/crash.py``)
.lock                serialises writers across processes
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SHARD_PREFIX = 2


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def meta(self) -> Path:
        return self.root / "factcheck.json"

    @property
    def stories(self) -> Path:
        return self.root / "stories"

    @property
    def catalog(self) -> Path:
        return self.root / "catalog"

    @property
    def digests(self) -> Path:
        return self.root / "digests"

    @property
    def journal(self) -> Path:
        return self.root / "journal"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def preferences(self) -> Path:
        return self.root / "preferences"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def links(self) -> Path:
        return self.root / "links.json"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    def directories(self) -> tuple[Path, ...]:
        return (self.stories, self.catalog, self.digests, self.journal, self.drafts, self.backups, self.cache)

    def story(self, story_id: str) -> Path:
        return self.stories / f"{story_id}.json"

    def catalog_shard(self, story_id: str) -> Path:
        return self.catalog / f"{story_id[:SHARD_PREFIX]}.json"

    def digest_shard(self, story_id: str) -> Path:
        return self.digests / f"{story_id[:SHARD_PREFIX]}.json"

    def backup_dir_for(self, path: Path) -> Path:
        return self.backups / path.parent.relative_to(self.root)

    def draft(self, reviewer: str) -> Path:
        return self.drafts / file_name_for(reviewer)

    def preference_file(self, reviewer: str) -> Path:
        return self.preferences / file_name_for(reviewer)


def file_name_for(reviewer: str) -> str:
    """A reviewer's own file: any name becomes a safe file name, never a path."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in reviewer) or "anonymous"
    return f"{safe}.json"
