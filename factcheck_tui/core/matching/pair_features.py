"""What the re-ranker knows about one (query, claim) pair: a few interpretable numbers.

Each feature says something a fact-checker would weigh when asking "is this the same claim?":
how much of each text's rare-word weight the other one covers, the rarest word they share,
whether their figures agree, how alike they read as wholes. A learned linear model
(``scoring.Model``) turns them into one score. Features only ever look at the pair and at the
archive's word statistics, never at the other candidates, so a pair scores the same whichever
query list it turns up in.

A past fact-check has two fields, its claim and its published headline; a newsroom claim has
only the first. Field features take the best field, so a claim without a headline is judged
on the same scale as one with.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from factcheck_tui.core.matching.numbers import claim_figures, figure_spans, figures_agree, is_year
from factcheck_tui.core.matching.terms import DOWN, UP, canonical, char_grams

if TYPE_CHECKING:
    from factcheck_tui.core.matching.index import Analysis, Entry, LexicalIndex

FEATURE_NAMES = (
    "word_bm25",  # BM25 of the query's stems in the claim, in rarest-word units (log)
    "gram_bm25",  # the same over character 4-grams: misspellings, compounds, #hashtags (log)
    "query_covered",  # share of the query's word weight found in the claim
    "claim_covered",  # share of the claim's word weight found in the query
    "field_covered",  # the same for the best of its text, headline and quotes, or the query's quotes
    "rarest_shared",  # weight of the rarest word both share, in rarest-word units
    "shared_weight",  # total weight of the words both share (log)
    "near_words",  # weight of query words that match a claim word only by their first letters (log)
    "grams_query_covered",  # share of the query's 4-gram weight found in the claim
    "grams_claim_covered",  # share of the claim's 4-gram weight found in the query
    "set_ratio",  # rapidfuzz token_set_ratio of the sorted stem sets
    "sort_ratio",  # rapidfuzz token_sort_ratio of the sorted stem sets
    "field_sort_ratio",  # the best token_sort_ratio of claim text, headline or a quoted passage
    "figures_shared",  # figures both give, allowing for rounding (log)
    "figures_only_query",  # figures of the query the claim does not give (log)
    "figures_only_claim",  # figures of the claim the query does not give (log)
    "figures_conflict",  # both give a year, or both a quantity, that the other does not: 0, 1 or 2
    "direction_conflict",  # one says a quantity went up, the other that it went down: 0 or 1
    "same_change",  # both give the same figure and say it moved the same way ("down 20 percent"): 0 or 1
    "claim_words",  # distinct stems of the claim (log)
    "cosine",  # cosine of the two sentence vectors (``embedding``): the same meaning in other words
    "cosine_high",  # how far the cosine rises above COSINE_KNEE: near-identical meaning
    "query_aligned",  # share of the query's word weight the claim says in a word of like meaning (``_aligned``)
    "claim_aligned",  # the same for the claim's best field (its text or its headline) against the query
)

# Below this cosine two news claims are seldom the same claim; above it every step counts more
# (a linear model cannot bend the cosine by itself).
COSINE_KNEE = 0.8

# Query words sharing this many first letters with a claim word count as near matches
# ("knives"/"knife", "vaccinated"/"vaccine"); shorter stems share prefixes by chance.
PREFIX = 5


# Given a claim's words: how nearly the claim has a word for each query word, and the query for
# each claim word (best word-vector cosines, ``embedding.Encoder.aligner``).
Aligner = Callable[[Sequence[str]], tuple[list[float], list[float]]]


@dataclass(slots=True)
class Query:
    """The query side of every comparison, worked out once per query."""

    analysis: Analysis
    terms: frozenset[str]
    weights: dict[str, float]
    mass: float
    canonical: str
    figures: frozenset[str]
    gram_weights: dict[str, float]
    gram_mass: float
    # Term and gram weights of the claims seen so far for this query (they repeat a lot).
    seen_terms: dict[str, float]
    seen_grams: dict[str, float]
    # The cosine of the query's sentence vector with a claim's, once vectors are ready (else None:
    # matching is then by words alone, with the model learnt without the cosine).
    cosine: Callable[[Entry], float] | None = None
    # Word-by-word likeness of meaning with a claim's words (``Aligner``); None while matching is
    # by words alone.
    aligner: Aligner | None = None

    @classmethod
    def of(
        cls,
        analysis: Analysis,
        index: LexicalIndex,
        cosine: Callable[[Entry], float] | None = None,
        aligner: Aligner | None = None,
    ) -> Query:
        terms = frozenset(analysis.terms)
        weights = {term: index.term_weight(term) for term in terms}
        gram_weights = index.gram_weights(analysis)
        return cls(
            analysis=analysis,
            terms=terms,
            weights=weights,
            mass=sum(weights.values()) or 1.0,
            canonical=canonical(analysis.terms),
            figures=claim_figures(analysis.words),
            gram_weights=gram_weights,
            gram_mass=sum(gram_weights.values()) or 1.0,
            seen_terms=dict(weights),
            seen_grams={},
            cosine=cosine,
            aligner=aligner,
        )

    def term_weight(self, term: str, index: LexicalIndex) -> float:
        weight = self.seen_terms.get(term)
        if weight is None:
            weight = self.seen_terms[term] = index.term_weight(term)
        return weight

    def gram_weight(self, gram: str, index: LexicalIndex) -> float:
        weight = self.seen_grams.get(gram)
        if weight is None:
            weight = self.seen_grams[gram] = index.gram_weight(gram)
        return weight


def figure_overlap(query: frozenset[str], claim: set[str]) -> tuple[int, set[str], set[str]]:
    """(how many shared, figures only the query gives, figures only the claim gives); a rounded
    figure agrees with its exact one."""
    if not query or not claim:
        return 0, set(query), claim
    exact = query & claim
    only_query = set(query - exact)
    only_claim = claim - exact
    for first in query - exact:
        for second in claim - exact:
            if figures_agree(first, second):
                only_query.discard(first)
                only_claim.discard(second)
    return len(query) - len(only_query), only_query, only_claim


def figure_conflicts(only_query: set[str], only_claim: set[str]) -> int:
    """In how many kinds of figure (years, quantities) each side gives one the other lacks:
    "closed 40 branches in 2024" and "in 2019" conflict on the year."""
    if not only_query or not only_claim:
        return 0
    return sum(
        any(is_year(figure) is kind for figure in only_query) and any(is_year(figure) is kind for figure in only_claim)
        for kind in (True, False)
    )


def _covered(terms: AbstractSet[str], shared: AbstractSet[str], weight: Callable[[str], float]) -> float:
    total = sum(weight(term) for term in terms)
    return sum(weight(term) for term in terms & shared) / total if total else 0.0


def _figure_positions(words: Sequence[str], other_figures: AbstractSet[str]) -> set[int]:
    """Positions of the words that spell a figure the other text gives too ("1 day" for "24 hours")."""
    return {
        position
        for figure, positions in figure_spans(words)
        if any(figures_agree(figure, other) for other in other_figures)
        for position in positions
    }


def _aligned(
    words: Sequence[str],
    terms: Sequence[str],
    other_words: Sequence[str],
    other_terms: AbstractSet[str],
    weight: Callable[[str], float],
    nearest: Sequence[float],
) -> float:
    """How much of a text's word weight the other text says, each word counted by how nearly the
    other has it: fully when it has the same stem or the same figure, else by ``nearest``, the
    word's best cosine with the other's words ("amazon"/"aws" 0.45). Soft coverage: rewordings
    keep most of their weight, a swapped rare word ("nurses"/"teachers") loses it."""
    if not words or not other_words:
        return 0.0
    figures = _figure_positions(words, claim_figures(other_words))
    said: dict[str, float] = {}
    for position, (term, similarity) in enumerate(zip(terms, nearest, strict=True)):
        value = 1.0 if term in other_terms or position in figures else max(0.0, similarity)
        said[term] = max(said.get(term, 0.0), value)
    total = sum(weight(term) for term in said)
    return sum(weight(term) * value for term, value in said.items()) / total if total else 0.0


def pair_features(query: Query, index: LexicalIndex, entry: Entry, slot: int, word_bm25: float) -> list[float]:
    """The values of ``FEATURE_NAMES`` for one candidate claim, in that order."""
    unit = index.unit()
    words = entry.words.split()
    terms = entry.terms.split()
    claim_terms = set(terms)
    shared = query.terms & claim_terms

    def weight(term: str) -> float:
        return query.term_weight(term, index)

    shared_weight = sum(query.weights[term] for term in shared)
    claim_mass = sum(weight(term) for term in claim_terms) or 1.0
    # A part of either text that can stand as a claim (a headline, a quoted passage) fully said
    # by the other text is strong evidence however much else each says.
    fields = entry.fields()
    field_covered = max(
        max(_covered(set(field), shared, weight) for field in fields),
        max((_covered(set(quote), claim_terms, weight) for quote in query.analysis.quotes), default=0.0),
    )

    # Near matches: unmatched query words whose first letters start an unmatched claim word.
    prefixes = {term[:PREFIX] for term in claim_terms - shared if len(term) >= PREFIX}
    near = sum(
        query.weights[term] for term in query.terms - shared if len(term) >= PREFIX and term[:PREFIX] in prefixes
    )

    grams = Counter(char_grams(words))
    gram_bm25 = index.gram_bm25(query.gram_weights, grams, slot)
    shared_grams = sum(query.gram_weights[gram] for gram in query.gram_weights.keys() & grams.keys())
    claim_gram_mass = sum(query.gram_weight(gram, index) for gram in grams) or 1.0

    claim_canonical = canonical(terms)
    field_sort = max(fuzz.token_sort_ratio(query.canonical, canonical(field)) for field in fields)
    figures = set(claim_figures(words))
    figures_shared, only_query, only_claim = figure_overlap(query.figures, figures)
    one_way = query.analysis.direction in (UP, DOWN)
    cosine = query.cosine(entry) if query.cosine is not None else 0.0
    query_aligned = claim_aligned = 0.0
    if query.aligner is not None:
        query_words, query_terms = query.analysis.words, query.analysis.terms
        for field_words, field_terms in _text_fields(words, terms, entry.split):
            query_nearest, field_nearest = query.aligner(field_words)
            query_aligned = max(
                query_aligned,
                _aligned(
                    query_words, query_terms, field_words, set(field_terms), query.weights.__getitem__, query_nearest
                ),
            )
            claim_aligned = max(
                claim_aligned, _aligned(field_words, field_terms, query_words, query.terms, weight, field_nearest)
            )

    return [
        math.log1p(word_bm25 / unit),
        math.log1p(gram_bm25 / unit),
        shared_weight / query.mass,
        sum(weight(term) for term in shared) / claim_mass,
        field_covered,
        max((query.weights[term] for term in shared), default=0.0) / unit,
        math.log1p(shared_weight / unit),
        math.log1p(near / unit),
        shared_grams / query.gram_mass,
        shared_grams / claim_gram_mass,
        fuzz.token_set_ratio(query.canonical, claim_canonical) / 100,
        fuzz.token_sort_ratio(query.canonical, claim_canonical) / 100,
        field_sort / 100,
        math.log1p(figures_shared),
        math.log1p(len(only_query)),
        math.log1p(len(only_claim)),
        figure_conflicts(only_query, only_claim),
        float(one_way and entry.direction in (UP, DOWN) and query.analysis.direction != entry.direction),
        float(one_way and figures_shared > 0 and query.analysis.direction == entry.direction),
        math.log1p(len(claim_terms)),
        cosine,
        max(0.0, cosine - COSINE_KNEE),
        query_aligned,
        claim_aligned,
    ]


def _text_fields(words: list[str], terms: list[str], split: int) -> list[tuple[list[str], list[str]]]:
    """(words, stems) of a claim's own text and of its published headline, if it has one."""
    if split < len(terms):
        return [(words[:split], terms[:split]), (words[split:], terms[split:])]
    return [(words, terms)]
