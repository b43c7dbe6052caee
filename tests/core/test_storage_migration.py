"""The single-file TinyDB database of early versions is migrated into the folder on open."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB

from factcheck_tui.core.errors import CorruptFileError, InputError, StorageError
from factcheck_tui.core.storage import files as storage_files
from factcheck_tui.core.storage import legacy
from factcheck_tui.core.storage.doctor import check_database, repair_database
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.storage.schema import SCHEMA_VERSION, read_meta

BODY = "The port handled 2 million containers. Wages rose 11 percent, the union said."


def _single_file(path: Path, *, story_id: str = "k3p9x", extra_claim: dict | None = None) -> bytes:
    """A database as the first design kept it, written by TinyDB's own JSONStorage."""
    with TinyDB(path) as db:
        db.table("stories").insert(
            {"id": story_id, "title": "Port strike ends", "outlet": "Post", "published": "2026-01-12", "body": BODY}
        )
        claims = db.table("claims")
        claims.insert(
            {
                "id": f"{story_id}-1",
                "story_id": story_id,
                "text": "The port handled 2 million containers.",
                "start": 0,
                "end": 38,
                "checkworthy": True,
                "verdict": "Mostly true",
                "reviewer": "ana",
            }
        )
        claims.insert(
            {
                "id": f"{story_id}-2",
                "story_id": story_id,
                "text": "Wages rose 11 percent, the union said.",
                "start": 39,
                "end": 77,
                "speaker": "the union",
            }
        )
        if extra_claim:
            claims.insert(extra_claim)
    return path.read_bytes()


def test_a_single_file_database_becomes_a_folder_at_the_same_path(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.json"
    original = _single_file(path)
    repo = Repository(path)
    assert path.is_dir() and repo.migration is not None and "migrated 1 stories and 2 claims" in repo.migration
    assert legacy.backup_of(path).read_bytes() == original
    assert sorted(item.name for item in tmp_path.iterdir()) == ["newsroom.json", "newsroom.json.before-migration"]
    assert read_meta(repo.layout)["schema"] == SCHEMA_VERSION
    assert read_meta(repo.layout)["migrated_from"] == "newsroom.json"
    story = repo.get_story("k3p9x")
    assert (story.title, story.outlet, story.published.isoformat()) == ("Port strike ends", "Post", "2026-01-12")
    claims = repo.list_claims("k3p9x")
    assert [(claim.id, claim.number, claim.verdict, claim.speaker) for claim in claims] == [
        ("k3p9x-1", 1, "Mostly true", None),
        ("k3p9x-2", 2, None, "the union"),
    ]
    assert repo.list_stories()[0].reviewed_count == 1
    assert check_database(path).healthy
    # Opening again is an ordinary open.
    assert Repository(path).migration is None


def test_ids_that_are_not_ours_get_new_ones_and_claims_follow_their_story(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    _single_file(path, story_id="story-1", extra_claim={"story_id": "story-1", "text": "A third claim."})
    repo = Repository(path)
    [story_id] = repo.story_ids()
    assert story_id != "story-1" and len(story_id) == 5
    assert [claim.id for claim in repo.list_claims(story_id)] == [f"{story_id}-1", f"{story_id}-2", f"{story_id}-3"]


def test_a_record_that_does_not_validate_stops_the_migration_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    original = _single_file(path, extra_claim={"story_id": "k3p9x", "start": 5})
    with pytest.raises(CorruptFileError) as error:
        Repository(path)
    assert "claims record 3: text: Field required" in str(error.value) and error.value.line is not None
    assert path.read_bytes() == original
    assert sorted(item.name for item in tmp_path.iterdir()) == ["old.json"]


def test_a_failed_migration_leaves_the_file_and_takes_the_backup_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.json"
    original = _single_file(path)
    write_all = storage_files._write_all

    def no_space_for_stories(fd: int, payload: bytes) -> None:
        if "/stories/" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write_all(fd, payload)

    monkeypatch.setattr(storage_files, "_write_all", no_space_for_stories)
    with pytest.raises(
        StorageError, match="could not migrate it into the folder layout .*No space left on device.*left as it was"
    ):
        Repository(path)
    assert path.read_bytes() == original
    assert legacy.backup_of(path).read_bytes() == original  # written before anything else
    assert not legacy.staging_of(path).exists()
    monkeypatch.undo()
    assert Repository(path).get_claim("k3p9x-2").speaker == "the union"


def test_a_migration_killed_after_the_file_was_removed_is_finished_on_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.json"
    _single_file(path)

    def killed(staging: Path, target: Path) -> None:
        raise KeyboardInterrupt  # the process dies between removing the file and renaming the folder

    monkeypatch.setattr(legacy, "_move_into_place", killed)
    with pytest.raises(KeyboardInterrupt):
        Repository(path)
    assert not path.exists() and legacy.staging_of(path).is_dir()
    monkeypatch.undo()
    repo = Repository(path, create=False)
    assert repo.migration is not None and "interrupted migration" in repo.migration
    assert [claim.id for claim in repo.list_claims("k3p9x")] == ["k3p9x-1", "k3p9x-2"]


def test_doctor_reports_a_single_file_database_and_repair_migrates_it(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    _single_file(path)
    report = check_database(path)
    assert not report.healthy and report.schema == 0 and "single-file database" in report.findings[0].problem
    repaired = repair_database(path)
    assert repaired.healthy, repaired.render()
    assert "migrated" in repaired.actions[0] and path.is_dir()


def test_a_json_file_that_is_not_a_database_is_not_migrated(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "dark"}))
    with pytest.raises(InputError, match="is a file"):
        Repository(path)
    assert json.loads(path.read_text()) == {"theme": "dark"}
