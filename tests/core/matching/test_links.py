from __future__ import annotations

import pytest

from factcheck_tui.core.errors import InputError, NotFoundError, StaleWriteError
from factcheck_tui.core.matching.copying import copy_verdict
from factcheck_tui.core.matching.results import Decision
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.link_decisions import LinkStore
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.review import set_verdict, undo


def test_a_rejected_pair_is_never_suggested_again(newsroom, db_path) -> None:
    repo, archived, story_a, story_b = newsroom
    index = MatchIndex.open(repo)
    assert archived[0].id in [match.claim_id for match in index.similar_to(story_a[0].id)]
    decision = LinkStore(repo).reject(story_a[0].id, archived[0].id, actor="ana", note="different budget")
    assert (decision.decision, decision.by, decision.note) == (Decision.REJECTED, "ana", "different budget")
    assert archived[0].id not in [match.claim_id for match in index.similar_to(story_a[0].id)]
    # Whichever side asks, and in a fresh process reading links.json.
    reopened = MatchIndex.open(Repository(db_path))
    assert story_a[0].id not in [match.claim_id for match in reopened.similar_to(archived[0].id)]
    assert story_b[0].id in [match.claim_id for match in reopened.similar_to(archived[0].id)]


def test_a_confirmed_pair_is_marked_and_kept_with_who_and_when(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    links = LinkStore(repo)
    links.confirm(story_a[1].id, archived[1].id, actor="ben", score=0.81)
    stored = LinkStore(repo).get(archived[1].id, story_a[1].id)
    assert stored is not None and (stored.decision, stored.by, stored.score) == (Decision.CONFIRMED, "ben", 0.81)
    assert stored.at is not None
    top = MatchIndex.open(repo).similar_to(story_a[1].id)[0]
    assert (top.claim_id, top.confirmed) == (archived[1].id, True)


def test_a_later_decision_overturns_an_earlier_one(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    links = LinkStore(repo)
    links.reject(story_a[0].id, archived[0].id, actor="ana")
    links.confirm(archived[0].id, story_a[0].id, actor="ben")
    assert [(link.decision, link.by) for link in links.for_claim(story_a[0].id)] == [(Decision.CONFIRMED, "ben")]


def test_two_writers_both_keep_their_decisions(newsroom, db_path) -> None:
    repo, archived, story_a, story_b = newsroom
    first, second = LinkStore(repo), LinkStore(Repository(db_path))
    first.all()
    second.all()
    first.confirm(story_a[0].id, archived[0].id, actor="ana")
    second.reject(story_b[1].id, archived[0].id, actor="ben")
    assert len(LinkStore(Repository(db_path)).all()) == 2


def test_links_need_two_existing_different_claims(newsroom) -> None:
    repo, _archived, story_a, _ = newsroom
    with pytest.raises(InputError, match="cannot be linked to itself"):
        LinkStore(repo).confirm(story_a[0].id, story_a[0].id.upper(), actor="ana")
    with pytest.raises(NotFoundError):
        LinkStore(repo).confirm(story_a[0].id, f"{story_a[0].story_id}-99", actor="ana")


def test_confirm_and_copy_sets_verdict_evidence_and_back_link_with_history(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    source = archived[0]
    target = story_a[0]
    copied = copy_verdict(repo, target.id, source.id, actor="ana", expected_version=target.version)
    assert (copied.verdict, copied.copied_from, copied.reviewer) == ("False", source.id, "ana")
    assert copied.conclusion == source.conclusion
    assert [item.url for item in copied.evidence] == [source.review_url]
    fields = {change.field for change in copied.history if change.version == copied.version}
    assert {"verdict", "conclusion", "evidence", "copied_from"} <= fields
    assert all(
        change.note == f"copied from {source.id}" for change in copied.history if change.version == copied.version
    )
    assert repo.get_claim(target.id).copied_from == source.id
    reverted = undo(repo, target.id, copied.version, actor="ana")
    assert (reverted.verdict, reverted.copied_from, reverted.evidence) == (None, None, [])


def test_copy_refuses_a_stale_target_and_a_source_without_verdict(newsroom) -> None:
    repo, archived, story_a, story_b = newsroom
    set_verdict(repo, story_a[0].id, "True", scale=DEFAULT_SCALE, actor="ben")
    with pytest.raises(StaleWriteError):
        copy_verdict(repo, story_a[0].id, archived[0].id, actor="ana", expected_version=1)
    with pytest.raises(InputError, match="has no verdict to copy"):
        copy_verdict(repo, story_a[1].id, story_b[0].id, actor="ana")


def _groups(index: MatchIndex, story_id: str | None = None) -> list[set[str]]:
    return [{member.claim_id for member in cluster.members} for cluster in index.clusters(story_id)]


def test_a_rejected_pair_never_shares_a_cluster_through_a_third_claim_or_a_copy_in_the_same_words(newsroom) -> None:
    repo, archived, story_a, story_b = newsroom
    check, said_in_a, said_in_b = archived[0].id, story_a[0].id, story_b[0].id
    # Without a decision, story B's budget claim recurs with the archive's check and story A's.
    assert {check, said_in_a, said_in_b} in _groups(MatchIndex.open(repo))
    LinkStore(repo).reject(said_in_b, check, actor="ana")
    index = MatchIndex.open(repo)
    for story_id in (None, story_a[0].story_id, story_b[0].story_id):
        groups = _groups(index, story_id)
        assert not any({check, said_in_b} <= members for members in groups), (story_id, groups)
    # Story A's claim still recurs, with the check.
    assert {check, said_in_a} in _groups(index)
    assert {check, said_in_a} in _groups(index, story_a[0].story_id)

    # Story B again, updated (one word of another sentence changed): its budget claim in the same
    # words is the pair the reviewer rejected, and stays out of the check's cluster too.
    texts = [story_b[0].text.upper(), story_b[1].text.replace("strolling", "walking")]
    claims = [Claim(id="", story_id="", number=0, text=text, checkworthy=True) for text in texts]
    updated, (again, _) = repo.add_story(
        Story(id="", title="Council critics", body=" ".join(texts), outlet="Post"), claims, "tester"
    )
    said_again, index = again.id, MatchIndex.open(repo)
    for story_id in (None, updated.id, story_b[0].story_id):
        groups = _groups(index, story_id)
        assert not any(check in members and {said_in_b, said_again} & members for members in groups), groups
    assert any({said_in_b, said_again} <= members for members in _groups(index))
