from __future__ import annotations

import math
import threading

import pytest

from factcheck_tui.core.config import Matching
from factcheck_tui.core.matching import index as index_module
from factcheck_tui.core.matching import similarity
from factcheck_tui.core.matching.cancel import MatchingCancelled
from factcheck_tui.core.matching.results import Level
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import ClaimDigest
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage import index_cache as cache
from factcheck_tui.core.storage.index_cache import cache_path
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.review import set_verdict


def ids(matches) -> list[str]:
    return [match.claim_id for match in matches]


def test_reworded_claim_finds_the_archived_check_first(newsroom) -> None:
    repo, archived, story_a, _ = newsroom
    index = MatchIndex.open(repo)
    matches = index.search("Last year the city council cut 3% of the library's budget")
    assert matches[0].claim_id == archived[0].id
    top = matches[0]
    assert top.level is Level.LIKELY and 0.0 <= top.score <= 1.0
    assert (top.verdict, top.archive, top.story_title, top.review_title) == (
        "False",
        True,
        "Checks archive",
        archived[0].review_title,
    )
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
    index = MatchIndex.open(repo, Matching(possible=0.7, likely=0.9))
    # "moose" is the rarest word of the archived claim, yet two words are not that claim...
    assert index.search("moose spotted") == []
    assert index.search("Riverton stadium") == []
    monkeypatch.setattr(similarity, "SHORT_TEXT_WORDS", 0)
    assert ids(index.search("Riverton stadium"))[:1] == [archived[5].id], "the guard is what held it back"
    monkeypatch.undo()
    # ...while a short text that says what a short claim or a headline says still matches it.
    shown = MatchIndex.open(repo)
    assert ids(shown.search("Moose in the mall"))[:1] == [archived[2].id]
    assert ids(shown.search("Voting closes 8 pm Thursday"))[:1] == [story_a[3].id]


def test_three_rare_words_the_claim_says_whole_are_judged_like_any_claim(
    newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A headline-like "Reyes bans straws" names someone and what she did, in rare words the
    # archived claim says every one of; the short-text guard is for "moose spotted".
    repo, archived, *_ = newsroom
    index = MatchIndex.open(repo)
    found = index.search("Reyes bans straws")
    assert ids(found)[:1] == [archived[3].id] and found[0].level is Level.LIKELY
    monkeypatch.setattr(index_module, "SAID_WHOLE_WORDS", 4)
    guarded = {match.claim_id: match for match in index.search("Reyes bans straws")}
    assert archived[3].id not in guarded or guarded[archived[3].id].level is not Level.LIKELY, "the guard held it back"


def test_thresholds_decide_the_level(newsroom) -> None:
    repo, archived, *_ = newsroom
    query = "Harwick Lunden ferry fares go up in March"
    scored = MatchIndex.open(repo, Matching(possible=0.0, likely=1.0)).search(query)
    top = scored[0]
    assert top.claim_id == archived[1].id and top.level is Level.POSSIBLE and 0.0 < top.score < 1.0
    strict = MatchIndex.open(repo, Matching(possible=math.nextafter(top.score, 1.0), likely=1.0)).search(query)
    assert top.claim_id not in ids(strict)
    lenient = MatchIndex.open(repo, Matching(possible=top.score - 0.01, likely=top.score)).search(query)
    assert lenient[0].claim_id == top.claim_id and lenient[0].level is Level.LIKELY


def test_index_follows_an_edit_through_update(newsroom) -> None:
    repo, _archived, story_a, _ = newsroom
    index = MatchIndex.open(repo)
    target = story_a[2]  # "The festival drew a large crowd."
    edited = repo.update_claim(
        target.id,
        lambda claim: claim.model_copy(update={"text": "Unemployment in the northern region dropped to 4% in June."}),
        "tester",
    )
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
    assert (
        next(match for match in index.similar_to(archived[0].id) if match.claim_id == story_a[0].id).verdict == "False"
    )


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
    budget = {archived[0].id, story_a[0].id}
    strict = MatchIndex.open(repo, Matching(possible=0.5, likely=0.97))
    assert [
        {member.claim_id for member in cluster.members}
        for cluster in strict.clusters()
        if budget & {m.claim_id for m in cluster.members}
    ] == [budget]
    # "trimmed library spending by 3%" says it in other words ("trimmed"/"cut", "spending"/
    # "budget"): at the default "likely" mark it joins, under a stricter one it does not.
    index = MatchIndex.open(repo)
    found = index.clusters()
    cluster = next(cluster for cluster in found if archived[0].id in {member.claim_id for member in cluster.members})
    assert {member.claim_id for member in cluster.members} == budget | {story_b[0].id}
    assert cluster.story_ids == sorted({archived[0].story_id, story_a[0].story_id, story_b[0].story_id})
    assert cluster.verdicts == ["False"]
    # Story B's claims recur in two clusters (the budget, and the moose filmed in Ostbury).
    assert sorted(ids(cluster.members) for cluster in index.clusters(story_b[0].story_id)) == sorted(
        ids(cluster.members) for cluster in found if story_b[0].story_id in cluster.story_ids
    )


def test_the_cluster_pass_reports_its_progress_and_stops_when_asked(newsroom) -> None:
    repo, _archived, story_a, story_b = newsroom
    index = MatchIndex.open(repo, vectors=False)
    seeds = len(story_a) + len(story_b)
    heard: list[tuple[int, int]] = []
    index.clusters(progress=lambda done, total: heard.append((done, total)))
    assert heard[0] == (0, seeds) and heard[-1] == (seeds, seeds)
    assert [done for done, _ in heard] == sorted({done for done, _ in heard})
    # Cancelling is heard before every claim, not a batch of them later.
    asked: list[bool] = []
    index.clusters(cancel=lambda: asked.append(True) or False)
    assert len(asked) >= seeds
    with pytest.raises(MatchingCancelled):
        index.clusters(cancel=lambda: True)


def test_a_cache_of_the_wrong_shape_is_rebuilt(newsroom) -> None:
    repo, archived, *_ = newsroom
    MatchIndex.open(repo)
    cache.save(repo.layout.cache, {"shards": {}, "index": {"rows": [("only", "two")]}})
    assert MatchIndex.open(repo).search(archived[4].text)[0].claim_id == archived[4].id


def test_editing_claims_again_and_again_does_not_fade_their_matches(tmp_path) -> None:
    from factcheck_tui.core.intake.articles import read_article
    from factcheck_tui.core.intake.story_import import import_story
    from factcheck_tui.core.matching.service import MatchIndex
    from factcheck_tui.core.models import ClaimDigest
    from factcheck_tui.core.scale import DEFAULT_SCALE
    from factcheck_tui.core.storage.repository import Repository
    from factcheck_tui.core.workflow import review
    from support.paths import FIXTURES

    repo = Repository(tmp_path / "db")
    stories = {
        name: import_story(repo, read_article(str(FIXTURES / name)), actor="ana")
        for name in ("port-strike.txt", "port-strike-week-two.txt", "council-budget.txt")
    }
    first, first_claims = stories["port-strike.txt"]
    second, second_claims = stories["port-strike-week-two.txt"]
    claim = next(c for c in first_claims if "$95 million a day" in c.text)
    other = next(c for c in second_claims if "$95 million every day" in c.text)
    index = MatchIndex.open(repo, save=False)
    before = [(match.claim_id, round(match.score, 3)) for match in index.similar_to(other.id)]
    assert before and before[0][0] == claim.id
    for turn in range(40):
        for story, target in ((first, claim), (second, other)):
            saved = review.set_verdict(repo, target.id, DEFAULT_SCALE.names[turn % 5], scale=DEFAULT_SCALE, actor="ana")
            index.update(ClaimDigest.of(story, saved))
    assert [(match.claim_id, round(match.score, 3)) for match in index.similar_to(other.id)] == before
