"""The JSON export is a backup: restoring it into an empty database and exporting again is lossless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.errors import InputError
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
    build_export_newsroom(source)
    exported = _export(source, **options)
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")

    restored = Repository(tmp_path / "restored")
    result = restore_export(restored, backup)

    assert _export(restored, **options).encode("utf-8") == exported.encode("utf-8")
    assert result.story_ids == [entry["story"]["id"] for entry in json.loads(exported)["stories"]]


def test_a_complete_backup_restores_every_record_exactly(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source)
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
    build_export_newsroom(source)
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
    build_export_newsroom(source)
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
    build_export_newsroom(source)
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
    from factcheck_tui.core.matching.links import LinkStore

    source = Repository(tmp_path / "source")
    build_export_newsroom(source)
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
