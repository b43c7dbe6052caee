"""The desk's core: bulk edits per story, queue order, approvals, summaries and backups."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.core.config import Config, load_config
from factcheck_tui.core.errors import ConfigError, InputError, WorkflowError
from factcheck_tui.core.export import ExportOptions, export_report
from factcheck_tui.core.interchange.restore import restore_export
from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.doctor import check_database
from factcheck_tui.core.storage.documents import CATALOG_TABLE
from factcheck_tui.core.storage.jsonstore import read_json_file
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import desk, review
from factcheck_tui.core.workflow.history import describe_change
from support.newsrooms import build_export_newsroom


def test_a_bulk_change_takes_one_lock_and_one_write_per_story(repo: Repository, strike_story, monkeypatch) -> None:
    story, claims = strike_story
    opened: list[str] = []
    real = repo.transaction

    def counting(story_id: str, actor: str):
        opened.append(story_id)
        return real(story_id, actor)

    monkeypatch.setattr(repo, "transaction", counting)
    saved = desk.assign(repo, claims[:6], "Ana", actor="ed")
    assert opened == [story.id]
    assert [claim.id for claim in saved] == [claim.id for claim in claims[:6]]
    assert all(claim.assignee == "Ana" and claim.version == 2 for claim in saved)


def test_a_bulk_change_on_a_claim_changed_meanwhile_is_refused(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    review.set_verdict(repo, claims[1].id, "False", scale=DEFAULT_SCALE, actor="ben")
    with pytest.raises(Exception, match="was changed by ben"):
        desk.assign(repo, claims[:3], "Ana", actor="ed", expected=True)
    assert [claim.assignee for claim in repo.list_claims(claims[0].story_id)[:3]] == [None, None, None]


def test_the_queue_order_is_work_under_way_then_fresh_then_waiting(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    worthy = [claim for claim in claims if claim.checkworthy][:4]
    desk.assign(repo, worthy, "ana", actor="ed")
    review.set_verdict(repo, worthy[2].id, "False", scale=DEFAULT_SCALE, actor="ana")
    review.set_status(repo, worthy[3].id, Status.NEEDS_SECOND_REVIEW, actor="ana")
    fresh = sorted(worthy[:2], key=lambda claim: -claim.score)
    assert [claim.id for claim in desk.queue(repo, "  ANA ")] == [worthy[2].id, *[c.id for c in fresh], worthy[3].id]
    review.set_status(repo, worthy[2].id, Status.DONE, actor="ana")
    assert worthy[2].id not in [claim.id for claim in desk.queue(repo, "ana")]


def test_a_new_verdict_withdraws_an_approval(repo: Repository, strike_story) -> None:
    claim_id = strike_story[1][3].id
    review.set_verdict(repo, claim_id, "False", scale=DEFAULT_SCALE, actor="ana")
    review.set_status(repo, claim_id, Status.NEEDS_SECOND_REVIEW, actor="ana")
    approved = desk.approve(repo, claim_id, actor="ben")
    assert (approved.status, approved.approved_by) == (Status.DONE, "ben")
    with pytest.raises(WorkflowError, match="only a claim marked Needs second review"):
        desk.approve(repo, claim_id, actor="cy")
    changed = review.set_verdict(repo, claim_id, "True", scale=DEFAULT_SCALE, actor="ana")
    assert (changed.status, changed.approved_by, changed.approved_at) == (Status.NEEDS_SECOND_REVIEW, None, None)
    # Undoing the change brings the approval back with the old verdict.
    undone = review.undo(repo, claim_id, changed.version, actor="ana")
    assert (undone.verdict, undone.status, undone.approved_by) == ("False", Status.DONE, "ben")
    assert undone.approved_at == approved.approved_at


def test_the_story_summary_names_assignees_and_who_changed_it_last(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    desk.assign(repo, claims[3:5], "Ben", actor="ed")
    desk.assign(repo, claims[5:6], "ana", actor="ed")
    review.set_verdict(repo, claims[5].id, "False", scale=DEFAULT_SCALE, actor="cy")
    summary = repo.list_stories()[0]
    assert (summary.assignees, summary.updated_by) == (["ana", "Ben"], "cy")
    desk.assign(repo, claims[5:6], None, actor="ed")
    summary = repo.list_stories()[0]
    assert (summary.assignees, summary.updated_by) == (["Ben"], "ed")


def test_desk_names_come_from_the_config_then_the_archive(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    desk.assign(repo, claims[3:4], "Dee", actor="ed")
    config = Config(reviewer="tester", desk={"reviewers": ["Ben", "Ana"]})
    assert desk.desk_names(repo, config) == ["Ben", "Ana", "Dee", "ed", "tester"]


def test_history_describes_tags_and_notes(repo: Repository, strike_story) -> None:
    claim = strike_story[1][3]
    desk.add_tag(repo, [claim], "Port Strike", actor="ana")
    saved = desk.set_notes(repo, claim.id, "  ask the harbour master ", actor="ana")
    assert [describe_change(change) for change in saved.history[-2:]] == [
        "tags: — → port-strike",
        "notes: — → ask the harbour master",
    ]
    with pytest.raises(InputError, match="is not a tag"):
        desk.add_tag(repo, [claim], " , ", actor="ana")


def test_a_backup_with_desk_fields_restores_byte_for_byte(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source, script_link=False)
    story_id = source.story_ids()[0]
    claims = source.list_claims(story_id)
    rated = next(claim for claim in claims if claim.verdict)
    desk.assign(source, claims[:2], "Ana", actor="ed")
    desk.add_tag(source, claims[:2], "urgent", actor="ed")
    desk.set_notes(source, claims[0].id, "Internal: call back Tuesday", actor="ana")
    review.set_status(source, rated.id, Status.NEEDS_SECOND_REVIEW, actor="ana")
    desk.approve(source, rated.id, actor="ben")
    options = ExportOptions.parse(format="json", include_unreviewed=True)
    config = Config(reviewer="tester")
    exported = export_report(source, config, options)
    assert '"approved_by": "ben"' in exported and "call back Tuesday" in exported
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")
    restored = Repository(tmp_path / "restored")
    restore_export(restored, backup)
    assert export_report(restored, config, options).encode() == exported.encode()
    assert restored.list_claims(story_id) == source.list_claims(story_id)


def test_summaries_written_before_the_desk_fields_are_not_out_of_date(repo: Repository, strike_story) -> None:
    story, _ = strike_story
    path = repo.layout.catalog_shard(story.id)
    data = read_json_file(path)
    for row in data[CATALOG_TABLE].values():
        del row["assignees"], row["updated_by"]
    path.write_text(__import__("json").dumps(data))
    assert check_database(repo.root).healthy
    data[CATALOG_TABLE][story.id]["assignees"] = ["someone"]
    path.write_text(__import__("json").dumps(data))
    assert not check_database(repo.root).healthy


def test_saved_filters_are_checked_when_the_config_loads(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[filters.hot]\nstatus = "Finished"\n')
    with pytest.raises(ConfigError, match="unknown status 'Finished'"):
        load_config(path)
    path.write_text('[filters.hot]\nverdict = ["False", "Pants on fire"]\n')
    with pytest.raises(ConfigError, match="filters.hot.verdict: unknown verdict 'Pants on fire'"):
        load_config(path)
    path.write_text('[workflow]\nsecond_review = true\n[filters.hot]\ntag = "urgent"\n')
    config, _ = load_config(path)
    assert config.workflow.second_review and config.filters["hot"].tag == ["urgent"]
