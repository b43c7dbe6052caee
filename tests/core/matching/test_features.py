"""The re-ranker's features and score, on pairs of our own writing."""

from __future__ import annotations

import orjson
import pytest

from factcheck_tui.core.config import Matching
from factcheck_tui.core.matching import similarity
from factcheck_tui.core.matching.embedding import encoder
from factcheck_tui.core.matching.index import Analysis, Entry, LexicalIndex
from factcheck_tui.core.matching.pair_features import FEATURE_NAMES

NEIGHBOURS = [
    "The school board approved a new bus contract on Tuesday.",
    "Harbor Bank reported record profits for the third quarter.",
    "The mayor opened a new library branch in the east end.",
    "Police closed the bridge for repairs over the weekend.",
]


def index_of(*texts: str, titles: dict[int, str] | None = None) -> LexicalIndex:
    titles = titles or {}
    digests = [
        {"id": f"s{number}-1", "story_id": f"s{number}", "text": text, "review_title": titles.get(number)}
        for number, text in enumerate([*texts, *NEIGHBOURS])
    ]
    index = LexicalIndex()
    index.add_many(Entry.of_digests(digests))
    return index


def features(index: LexicalIndex, query: str, slot: int = 0) -> dict[str, float]:
    return dict(zip(FEATURE_NAMES, index.features(index.query(Analysis.of(query)), slot), strict=True))


def score(index: LexicalIndex, query: str, slot: int = 0) -> float:
    return index.similarity(index.query(Analysis.of(query)), slot)


def test_the_shipped_weights_name_every_feature() -> None:
    raw = orjson.loads((similarity.resources.files(similarity.__package__) / "weights.json").read_bytes())
    assert set(raw["weights"]) == set(FEATURE_NAMES)
    model = similarity.load_model()
    assert 0.0 < model.score([0.0] * len(FEATURE_NAMES)) < 0.01


def test_conflicting_figures_and_directions_are_seen_and_cost_score() -> None:
    index = index_of("Unemployment in the county fell to 3 percent in May.")
    same = features(index, "County unemployment dropped to three per cent in May.")
    other_figure = features(index, "Unemployment in the county fell to 4 percent in May.")
    other_way = features(index, "Unemployment in the county rose to 3 percent in May.")
    assert (same["figures_conflict"], same["direction_conflict"], same["same_change"]) == (0, 0, 1)
    assert (other_figure["figures_conflict"], other_way["direction_conflict"]) == (1, 1)
    # However alike they read, they are other claims: never above the ceiling (shown, not marked).
    assert score(index, "Unemployment in the county fell to 4 percent in May.") <= similarity.CONFLICT_CEILING
    assert score(index, "Unemployment in the county rose to 3 percent in May.") <= similarity.CONFLICT_CEILING
    assert score(index, "County unemployment dropped to three per cent in May.") >= 0.9
    # "Shown, not marked" holds only while the ceiling stays below the likely mark, the one
    # configured included: a newsroom that marks likely from 0.70 caps conflicts below it.
    assert Matching().likely > similarity.CONFLICT_CEILING
    lower = Matching(likely=0.7).below_likely
    other_figure = index.query(Analysis.of("Unemployment in the county fell to 4 percent in May."))
    assert index.similarity(other_figure, 0) > lower >= index.similarity(other_figure, 0, ceiling=lower)


def test_a_rounded_figure_agrees_and_a_year_is_its_own_kind() -> None:
    index = index_of("The city raised its property tax rate by 4.2 percent in 2024.")
    rounded = features(index, "The city raised property taxes by more than 4 percent in 2024.")
    assert (rounded["figures_conflict"], rounded["figures_only_query"]) == (0, 0)
    other_year = features(index, "The city raised its property tax rate by 4.2 percent in 2019.")
    assert other_year["figures_conflict"] == 1


def test_a_quoted_passage_said_in_full_elsewhere_counts_as_a_field() -> None:
    index = index_of('He said the city has "the highest tax burden of any city in the state," a claim staff disputed.')
    query = (
        "In a long speech, Hale repeated that Harbor City has the highest property tax burden of any city in the state."
    )
    quoted = features(index, query)
    plain = features(
        index_of("He said the city has the highest tax burden of any city in the state, a claim staff disputed."), query
    )
    assert quoted["field_covered"] > plain["field_covered"]
    assert quoted["field_covered"] >= 0.9


def test_a_headline_is_a_field_of_its_own() -> None:
    index = index_of(
        "A video shows a moose walking through the Ostbury shopping centre.", titles={0: "Moose in the Mall?"}
    )
    assert features(index, "moose in the mall")["field_covered"] == pytest.approx(1.0)
    assert score(index, "moose in the mall") > score(index, "moose spotted")


def test_pairs_score_the_same_whatever_else_was_asked() -> None:
    index = index_of("Ferry tickets between Harwick and Lunden will double in price from March.")
    query = index.query(Analysis.of("Harwick ferry fares double in March"))
    first = index.similarity(query, 0)
    index.similarity(query, 1)
    assert index.similarity(query, 0) == first
    assert index.similarity(index.query(Analysis.of("Harwick ferry fares double in March")), 0) == first


def test_claims_built_together_equal_claims_built_one_by_one() -> None:
    digests = [
        {
            "id": "a-1",
            "story_id": "a",
            "text": "Crime is down 20 percent, the mayor said.",
            "review_title": "Is Crime Down 20%?",
        },
        {"id": "a-2", "story_id": "a", "text": 'Hale said "the highest tax burden of any city in the state" is ours.'},
        {"id": "b-1", "story_id": "b", "text": "", "review_title": "Headline only"},
    ]
    assert Entry.of_digests(digests) == [Entry.of_digest(digest) for digest in digests]
    entry = Entry.of_digests(digests)[0]
    assert (entry.split, entry.direction) == (4, 2)
    assert entry.fields()[1] == ["crime", "20", "percent"]


def aligned(index: LexicalIndex, query: str, slot: int = 0) -> tuple[float, float]:
    analysis = Analysis.of(query)
    found = index.features(index.query(analysis, aligner=encoder().aligner(analysis.words)), slot)
    named = dict(zip(FEATURE_NAMES, found, strict=True))
    return named["query_aligned"], named["claim_aligned"]


def test_words_of_like_meaning_and_equal_figures_count_as_said() -> None:
    index = index_of("AWS only gave Parler 24 hours to find a new host.", "8,000 nurses will strike on Monday.")
    # "amazon" is near "aws", and "one day" is the figure "24 hours": most of the weight is said.
    query_side, claim_side = aligned(index, "Amazon gave Parler one day's notice.")
    assert query_side > 0.6 and claim_side > 0.5
    assert features(index, "Amazon gave Parler one day's notice.")["query_aligned"] == 0.0  # words alone: no vectors
    # A swapped rare word that means something else keeps its weight out.
    same = aligned(index, "Eight thousand nurses will strike on Monday.", slot=1)
    other = aligned(index, "8,000 teachers will strike on Monday.", slot=1)
    assert other[0] < same[0] and other[1] < same[1]
