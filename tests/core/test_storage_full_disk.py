"""A full disk (ENOSPC injected at each kind of write) fails the save loudly and loses nothing."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck_tui.core.errors import SaveFailedError
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage import files as storage_files
from factcheck_tui.core.storage.doctor import check_database
from factcheck_tui.core.storage.files import is_temporary
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc to tell which file a write is for"
)


class FullDisk:
    """Makes writes into chosen folders fail with ENOSPC, as a full disk does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.refuses: Callable[[Path], bool] = lambda path: False

    def fill(self, *folders: Path) -> None:
        self.refuses = lambda path: any(path.parent == folder for folder in folders)
        write_all, open_file = storage_files._write_all, os.open

        def write(fd: int, payload: bytes) -> None:
            if self.refuses(Path(os.readlink(f"/proc/self/fd/{fd}"))):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            write_all(fd, payload)

        def create(path, flags, *args, **kwargs):
            if flags & os.O_CREAT and self.refuses(Path(path)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return open_file(path, flags, *args, **kwargs)

        self._monkeypatch.setattr(storage_files, "_write_all", write)
        self._monkeypatch.setattr(storage_files.os, "open", create)

    def free(self) -> None:
        self._monkeypatch.undo()


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    return FullDisk(monkeypatch)


@pytest.fixture
def story(repo: Repository) -> tuple[Story, list[Claim]]:
    body = "Rents rose 9 percent. The council built 300 homes."
    claims = [
        Claim(id="", story_id="", number=0, text="Rents rose 9 percent.", start=0, end=21, checkworthy=True),
        Claim(id="", story_id="", number=0, text="The council built 300 homes.", start=22, end=50, checkworthy=True),
    ]
    saved = repo.add_story(Story(id="", title="Housing", body=body), claims, "ana")
    for label in ("Mixed", "True", "Mostly true"):
        review.set_verdict(repo, saved[1][1].id, label, scale=DEFAULT_SCALE, actor="ana")
    return saved


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in root.rglob("*") if path.is_file() and path.name != ".lock"}


def _verdict(repo: Repository, claim_id: str, label: str = "False") -> Claim:
    return review.set_verdict(repo, claim_id, label, scale=DEFAULT_SCALE, actor="ben")


def test_no_room_for_the_journal_entry_fails_the_save_and_changes_nothing(
    repo: Repository, story, disk: FullDisk
) -> None:
    _, claims = story
    before = _snapshot(repo.root)
    disk.fill(repo.layout.journal)
    with pytest.raises(SaveFailedError, match="No space left on device"):
        _verdict(repo, claims[0].id)
    assert _snapshot(repo.root) == before
    assert repo.get_claim(claims[0].id).verdict is None
    disk.free()
    assert _verdict(repo, claims[0].id).verdict == "False"


def test_no_room_for_the_story_file_keeps_it_its_backups_and_the_cache(repo: Repository, story, disk: FullDisk) -> None:
    found, claims = story
    assert repo.get_claim(claims[0].id).verdict is None  # the story is now in this process's cache
    before = {path: data for path, data in _snapshot(repo.root).items() if path.parent.name != "journal"}
    disk.fill(repo.layout.stories)
    with pytest.raises(SaveFailedError, match=f"{repo.layout.story(found.id)}: could not save"):
        _verdict(repo, claims[0].id)
    after = {path: data for path, data in _snapshot(repo.root).items() if path.parent.name != "journal"}
    assert after == before  # story file, its three backups, catalog and digests
    assert not [name for name in os.listdir(repo.layout.stories) if is_temporary(name)]
    assert repo.get_claim(claims[0].id).verdict is None
    assert Repository(repo.root).get_claim(claims[0].id).verdict is None
    # A save refused cleanly is not an interrupted writer: doctor has nothing to report.
    assert repo.pending_journal() == [] and check_database(repo.root).healthy
    disk.free()
    assert _verdict(repo, claims[0].id).version == 2
    assert check_database(repo.root).healthy


def test_no_room_for_the_summaries_keeps_the_save_and_they_catch_up(repo: Repository, story, disk: FullDisk) -> None:
    _, claims = story
    disk.fill(repo.layout.catalog, repo.layout.digests)
    saved = _verdict(repo, claims[0].id)
    assert Repository(repo.root).get_claim(claims[0].id).verdict == "False" == saved.verdict
    assert Repository(repo.root).list_stories()[0].verdict_counts == {"Mostly true": 1}
    assert repo.pending_journal() == [saved.story_id]
    disk.free()
    with Repository(repo.root).write_lock():
        pass  # the next writer (any process) replays the entry
    assert Repository(repo.root).list_stories()[0].verdict_counts == {"False": 1, "Mostly true": 1}
    assert check_database(repo.root).healthy


def test_no_room_for_a_backup_keeps_the_save_and_every_older_generation(
    repo: Repository, story, disk: FullDisk
) -> None:
    found, claims = story
    backups = repo.layout.backups / "stories"
    before = {path.name: path.read_bytes() for path in backups.glob(f"{found.id}.json.*")}
    assert len(before) == 3
    disk.fill(backups)
    assert _verdict(repo, claims[0].id).verdict == "False"
    assert {path.name: path.read_bytes() for path in backups.glob(f"{found.id}.json.*")} == before
    assert not [name for name in os.listdir(backups) if is_temporary(name)]
