from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from factcheck_tui.core.errors import (
    CorruptFileError,
    InputError,
    NotFoundError,
    SaveFailedError,
    StaleWriteError,
    StorageError,
)
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.storage import files as storage_files
from factcheck_tui.core.storage.repository import Repository


def _claim(text: str, start: int, end: int, checkworthy: bool = True) -> Claim:
    return Claim(id="", story_id="", number=0, text=text, start=start, end=end, checkworthy=checkworthy, score=0.9)


def _add_story(repo: Repository, body: str = "One claim here. Another claim there.") -> tuple[Story, list[Claim]]:
    story = Story(id="", title="A story", body=body)
    return repo.add_story(
        story, [_claim("One claim here.", 0, 15), _claim("Another claim there.", 16, 36, False)], "ana"
    )


def test_new_story_gets_short_typeable_ids(repo: Repository) -> None:
    story, claims = _add_story(repo)
    assert len(story.id) == 5 and story.id.isalnum()
    assert [claim.id for claim in claims] == [f"{story.id}-1", f"{story.id}-2"]
    assert all(claim.history[0].field == "created" and claim.history[0].by == "ana" for claim in claims)


def test_story_and_claims_survive_reopening(db_path: Path) -> None:
    story, _ = _add_story(Repository(db_path))
    reopened = Repository(db_path)
    assert reopened.get_story(story.id).title == "A story"
    assert [claim.text for claim in reopened.list_claims(story.id)] == ["One claim here.", "Another claim there."]
    summary = reopened.list_stories()[0]
    assert (summary.claim_count, summary.checkworthy_count, summary.reviewed_count) == (2, 1, 0)


def test_update_claim_bumps_version_and_records_history(repo: Repository) -> None:
    _story, claims = _add_story(repo)

    def set_false(claim: Claim) -> Claim:
        claim.verdict = "False"
        return claim

    saved = repo.update_claim(claims[0].id, set_false, "ben")
    assert saved.version == 2
    assert saved.updated_by == "ben"
    change = saved.history[-1]
    assert (change.field, change.old, change.new, change.by, change.version) == ("verdict", None, "False", "ben", 2)
    assert repo.list_stories()[0].reviewed_count == 1
    assert repo.list_stories()[0].verdict_counts == {"False": 1}


def test_saving_an_unchanged_claim_makes_no_new_version(repo: Repository) -> None:
    _, claims = _add_story(repo)
    assert repo.update_claim(claims[0].id, lambda claim: claim, "ben").version == 1


def test_stale_save_is_refused_and_nothing_is_overwritten(repo: Repository) -> None:
    _, claims = _add_story(repo)

    def verdict(label: str):
        def edit(claim: Claim) -> Claim:
            claim.verdict = label
            return claim

        return edit

    repo.update_claim(claims[0].id, verdict("False"), "ana", expected_version=1)
    with pytest.raises(StaleWriteError) as refused:
        repo.update_claim(claims[0].id, verdict("True"), "ben", expected_version=1)
    assert "changed by ana" in str(refused.value)
    assert repo.get_claim(claims[0].id).verdict == "False"


def test_a_second_repository_sees_committed_changes_without_restart(db_path: Path) -> None:
    first, second = Repository(db_path), Repository(db_path)
    _, claims = _add_story(first)
    assert second.get_claim(claims[0].id).verdict is None

    def edit(claim: Claim) -> Claim:
        claim.conclusion = "Checked."
        return claim

    first.update_claim(claims[0].id, edit, "ana")
    assert second.get_claim(claims[0].id).conclusion == "Checked."
    assert second.list_stories()[0].reviewed_count == 0


def test_unknown_ids_are_clear_errors(repo: Repository) -> None:
    story, _ = _add_story(repo)
    with pytest.raises(NotFoundError, match=f"no claim {story.id}-99"):
        repo.get_claim(f"{story.id}-99")
    with pytest.raises(InputError, match="not a claim id"):
        repo.get_claim("hello")
    with pytest.raises(NotFoundError):
        repo.get_story("zzzzz")


def test_claim_ids_are_read_case_insensitively(repo: Repository) -> None:
    _, claims = _add_story(repo)
    assert repo.get_claim(claims[0].id.upper()).id == claims[0].id


def test_corrupt_story_file_is_reported_with_its_line_and_left_untouched(repo: Repository) -> None:
    story, claims = _add_story(repo)
    path = repo.layout.story(story.id)
    broken = path.read_text().replace('"title"', '"title" oops', 1)
    path.write_text(broken)
    fresh = Repository(repo.root)
    with pytest.raises(CorruptFileError) as error:
        fresh.get_claim(claims[0].id)
    assert str(path) in str(error.value) and ":" in str(error.value).split(" ")[0]
    assert error.value.line is not None and error.value.line > 1
    with pytest.raises(CorruptFileError):
        fresh.update_claim(claims[0].id, lambda claim: claim, "ana")
    assert path.read_text() == broken


def test_every_story_write_keeps_rotating_backups(repo: Repository) -> None:
    story, claims = _add_story(repo)
    for label in ("False", "True", "Mixed", "Misleading"):

        def edit(claim: Claim, label: str = label) -> Claim:
            claim.verdict = label
            return claim

        repo.update_claim(claims[0].id, edit, "ana")
    backups = sorted((repo.layout.backups / "stories").glob(f"{story.id}.json.*"))
    assert [path.name.rsplit(".", 1)[1] for path in backups] == ["1", "2", "3"]
    newest = json.loads((repo.layout.backups / "stories" / f"{story.id}.json.1").read_text())
    assert newest["claims"]["1"]["verdict"] == "Misleading"
    oldest = json.loads((repo.layout.backups / "stories" / f"{story.id}.json.3").read_text())
    assert oldest["claims"]["1"]["verdict"] == "True"


def test_full_disk_fails_the_save_loudly_and_keeps_the_file(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    story, claims = _add_story(repo)
    before = repo.layout.story(story.id).read_bytes()

    def no_space(fd: int, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage_files, "_write_all", no_space)

    def edit(claim: Claim) -> Claim:
        claim.verdict = "False"
        return claim

    with pytest.raises(SaveFailedError, match="No space left on device"):
        repo.update_claim(claims[0].id, edit, "ana")
    monkeypatch.undo()
    assert repo.layout.story(story.id).read_bytes() == before
    assert repo.get_claim(claims[0].id).verdict is None
    assert not [name for name in os.listdir(repo.layout.stories) if name.endswith(".tmp")]


def test_half_finished_summary_update_is_replayed_by_the_next_writer(repo: Repository) -> None:
    story, _claims = _add_story(repo)
    # Simulate a writer killed after the story file was replaced but before the catalog was.
    data = json.loads(repo.layout.story(story.id).read_text())
    data["claims"]["1"]["verdict"] = "False"
    repo.layout.story(story.id).write_text(json.dumps(data))
    (repo.layout.journal / story.id).touch()
    other = Repository(repo.root)
    assert other.list_stories()[0].reviewed_count == 0
    with other.write_lock():
        pass
    assert other.list_stories()[0].reviewed_count == 1
    assert not (repo.layout.journal / story.id).exists()


def test_a_file_or_a_foreign_folder_is_not_taken_for_a_database(tmp_path: Path) -> None:
    file = tmp_path / "notes.json"
    file.write_text("{}")
    with pytest.raises(InputError, match="is a file"):
        Repository(file)
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(InputError, match="not a factcheck database"):
        Repository(folder)


def test_database_from_a_newer_app_is_refused(repo: Repository) -> None:
    meta = json.loads(repo.layout.meta.read_text())
    meta["meta"]["1"]["schema"] = 99
    repo.layout.meta.write_text(json.dumps(meta))
    with pytest.raises(StorageError, match="newer factcheck-tui"):
        Repository(repo.root)


def test_restore_keeps_ids_versions_and_history(tmp_path: Path, repo: Repository) -> None:
    story, claims = _add_story(repo)

    def edit(claim: Claim) -> Claim:
        claim.verdict = "False"
        return claim

    repo.update_claim(claims[0].id, edit, "ben")
    saved_story, saved_claims = repo.get_story(story.id), repo.list_claims(story.id, include_dismissed=True)
    other = Repository(tmp_path / "restored")
    other.restore_story(saved_story, saved_claims)
    assert other.list_claims(story.id, include_dismissed=True) == saved_claims
    assert other.list_stories()[0].reviewed_count == 1
    with pytest.raises(InputError, match="already exists"):
        other.restore_story(saved_story, saved_claims)


def test_a_new_story_is_built_before_the_lock_is_taken(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other reviewers' saves wait on the lock: an import's heavy part (its records) runs outside it."""
    from factcheck_tui.core.storage import repository as storage

    held_while_building: list[bool] = []
    build = storage.StoryRecords.of

    def watched(*args, **kwargs):
        held_while_building.append(repo._lock.is_locked)
        return build(*args, **kwargs)

    monkeypatch.setattr(storage.StoryRecords, "of", watched)
    claims = [Claim(id="", story_id="", number=0, text=f"Fares rose {n}%.", start=0, end=1) for n in range(3)]
    story, _ = repo.add_story(Story(id="", title="Fares", body="Fares rose."), claims, "ana")
    assert held_while_building == [False] and len(repo.list_claims(story.id)) == 3


def test_a_save_validates_only_the_claims_it_changes_and_counts_the_rest_as_stored(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A verdict in a 5,000-claim story (the CLI starts with nothing validated) reads one claim as
    a model; the story's summary, counted from the other claims' stored records, is the one a
    full read gives."""
    from factcheck_tui.core.storage import repository as storage
    from factcheck_tui.core.storage.documents import summary_record

    body = " ".join(f"Fares rose {n}%." for n in range(200))
    claims = [
        Claim(id="", story_id="", number=0, text=f"Fares rose {n}%.", start=0, end=1, checkworthy=n % 2 == 0)
        for n in range(200)
    ]
    story, _ = Repository(db_path).add_story(Story(id="", title="Fares", body=body), claims, "ana")
    Repository(db_path).update_claim(f"{story.id}-7", lambda claim: claim.model_copy(update={"assignee": "ben"}), "ana")
    validated: list[str] = []
    read = storage.read_claim_record

    def counted(path: Path, story: Story, key: str, raw: object) -> Claim:
        validated.append(key)
        return read(path, story, key, raw)

    monkeypatch.setattr(storage, "read_claim_record", counted)
    cold = Repository(db_path)
    cold.update_claim(f"{story.id}-13", lambda claim: claim.model_copy(update={"verdict": "False"}), "ben")
    assert validated == ["13"]
    monkeypatch.setattr(storage, "read_claim_record", read)
    fresh = Repository(db_path)
    expected = summary_record(fresh.get_story(story.id), fresh.list_claims(story.id, include_dismissed=True))
    stored = fresh.list_stories()[0]
    assert stored.model_dump(mode="json") == expected
    assert (stored.reviewed_count, stored.verdict_counts, stored.assignees) == (1, {"False": 1}, ["ben"])
