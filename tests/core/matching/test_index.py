from __future__ import annotations

import threading

import pytest

from factcheck_tui.core.config import Matching
from factcheck_tui.core.matching import Level, MatchIndex, MatchingCancelled, cache, scoring
from factcheck_tui.core.matching.cache import cache_path
from factcheck_tui.core.models import ClaimDigest
from factcheck_tui.core.review import set_verdict
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage import Repository


def ids(matches) -> list[str]:
    return [match.claim_id for match in matches]


def test_reworded_claim_finds_the_archived_check_first(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    index = MatchIndex.open(repo)
    matches = index.search("Last year the city council cut 3% of the library's budget")
    assert matches[0].claim_id == archived[0].id
    top = matches[0]
    assert top.level is Level.LIKELY and 0.0 <= top.score <= 1.0
    assert (top.verdict, top.archive, top.story_title, top.review_title) == ("False", True, "Checks archive", archived[0].review_title)
    assert top.published is not None and top.published.isoformat() == "2024-05-01"
    assert story_a[0].id in ids(matches)


def test_similar_to_leaves_out_the_claim_and_its_own_story(newsroom) -> None:
    repo, archived, story_a, story_b = newsroom
    index = MatchIndex.open(repo)
    matches = index.similar_to(story_a[0].id)
    assert set(ids(matches[:3])) == {archived[0].id, story_b[0].id}
    assert not {claim.id for claim in story_a} & set(ids(matches))


def test_unrelated_text_matches_nothing(newsroom) -> None:
    repo, *_ = newsroom
    assert MatchIndex.open(repo).search("Zebras at the zoo learned to paint watercolours") == []


def test_short_texts_do_not_match_on_one_shared_word(newsroom, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, archived, story_a, _ = newsroom
    index = MatchIndex.open(repo, Matching(possible=0.5, likely=0.8))
    # "moose" is the rarest word of the archived claim, yet two words are not that claim...
    assert index.search("moose spotted") == []
    monkeypatch.setattr(scoring, "SHORT_TEXT_WORDS", 0)
    assert ids(index.search("moose spotted"))[:1] == [archived[2].id], "the guard is what held it back"
    monkeypatch.undo()
    # ...while a short text that says what a short claim or a headline says still matches it.
    assert ids(index.search("Moose in the mall"))[:1] == [archived[2].id]
    assert ids(index.search("Voting closes 8 pm Thursday"))[:1] == [story_a[3].id]


def test_thresholds_decide_the_level(newsroom) -> None:
    repo, archived, *_ = newsroom
    query = "Harwick to Lunden ferry tickets double in price in March"
    strict = MatchIndex.open(repo, Matching(possible=0.99, likely=0.995)).search(query)
    assert strict == []
    scored = MatchIndex.open(repo, Matching(possible=0.0, likely=1.0)).search(query)
    assert scored[0].claim_id == archived[1].id and scored[0].level is Level.POSSIBLE
    score = scored[0].score
    lenient = MatchIndex.open(repo, Matching(possible=score - 0.01, likely=score)).search(query)
    assert lenient[0].level is Level.LIKELY


def test_index_follows_an_edit_through_update(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    index = MatchIndex.open(repo)
    target = story_a[2]  # "The festival drew a large crowd."
    edited = repo.update_claim(target.id, lambda claim: claim.model_copy(update={"text": "Unemployment in the northern region dropped to 4% in June."}), "tester")
    assert target.id not in ids(index.search("northern unemployment fell to four per cent in June"))
    index.update(ClaimDigest.of(repo.get_story(edited.story_id), edited))
    assert target.id in ids(index.search("northern unemployment fell to four per cent in June"))
    assert index.remove(target.id)
    assert target.id not in ids(index.search("northern unemployment fell to four per cent in June"))


def test_saves_by_another_process_are_seen_as_stale_and_refreshed(newsroom, db_path) -> None:
    repo, archived, story_a, _ = newsroom
    index = MatchIndex.open(repo)
    assert not index.is_stale()
    other = Repository(db_path)
    set_verdict(other, story_a[0].id, "False", scale=DEFAULT_SCALE, actor="colleague")
    assert index.is_stale()
    assert index.refresh() == 1
    assert not index.is_stale()
    assert next(match for match in index.similar_to(archived[0].id) if match.claim_id == story_a[0].id).verdict == "False"


def test_cache_is_written_and_loaded_with_changes_since(newsroom, db_path) -> None:
    repo, archived, story_a, _ = newsroom
    MatchIndex.open(repo)
    assert cache_path(repo.layout.cache).exists()
    repo.update_claim(story_a[3].id, lambda claim: claim.model_copy(update={"dismissed": True}), "tester")
    reopened = MatchIndex.open(Repository(db_path))
    assert len(reopened) == len(archived) + 6
    assert story_a[3].id not in ids(reopened.search("Voting closes at 8 p.m. on Thursday."))


def test_a_damaged_cache_is_rebuilt(newsroom) -> None:
    repo, archived, *_ = newsroom
    MatchIndex.open(repo)
    cache_path(repo.layout.cache).write_bytes(b"not an index")
    assert MatchIndex.open(repo).search(archived[4].text)[0].claim_id == archived[4].id


def test_build_can_be_cancelled(newsroom) -> None:
    repo, *_ = newsroom
    stop = threading.Event()
    stop.set()
    with pytest.raises(MatchingCancelled):
        MatchIndex.open(repo, cancel=stop)
    with pytest.raises(MatchingCancelled):
        MatchIndex.open(repo, cancel=lambda: True)


def test_clusters_group_the_stories_where_a_claim_recurs(newsroom) -> None:
    repo, archived, story_a, story_b = newsroom
    index = MatchIndex.open(repo)
    found = index.clusters()
    budget = next(cluster for cluster in found if archived[0].id in {member.claim_id for member in cluster.members})
    assert {member.claim_id for member in budget.members} == {archived[0].id, story_a[0].id, story_b[0].id}
    assert budget.story_ids == sorted({archived[0].story_id, story_a[0].story_id, story_b[0].story_id})
    assert budget.verdicts == ["False"]
    assert [cluster.members for cluster in index.clusters(story_b[0].story_id)] == [
        cluster.members for cluster in found if story_b[0].story_id in cluster.story_ids
    ]


def test_a_cache_of_the_wrong_shape_is_rebuilt(newsroom) -> None:
    repo, archived, *_ = newsroom
    MatchIndex.open(repo)
    cache.save(repo.layout.cache, {"shards": {}, "index": {"rows": [("only", "two")]}})
    assert MatchIndex.open(repo).search(archived[4].text)[0].claim_id == archived[4].id
