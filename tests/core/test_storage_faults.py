"""Faults in the database folder itself: one line naming the file, a doctor finding, and a repair."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from filelock import FileLock

from factcheck_tui.core.errors import CorruptFileError, StorageError
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage import lock as storage_lock
from factcheck_tui.core.storage.doctor import check_database, repair_database
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review


def _verdict(root: Path, claim_id: str, label: str = "False") -> str | None:
    return review.set_verdict(Repository(root), claim_id, label, scale=DEFAULT_SCALE, actor="ana").verdict


def _problems(root: Path) -> list[str]:
    return [f"{finding.where(root)}: {finding.problem}" for finding in check_database(root).findings]


def test_a_lock_file_that_is_a_link_loop(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    repo.layout.lock.unlink()
    repo.layout.lock.symlink_to(".lock")
    with pytest.raises(StorageError) as caught:
        _verdict(repo.root, claims[0].id)
    assert str(caught.value).startswith(f"{repo.layout.lock}: cannot take the database lock (Too many levels")
    assert _problems(repo.root) == [".lock: is a symbolic link (to .lock), not the lock file: every save fails"]
    report = repair_database(repo.root)
    assert report.healthy and report.actions == [".lock: replaced with a plain lock file"]
    assert _verdict(repo.root, claims[0].id) == "False"


def test_a_missing_lock_in_a_folder_nobody_can_write(
    repo: Repository, strike_story, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, claims = strike_story
    repo.layout.lock.unlink()
    monkeypatch.setattr(storage_lock.os, "access", lambda path, mode: not mode & os.W_OK)

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(FileLock, "acquire", refused)
    monkeypatch.setattr(storage_lock, "create_file", refused)
    with pytest.raises(StorageError, match=r"\.lock: cannot take the database lock \(Permission denied\)"):
        _verdict(repo.root, claims[0].id)
    assert _problems(repo.root) == [".lock: is missing and the database folder cannot be written: every save fails"]
    monkeypatch.undo()
    assert repair_database(repo.root).healthy and repo.layout.lock.is_file()


def test_a_story_file_that_is_a_folder(repo: Repository, strike_story) -> None:
    story, claims = strike_story
    _verdict(repo.root, claims[0].id)  # a backup of the story file now exists
    path = repo.layout.story(story.id)
    path.unlink()
    path.mkdir(mode=0o700)
    with pytest.raises(CorruptFileError, match="it is a folder, not a file"):
        Repository(repo.root).list_claims(story.id)
    assert _problems(repo.root) == [f"stories/{story.id}.json: it is a folder, not a file"]
    assert repair_database(repo.root).healthy
    assert Repository(repo.root).get_claim(claims[0].id).verdict == "False"


def test_a_story_folder_without_a_backup_is_moved_aside(repo: Repository, strike_story) -> None:
    story, _ = strike_story
    path = repo.layout.story(story.id)
    for backup in repo.layout.backup_dir_for(path).glob(f"{path.name}.*"):
        backup.unlink()
    path.unlink()
    path.mkdir()
    report = repair_database(repo.root)
    assert report.healthy and any("a folder, not a story file; moved to backups/damaged" in a for a in report.actions)
    assert Repository(repo.root).list_stories() == []


def test_a_digest_shard_with_a_bad_version(repo: Repository, strike_story) -> None:
    story, claims = strike_story
    shard = repo.layout.digest_shard(story.id)
    data = json.loads(shard.read_text())
    data["claims"][claims[0].id]["version"] = "bad"
    shard.write_text(json.dumps(data, indent=2))
    with pytest.raises(CorruptFileError, match=rf"record {claims[0].id}: version: 'bad' is not a whole number"):
        MatchIndex.open(Repository(repo.root))
    (problem,) = _problems(repo.root)
    assert problem.startswith(f"digests/{shard.name}:") and "version: 'bad' is not a whole number" in problem
    assert repair_database(repo.root).healthy
    assert len(MatchIndex.open(Repository(repo.root))) == len(claims)


def test_doctor_runs_on_a_lock_that_loops_without_waiting_for_it(repo: Repository, strike_story) -> None:
    repo.layout.lock.unlink()
    os.symlink(repo.layout.lock, repo.layout.lock)
    assert not check_database(repo.root).healthy
