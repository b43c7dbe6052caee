"""Deciding on suggested duplicates through the workflow both front ends call (core/workflow/duplicates.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from factcheck_tui.core.errors import InputError, StaleWriteError
from factcheck_tui.core.matching.results import Decision, LinkDecision
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import duplicates
from factcheck_tui.core.workflow.review import add_evidence, set_verdict


def stored(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*.json"))}


def test_an_earlier_check_says_when_where_and_by_whom(newsroom) -> None:
    repo, archived, _, story_b = newsroom
    past = duplicates.earlier_check(repo, archived[0].id)
    assert past.archive and past.checked_on == date(2024, 5, 1) and past.rated is None
    assert (past.story.title, past.claim.conclusion) == ("Checks archive", "Our check found the claim false.")

    set_verdict(repo, story_b[1].id, "True", scale=DEFAULT_SCALE, actor="ben")
    add_evidence(repo, story_b[1].id, url="https://zoo.example/moose", source="Zoo", note="", actor="ben")
    ours = duplicates.earlier_check(repo, story_b[1].id)
    assert not ours.archive and ours.rated is not None and ours.rated.by == "ben"
    assert ours.checked_on == ours.rated.at.date()
    assert (ours.story.title, [item.source for item in ours.claim.evidence]) == ("Council critics", ["Zoo"])
    # A claim deleted since it was listed is left out, not an error.
    assert list(duplicates.earlier_checks(repo, [story_b[1].id, f"{story_b[1].story_id}-99"])) == [story_b[1].id]


def test_link_and_copy_come_together_and_a_refused_copy_writes_nothing(newsroom, db_path: Path) -> None:
    repo, archived, story_a, _ = newsroom
    set_verdict(repo, story_a[0].id, "True", scale=DEFAULT_SCALE, actor="ben")
    before = stored(db_path)
    with pytest.raises(StaleWriteError):
        duplicates.link(repo, story_a[0].id, archived[0].id, actor="ana", copy=True, expected_version=1)
    assert stored(db_path) == before

    change = duplicates.link(repo, story_a[0].id, archived[0].id, actor="ana", copy=True, score=0.93)
    assert change.previous is None and change.decision is not None
    assert (change.decision.decision, change.decision.by, change.decision.score) == (Decision.CONFIRMED, "ana", 0.93)
    assert change.copied is not None and (change.copied.verdict, change.copied.copied_from) == ("False", archived[0].id)
    assert repo.links.get(archived[0].id, story_a[0].id) == change.decision

    only_link = duplicates.link(repo, story_a[1].id, archived[1].id, actor="ana")
    assert only_link.copied is None and repo.get_claim(story_a[1].id).verdict is None


def test_a_rejection_is_listed_with_who_when_and_why_and_can_be_taken_back(newsroom, db_path: Path) -> None:
    repo, archived, story_a, _ = newsroom
    claim_id, other_id = story_a[0].id, archived[0].id
    index = MatchIndex.open(repo)
    assert other_id in [match.claim_id for match in index.similar_to(claim_id)]
    assert duplicates.rejected_candidates(repo, claim_id) == []

    rejected = duplicates.reject(repo, claim_id, other_id, actor="ana", score=0.88, note="another year's budget")
    assert rejected.previous is None
    assert other_id not in [match.claim_id for match in index.similar_to(claim_id)]
    # Whichever side asks, from another process reading links.json.
    [listed] = duplicates.rejected_candidates(Repository(db_path), other_id.upper())
    assert listed.other_id == claim_id
    assert (listed.decision.by, listed.decision.note, listed.decision.score) == ("ana", "another year's budget", 0.88)
    [listed] = duplicates.rejected_candidates(repo, claim_id)
    assert listed.other_id == other_id and listed.earlier.archive

    restored = duplicates.restore(repo, claim_id, other_id)
    assert restored.decision is None and restored.previous == rejected.decision
    assert repo.links.all() == []
    assert other_id in [match.claim_id for match in index.similar_to(claim_id)]
    assert duplicates.rejected_candidates(repo, claim_id) == []


def test_only_a_rejection_can_be_taken_back(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    with pytest.raises(InputError, match="were never rejected"):
        duplicates.restore(repo, story_a[0].id, archived[0].id)
    duplicates.link(repo, story_a[0].id, archived[0].id, actor="ana")
    with pytest.raises(InputError, match="are linked as the same claim"):
        duplicates.restore(repo, story_a[0].id, archived[0].id)


def test_the_latest_rejection_is_listed_first(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    claim_id = story_a[0].id
    repo.links.restore(
        [
            LinkDecision(claim_id=claim_id, other_id=archived[2].id, decision=Decision.REJECTED, by="ana", at=at(9)),
            LinkDecision(claim_id=claim_id, other_id=archived[0].id, decision=Decision.REJECTED, by="ben", at=at(11)),
            LinkDecision(claim_id=claim_id, other_id=archived[1].id, decision=Decision.CONFIRMED, by="ana", at=at(12)),
        ]
    )
    listed = duplicates.rejected_candidates(repo, claim_id)
    assert [(candidate.other_id, candidate.decision.by) for candidate in listed] == [
        (archived[0].id, "ben"),
        (archived[2].id, "ana"),
    ]


def at(hour: int) -> datetime:
    return datetime(2026, 3, 2, hour, tzinfo=UTC)
