"""The bulk writer (migrations, the storage benchmark) leaves what restore_story leaves."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.bulk import bulk_restore
from factcheck_tui.core.storage.doctor import check_database
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review


def _reviewed_stories(repo: Repository) -> list[tuple[Story, list[Claim]]]:
    made = []
    for title in ("Rents", "Ferries", "Schools"):
        body = f"{title} rose 3 percent. {title} fell in 2019."
        claims = [
            Claim(
                id="",
                story_id="",
                number=0,
                text=f"{title} rose 3 percent.",
                start=0,
                end=len(title) + 15,
                checkworthy=True,
            ),
            Claim(
                id="",
                story_id="",
                number=0,
                text=f"{title} fell in 2019.",
                start=len(title) + 16,
                end=len(body),
                speaker="the mayor",
            ),
        ]
        story, stored = repo.add_story(Story(id="", title=title, body=body, published="2026-01-05"), claims, "ana")
        review.set_verdict(
            repo,
            stored[0].id,
            "Mostly false",
            scale=DEFAULT_SCALE,
            actor="ben",
            evidence_urls=["https://stats.example/t4"],
        )
        made.append((story, repo.list_claims(story.id, include_dismissed=True)))
    return made


def _contents(root: Path, folder: str) -> dict[str, object]:
    return {path.name: json.loads(path.read_text()) for path in sorted((root / folder).glob("*.json"))}


def test_bulk_restore_writes_the_files_restore_story_writes(tmp_path: Path) -> None:
    stories = _reviewed_stories(Repository(tmp_path / "source"))
    one_by_one, in_bulk = Repository(tmp_path / "one-by-one"), Repository(tmp_path / "in-bulk")
    for story, claims in stories:
        one_by_one.restore_story(story, claims)
    assert bulk_restore(in_bulk.layout, stories) == 6
    for story, _ in stories:
        assert in_bulk.layout.story(story.id).read_bytes() == one_by_one.layout.story(story.id).read_bytes()
        backup = Path("backups") / "stories" / f"{story.id}.json.1"
        assert (in_bulk.root / backup).read_bytes() == (one_by_one.root / backup).read_bytes()
    for folder in ("catalog", "digests"):
        assert _contents(in_bulk.root, folder) == _contents(one_by_one.root, folder)
    assert check_database(in_bulk.root).healthy
