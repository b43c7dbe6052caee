"""The JSON export is a backup: restoring it into an empty database and exporting again is lossless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.errors import InputError, SaveFailedError, StorageError
from factcheck_tui.core.export import ExportOptions, export_report
from factcheck_tui.core.interchange.restore import restore_export
from factcheck_tui.core.storage.repository import Repository
from support.newsrooms import build_export_newsroom

CONFIG = Config(reviewer="tester")


def _export(repo: Repository, **options: object) -> str:
    return export_report(repo, CONFIG, ExportOptions.parse(format="json", **options))


@pytest.mark.parametrize(
    "options", [{}, {"include_unreviewed": True}, {"verdicts": ["False"]}, {"story_ids": ["r9b5s"]}]
)
def test_restore_then_export_gives_the_same_bytes(tmp_path: Path, options: dict) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    exported = _export(source, **options)
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")

    restored = Repository(tmp_path / "restored")
    result = restore_export(restored, backup)

    assert _export(restored, **options).encode("utf-8") == exported.encode("utf-8")
    assert result.story_ids == [entry["story"]["id"] for entry in json.loads(exported)["stories"]]


def test_a_complete_backup_restores_every_record_exactly(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    backup = tmp_path / "backup.json"
    backup.write_text(_export(source, include_unreviewed=True), encoding="utf-8")
    restored = Repository(tmp_path / "restored")
    restore_export(restored, backup)
    for story_id in source.story_ids():
        assert restored.get_story(story_id) == source.get_story(story_id)
        assert restored.list_claims(story_id, include_dismissed=True) == source.list_claims(
            story_id, include_dismissed=True
        )
    assert [summary.model_dump() for summary in restored.list_stories()] == [
        summary.model_dump() for summary in source.list_stories()
    ]


def test_restore_refuses_stories_that_exist_and_writes_nothing(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    backup = tmp_path / "backup.json"
    backup.write_text(_export(source), encoding="utf-8")
    target = Repository(tmp_path / "target")
    restore_export(target, backup)
    with pytest.raises(InputError, match=r"story k3p9x \(and 2 more\) already exists"):
        restore_export(target, backup)


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_bad_record_names_its_place_and_nothing_is_written(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    data = json.loads(_export(source))
    data["stories"][1]["claims"][0]["status"] = "Finished"
    target = Repository(tmp_path / "target")
    with pytest.raises(InputError) as caught:
        restore_export(target, _write(tmp_path, data))
    assert "bad.json: stories[1].claims[0].status:" in str(caught.value)
    assert target.story_ids() == []


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda data: data.update(format="something else"), "not a factcheck JSON export"),
        (lambda data: data.update(version=99), "export version 99 is newer"),
        (lambda data: data["stories"].append(data["stories"][0]), "story k3p9x appears twice"),
        (lambda data: data["stories"][0]["claims"][0].update(story_id="zzzzz"), "does not belong to story k3p9x"),
        (
            lambda data: data["stories"][0]["claims"].append(data["stories"][0]["claims"][0]),
            "claim k3p9x-1 appears twice",
        ),
        (lambda data: data["stories"][0]["story"].update(id="../etc"), "is not a story id"),
    ],
)
def test_inconsistent_exports_are_refused(tmp_path: Path, mutate, message: str) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    data = json.loads(_export(source))
    mutate(data)
    with pytest.raises(InputError, match=message):
        restore_export(Repository(tmp_path / "target"), _write(tmp_path, data))


def test_not_json_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "factcheck-tui export",\n  oops\n}')
    with pytest.raises(InputError, match=r"broken.json:3: not valid JSON"):
        restore_export(Repository(tmp_path / "target"), path)


def test_duplicate_decisions_travel_with_the_backup(tmp_path: Path) -> None:
    from factcheck_tui.core.storage.link_decisions import LinkStore

    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    ids = [
        claim.id for story_id in source.story_ids() for claim in source.list_claims(story_id, include_dismissed=True)
    ]
    links = LinkStore(source)
    links.reject(ids[0], ids[-1], actor="ana", score=0.7)
    links.confirm(ids[1], ids[-2], actor="ben")
    exported = _export(source, include_unreviewed=True)
    assert len(json.loads(exported)["links"]) == 2
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")
    restored = Repository(tmp_path / "restored")
    restore_export(restored, backup)
    assert sorted(LinkStore(restored).all(), key=lambda link: link.claim_id) == sorted(
        links.all(), key=lambda link: link.claim_id
    )
    assert _export(restored, include_unreviewed=True) == exported


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda claim: claim.update(number=-1, id="k3p9x--1"), "number: -1"),
        (lambda claim: claim.update(version=-7), "version: -7 (versions start at 1)"),
        (lambda claim: claim.update(start=40, end=10), "start 40, end 10: not a stretch"),
        (lambda claim: claim.update(verdict="Pants on Fire"), "verdict: 'Pants on Fire' is not on the scale"),
        (
            lambda claim: claim.update(evidence=[{"id": "e1", "url": "https://a.example"}, {"id": "e1"}]),
            "evidence id 'e1' is used twice",
        ),
        (
            lambda claim: claim.update(evidence=[{"id": "e1", "url": "javascript:alert(1)"}]),
            "evidence e1: 'javascript:alert(1)' is not a web address",
        ),
        (
            lambda claim: claim.update(evidence=[{"id": "e1", "url": "file:///etc/passwd"}]),
            "evidence e1: 'file:///etc/passwd' is not a web address",
        ),
    ],
)
def test_records_the_app_would_never_write_are_refused(tmp_path: Path, mutate, message: str) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    data = json.loads(_export(source, include_unreviewed=True))
    mutate(data["stories"][0]["claims"][0])
    target = Repository(tmp_path / "target")
    with pytest.raises(InputError) as caught:
        restore_export(target, _write(tmp_path, data))
    assert message in str(caught.value) and "nothing was restored" in str(caught.value)
    assert "bad.json: stories[0].claims[0]" in str(caught.value)
    assert target.story_ids() == [] and target.list_stories() == []


def test_mail_links_are_restored(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    data = json.loads(_export(source, include_unreviewed=True))
    data["stories"][0]["claims"][0]["evidence"] = [{"id": "e1", "url": "mailto:desk@news.example"}]
    target = Repository(tmp_path / "target")
    restore_export(target, _write(tmp_path, data))
    assert target.get_claim(data["stories"][0]["claims"][0]["id"]).evidence[0].url == "mailto:desk@news.example"


def test_a_restore_that_fails_halfway_is_undone_and_can_be_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    backup = tmp_path / "backup.json"
    backup.write_text(_export(source, include_unreviewed=True), encoding="utf-8")
    target = Repository(tmp_path / "target")
    restore_story = Repository.restore_story
    calls = []

    def disk_full_on_the_last(self: Repository, story, claims) -> None:
        calls.append(story.id)
        if len(calls) == 3:
            raise SaveFailedError(self.layout.story(story.id), "No space left on device")
        restore_story(self, story, claims)

    monkeypatch.setattr(Repository, "restore_story", disk_full_on_the_last)
    with pytest.raises(StorageError, match="restore stopped and was undone, the database is as it was"):
        restore_export(target, backup)
    assert target.story_ids() == [] and target.list_stories() == [] and list(target.iter_digests()) == []
    monkeypatch.undo()
    assert len(restore_export(target, backup).story_ids) == 3


def test_a_backup_holding_a_script_link_is_refused(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source)
    backup = _write(tmp_path, json.loads(_export(source, include_unreviewed=True)))
    target = Repository(tmp_path / "target")
    with pytest.raises(InputError, match=r"evidence e2: 'javascript:alert\(2\)' is not a web address"):
        restore_export(target, backup)
    assert target.story_ids() == []
