"""Two newsroom claims are a likely duplicate only when they make the same claim.

The newsroom model (``same_claim``) reads pairs with the real sentence model's vectors; the
pairs here are our own writing and in none of the sets it learnt from. Then the whole index: two
newsroom claims that only share a subject stop being likely, a repeated quotation is likely from
either side, a reworded one is at least possible and found first, and a past check is scored as
before.
"""

from __future__ import annotations

import pytest

from factcheck_tui.core.matching import same_claim
from factcheck_tui.core.matching.same_claim import FEATURE_NAMES, judged, load_model
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage.repository import Repository

from .conftest import add

LIKELY, POSSIBLE = same_claim.DEFAULT_LIKELY, 0.5


def test_the_model_file_loads_with_a_weight_for_every_feature_and_a_threshold() -> None:
    model = load_model()
    assert len(model.weights) == len(FEATURE_NAMES)
    assert 0.0 < model.threshold < 1.0
    # The re-ranker's score is evidence for the pair; a name only one side gives is against it.
    weights = dict(zip(FEATURE_NAMES, model.weights, strict=True))
    assert weights["score"] > 0
    assert weights["names_differ"] < 0


@pytest.mark.parametrize("score", [0.55, 0.9, 1.0])
def test_a_rejected_pair_is_below_likely_but_stays_possible(score: float) -> None:
    capped = judged(score, chance=0.1, threshold=0.6, likely=LIKELY, possible=POSSIBLE)
    assert POSSIBLE <= capped < LIKELY
    assert capped <= score


def test_an_accepted_pair_is_likely_and_surer_pairs_score_higher() -> None:
    unsure = judged(0.6, chance=0.61, threshold=0.6, likely=LIKELY, possible=POSSIBLE)
    sure = judged(0.6, chance=0.99, threshold=0.6, likely=LIKELY, possible=POSSIBLE)
    assert LIKELY <= unsure < sure <= 1.0
    assert judged(0.97, chance=0.61, threshold=0.6, likely=LIKELY, possible=POSSIBLE) == 0.97
    # A reviewer who asks more of "likely" gets it only from a surer model.
    assert judged(0.6, chance=0.61, threshold=0.6, likely=0.97, possible=POSSIBLE) < 0.97


def test_features_are_named_and_read_what_the_sentences_say() -> None:
    def features(first: str, second: str) -> dict[str, float]:
        values = same_claim.pair_features(
            same_claim.Sentence.of(first), same_claim.Sentence.of(second), 0.9, lambda term: 1.0
        )
        return dict(zip(FEATURE_NAMES, values, strict=True))

    swapped = features("The hospital laid off 120 cleaners in June.", "The hospital laid off 120 surgeons in June.")
    assert swapped["swapped"] > 0
    owned = features("Lindgren's video was taken down on Friday.", "The video was taken down on Friday.")
    assert owned["owner_differs"] == 1.0
    denied = features("The mill has never closed on a weekday.", "The mill has closed on a weekday.")
    assert denied["negation_differs"] == 1.0
    same = features("The mill has never closed on a weekday.", "The mill has never closed on a weekday.")
    assert same["swapped"] == 0 and same["explained_least"] == 1.0


def test_who_said_it_and_when_is_read_apart_from_what_is_claimed() -> None:
    quoted = same_claim.Sentence.of(
        '"We have hired 300 teachers," Mayor Dahl said on Monday as she opened the Budget Committee\'s session.'
    )
    assert {"dahl", "monday", "committe"} <= quoted.speakers
    assert quoted.names == () and quoted.owners == frozenset()
    # One who opens the sentence may own what is claimed.
    assert same_claim.Sentence.of("Chen's post says the dam broke.").owners == {"chen"}


SUBJECT_SHARED = (
    "Councillor Haugen's newsletter says the pool will close for two years.",
    "The newsletter was mailed to 40,000 homes last week.",
)
NEAR_MISS = (
    "The union says 6,000 nurses will strike on Friday.",
    "The union says 6,000 porters will strike on Friday.",
)
RESTATED = (
    '"We have planted 10,000 trees since I took office," Mayor Okonjo said.',
    "Okonjo said the city has planted 10,000 trees since she became mayor.",
)
REPEATED = (
    '"We have hired 300 teachers this year," Mayor Dahl said on Monday at the Budget Committee.',
    '"We have hired 300 teachers this year," Dahl said.',
)


SAID = "The ferry company raised fares by 30 percent in April."
ASKED = (
    "Did the ferry company raise fares by 30 percent in April?",
    "We wanted to find out whether the ferry company raised fares by 30 percent in April.",
)


@pytest.mark.parametrize("question", ASKED)
def test_a_question_is_not_likely_the_claim_it_asks_about(repo: Repository, question: str) -> None:
    _, (*_, said) = add(repo, "Pool", [SUBJECT_SHARED[0], NEAR_MISS[0], RESTATED[0], SAID])
    _, (*_, asked) = add(repo, "Pool, day two", [SUBJECT_SHARED[1], NEAR_MISS[1], RESTATED[1], question])
    index = MatchIndex.open(repo, save=False)
    assert index.thresholds.possible <= index.pair_score(asked.id, said.id) < index.thresholds.likely
    assert index.pair_score(said.id, asked.id) < index.thresholds.likely
    # The same question asked twice is one question.
    assert same_claim.Sentence.of(question).asks and not same_claim.Sentence.of(SAID).asks


def test_newsroom_claims_that_only_share_a_subject_are_not_likely_and_restatements_are_found(
    repo: Repository,
) -> None:
    _, first = add(repo, "Pool", [SUBJECT_SHARED[0], NEAR_MISS[0], RESTATED[0], REPEATED[0]])
    _, second = add(repo, "Pool, day two", [SUBJECT_SHARED[1], NEAR_MISS[1], RESTATED[1], REPEATED[1]])
    index = MatchIndex.open(repo, save=False)
    likely = index.thresholds.likely
    (subject_a, near_a, restated_a, repeated_a), (subject_b, near_b, restated_b, repeated_b) = first, second
    for one, other in ((subject_a, subject_b), (near_a, near_b)):
        assert index.pair_score(one.id, other.id) < likely
        assert index.pair_score(other.id, one.id) < likely
    # The re-ranker scores the shorter attribution for the longer 0.67 and the other way 0.93: the
    # model reads the pair alike from either side.
    assert index.pair_score(repeated_a.id, repeated_b.id) >= likely
    assert index.pair_score(repeated_b.id, repeated_a.id) >= likely
    assert index.pair_score(restated_a.id, restated_b.id) >= index.thresholds.possible
    marks = index.matches_for_story(near_a.story_id)
    assert [match.claim_id for match in marks[restated_a.id]][:1] == [restated_b.id]
    assert [match.claim_id for match in marks[repeated_a.id] if match.level.value == "likely"] == [repeated_b.id]
    assert all(match.level.value != "likely" for match in marks[near_a.id])


SHARED_SUBJECT = (
    "The Harbour Board voted to close the Kestrel ferry terminal in March.",
    "The Harbour Board says the Kestrel ferry terminal needs new pontoons.",
)
REST_OF_STORY = [
    "The Kestrel ferry terminal opened in 1998.",
    "Harbour Board members toured the Kestrel terminal last week.",
    "Ferry users want the Harbour Board to keep the terminal open.",
    "A Harbour Board spokesperson declined to comment on the ferry.",
]


def test_words_the_rest_of_the_story_says_too_count_less_towards_one_claim() -> None:
    first, second = (same_claim.Sentence.of(text) for text in SHARED_SUBJECT)
    shared = set(first.terms) & set(second.terms)
    assert shared

    def distinct_least(context: same_claim.StoryContext) -> float:
        values = same_claim.pair_features(first, second, 0.9, lambda term: 1.0, context)
        return dict(zip(FEATURE_NAMES, values, strict=True))["distinct_least"]

    everywhere = same_claim.StoryContext(8, lambda term: 8 if term in shared else 0)
    assert distinct_least(everywhere) < distinct_least(same_claim.StoryContext(8, lambda term: 0))
    assert distinct_least(same_claim.StoryContext(8, lambda term: 0)) == distinct_least(same_claim.NO_CONTEXT)
    assert same_claim.StoryContext(8, lambda term: 8).distinctness("ferri") == 0.0


def test_the_index_weighs_words_by_what_the_rest_of_both_stories_says(repo: Repository) -> None:
    _, (first, *rest) = add(repo, "Terminal", [SHARED_SUBJECT[0], *REST_OF_STORY])
    _, (second,) = add(repo, "Terminal, day two", [SHARED_SUBJECT[1]])
    _, (alone_first,) = add(repo, "Elsewhere", [SHARED_SUBJECT[0]])
    _, (alone_second,) = add(repo, "Elsewhere, day two", [SHARED_SUBJECT[1]])
    index = MatchIndex.open(repo, save=False)
    position = FEATURE_NAMES.index("distinct_least")
    in_stories = index.newsroom_pair_features(first.id, second.id)[position]
    on_their_own = index.newsroom_pair_features(alone_first.id, alone_second.id)[position]
    assert in_stories < on_their_own
    # A change to the rest of the story is seen at once.
    for claim in rest:
        index.remove(claim.id)
    after = index.newsroom_pair_features(first.id, second.id)[position]
    assert after == pytest.approx(index.newsroom_pair_features(alone_first.id, alone_second.id)[position])


def test_a_story_sentence_against_a_past_check_is_read_by_the_model_and_a_typed_lookup_is_not(newsroom) -> None:
    """A story's sentence is a newsroom sentence whichever claim it is held against: the model
    keeps a near miss of a past check below likely and lets its repetition through. A claim typed
    into a search is a lookup of one claim, scored by the re-ranker alone."""
    repo = newsroom[0]
    checks = [
        Claim(id="", story_id="", number=0, text=text, origin=Origin.IMPORTED, status=Status.DONE, verdict="False")
        for text in (NEAR_MISS[1], REPEATED[1])
    ]
    _, (porters, teachers) = repo.add_story(
        Story(id="", title="Past checks", body="", kind=StoryKind.ARCHIVE), checks, "importer"
    )
    _, (nurses, repeated) = add(repo, "Strike", [NEAR_MISS[0], REPEATED[0]])
    index = MatchIndex.open(repo, save=False)
    likely = index.thresholds.likely
    assert index.thresholds.possible <= index.pair_score(nurses.id, porters.id) < likely
    assert index.pair_score(repeated.id, teachers.id) >= likely
    assert [match.claim_id for match in index.similar_to(repeated.id) if match.level.value == "likely"] == [teachers.id]
    typed = {match.claim_id: match.score for match in index.search(NEAR_MISS[0])}
    assert typed[porters.id] >= likely
