"""Damaged files are never overwritten, and `factcheck doctor` finds and repairs them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from factcheck_tui.core.errors import CorruptFileError
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.doctor import check_database, repair_database
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review
from support.cli import run_cli


def _story(repo: Repository, title: str = "Budget") -> tuple[Story, list[Claim]]:
    body = "Taxes rose 4 percent. Spending fell by $2 million. The mayor said it was a record."
    claims = [
        Claim(id="", story_id="", number=0, text="Taxes rose 4 percent.", start=0, end=21, checkworthy=True),
        Claim(id="", story_id="", number=0, text="Spending fell by $2 million.", start=22, end=50, checkworthy=True),
    ]
    return repo.add_story(Story(id="", title=title, body=body), claims, "ana")


def _verdicts(repo: Repository, claim_id: str, *labels: str) -> None:
    for label in labels:
        review.set_verdict(repo, claim_id, label, scale=DEFAULT_SCALE, actor="ana")


def _break(path: Path) -> bytes:
    """A hand edit gone wrong: a stray word in the middle of the file."""
    broken = path.read_text().replace('"title"', '"title" oops', 1).replace('"text"', '"text" oops', 1).encode()
    path.write_bytes(broken)
    return broken


def _hand_edit(path: Path, claim: str, field: str, value: object) -> None:
    """A reviewer edits one claim's field in the JSON file with a text editor."""
    data = json.loads(path.read_text())
    data["claims"][claim][field] = value
    path.write_text(json.dumps(data, indent=2))


def test_a_record_that_does_not_validate_names_its_line(repo: Repository) -> None:
    story, claims = _story(repo)
    path = repo.layout.story(story.id)
    _hand_edit(path, "2", "status", "Maybe")
    with pytest.raises(CorruptFileError) as error:
        Repository(repo.root).get_claim(claims[0].id)
    lines = path.read_text().splitlines()
    assert error.value.line is not None and lines[error.value.line - 1].strip().startswith('"2"')
    assert "claim 2: status" in str(error.value) and str(path) in str(error.value)
    assert "\n" not in str(error.value)


def test_a_damaged_summary_shard_stops_the_save_before_anything_is_written(repo: Repository) -> None:
    story, claims = _story(repo)
    shard = repo.layout.catalog_shard(story.id)
    shard.write_text('{"stories": {')
    before = repo.layout.story(story.id).read_bytes()
    with pytest.raises(CorruptFileError, match=f"{shard}:1"):
        _verdicts(Repository(repo.root), claims[0].id, "False")
    assert repo.layout.story(story.id).read_bytes() == before
    assert shard.read_text() == '{"stories": {'
    assert Repository(repo.root).pending_journal() == []
    with pytest.raises(CorruptFileError, match="catalog"):
        Repository(repo.root).list_stories()


def test_a_damaged_draft_file_is_left_alone(repo: Repository) -> None:
    drafts = repo.drafts("ana")
    drafts.save("abcde-1", "conclusion", "Half typed", 1)
    path = repo.layout.draft("ana")
    path.write_text(path.read_text()[:-5])
    broken = path.read_bytes()
    with pytest.raises(CorruptFileError):
        repo.drafts("ana").save("abcde-1", "conclusion", "More text", 1)
    assert path.read_bytes() == broken


def test_doctor_finds_a_healthy_database_healthy(repo: Repository) -> None:
    _, claims = _story(repo)
    _verdicts(repo, claims[0].id, "False")
    report = check_database(repo.root)
    assert report.healthy, report.render()
    assert (report.stories, report.claims, report.schema) == (1, 2, 1)


def test_doctor_reports_summaries_that_disagree_with_a_hand_edited_story(repo: Repository) -> None:
    story, claims = _story(repo)
    _hand_edit(repo.layout.story(story.id), "1", "verdict", "False")
    found = {finding.path.parent.name: finding.problem for finding in check_database(repo.root).findings}
    assert found == {
        "catalog": f"does not match the story files: 1 story summary out of date ({story.id})",
        "digests": f"does not match the story files: 1 claim digest out of date ({claims[0].id})",
    }
    report = repair_database(repo.root)
    assert report.healthy, report.render()
    assert Repository(repo.root).list_stories()[0].verdict_counts == {"False": 1}


def test_repair_restores_the_newest_backup_that_validates_and_keeps_the_damaged_file(repo: Repository) -> None:
    story, claims = _story(repo)
    _verdicts(repo, claims[0].id, "False", "Mixed")
    path = repo.layout.story(story.id)
    broken = _break(path)
    newest = repo.layout.backups / "stories" / f"{path.name}.1"
    newest.write_text("{ not json")  # the newest backup is damaged too: the next one is used

    report = check_database(repo.root)
    assert [(finding.path, finding.line is not None) for finding in report.findings] == [(path, True)]

    report = repair_database(repo.root)
    assert report.healthy, report.render()
    assert any(f"restored from backups/stories/{path.name}.2" in action for action in report.actions)
    kept = list((repo.layout.backups / "damaged" / "stories").glob(f"{path.name}.*"))
    assert [item.read_bytes() for item in kept] == [broken]
    # Backup 2 was taken before the last save, so the claim is as it was one version earlier.
    assert Repository(repo.root).get_claim(claims[0].id).verdict == "False"


def test_repair_without_a_usable_backup_leaves_the_file_and_says_so(repo: Repository) -> None:
    story, _ = _story(repo)
    path = repo.layout.story(story.id)
    broken = _break(path)
    for backup in (repo.layout.backups / "stories").glob(f"{path.name}.*"):
        backup.unlink()
    report = repair_database(repo.root)
    assert not report.healthy
    assert [finding.path for finding in report.findings] == [path]
    assert path.read_bytes() == broken
    # The story's summaries are the only trace of it left, so they are kept.
    assert [summary.id for summary in Repository(repo.root).list_stories()] == [story.id]


def test_repair_brings_back_a_deleted_story_file_from_its_backup(repo: Repository) -> None:
    story, claims = _story(repo)
    repo.layout.story(story.id).unlink()
    assert not check_database(repo.root).healthy
    report = repair_database(repo.root)
    assert report.healthy, report.render()
    assert Repository(repo.root).get_claim(claims[1].id).text == "Spending fell by $2 million."


def test_repair_rebuilds_a_damaged_digest_shard_and_finishes_interrupted_saves(repo: Repository) -> None:
    story, claims = _story(repo)
    other, _ = _story(repo, "Second story")
    shard = repo.layout.digest_shard(story.id)
    shard.write_text("garbage")
    (repo.layout.journal / other.id).touch()
    problems = {finding.path for finding in check_database(repo.root).findings}
    assert problems == {shard, repo.layout.journal / other.id}
    report = repair_database(repo.root)
    assert report.healthy, report.render()
    assert {item["id"] for item in Repository(repo.root).iter_digests()} == {claim.id for claim in claims} | {
        f"{other.id}-1",
        f"{other.id}-2",
    }
    assert list((repo.layout.backups / "damaged" / "digests").iterdir())


def test_stale_temporary_files_are_reported_and_removed_but_live_ones_are_not(repo: Repository) -> None:
    story, _ = _story(repo)
    gone = subprocess.Popen(["true"])
    gone.wait()
    stale = repo.layout.stories / f".{story.id}.json.{gone.pid}.0123abcd.tmp"
    stale.write_text("{")
    live = repo.layout.stories / f".{story.id}.json.{os.getpid()}.89abcdef.tmp"
    live.write_text("{")
    assert [finding.path for finding in check_database(repo.root).findings] == [stale]
    report = repair_database(repo.root)
    assert report.healthy and not stale.exists() and live.exists()


def test_a_damaged_factcheck_json_is_named_and_repaired_from_its_backup(repo: Repository) -> None:
    _story(repo)
    repo.layout.meta.write_text('{"meta": {"1": {"schema": 1,, }}}')
    with pytest.raises(CorruptFileError, match="factcheck.json:1"):
        Repository(repo.root)
    report = repair_database(repo.root)
    assert report.healthy, report.render()
    assert len(Repository(repo.root).list_stories()) == 1


def _doctor(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(tmp_path, "--db", str(db), "doctor", *args)


def test_doctor_command_exit_codes_and_json(repo: Repository, tmp_path: Path) -> None:
    story, _ = _story(repo)
    healthy = _doctor(tmp_path, repo.root)
    assert healthy.returncode == 0 and healthy.stdout.strip().endswith("healthy"), healthy.stderr

    _break(repo.layout.story(story.id))
    sick = _doctor(tmp_path, repo.root)
    assert sick.returncode == 1
    assert f"problem: stories/{story.id}.json:" in sick.stdout and "doctor --repair" in sick.stdout

    repaired = _doctor(tmp_path, repo.root, "--repair", "--json")
    assert repaired.returncode == 0, repaired.stdout
    payload = json.loads(repaired.stdout)
    assert payload["healthy"] is True and payload["problems"] == []
    assert any("restored from" in action for action in payload["repaired"])

    missing = _doctor(tmp_path, tmp_path / "nowhere")
    assert missing.returncode != 0 and "no database here" in missing.stderr and "Traceback" not in missing.stderr
