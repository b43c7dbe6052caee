"""The similarity score: lexical evidence from the index, checked and bounded with rapidfuzz.

Three signals, each in [0, 1], so that one threshold means the same thing for every query:

* word evidence: BM25 over content stems, where rare words (names, figures) weigh most;
* spelling evidence: BM25 over character 4-grams, which catches "wildfires"/"#wildfireseason",
  misspelt names and compounds that whole words miss;
* rapidfuzz ``token_set_ratio`` of the two sorted stem sets, which rewards a claim whose
  content words are all present in the other text, in any order.

BM25 sums grow without bound and with the size of the archive (a word's weight is the log of
how rare it is), so each sum is first divided by the weight of the rarest possible word, then
saturated as ``s / (s + half)``: ``half`` is the sum, in rarest-word units, at which the evidence
counts as 0.5. A new newsroom with a few hundred claims and a 300,000-claim archive so give
scores on one scale. The constants come from the development set (bench/eval_matching.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

WORD_HALF = 1.1
GRAM_HALF = 2.2
WORD_WEIGHT = 0.45
GRAM_WEIGHT = 0.45
FUZZ_WEIGHT = 0.10
# Below this many distinct content words a text is too short to judge by shared words alone
# ("Trump lied" shares its only rare word with a thousand claims).
SHORT_TEXT_WORDS = 4


@dataclass(frozen=True, slots=True)
class Evidence:
    """BM25 sums are in units of the rarest word's weight (see the module notes)."""

    word_bm25: float
    gram_bm25: float
    query_canonical: str
    doc_canonical: str
    # Set when either text is short (see ``short_text_factor``); 1.0 otherwise.
    short_factor: float = 1.0


def saturate(value: float, half: float) -> float:
    return value / (value + half) if value > 0 else 0.0


def similarity(evidence: Evidence) -> float:
    score = (
        WORD_WEIGHT * saturate(evidence.word_bm25, WORD_HALF)
        + GRAM_WEIGHT * saturate(evidence.gram_bm25, GRAM_HALF)
        + FUZZ_WEIGHT * fuzz.token_set_ratio(evidence.query_canonical, evidence.doc_canonical) / 100
    )
    return min(1.0, score * evidence.short_factor)


def is_short(size: int) -> bool:
    return size < SHORT_TEXT_WORDS


def short_text_factor(query_canonical: str, part_canonicals: list[str]) -> float:
    """A short text matches only what says nearly the same words: the whole sorted word strings
    must agree, not just the one or two words they share. A past check's claim and its headline
    are compared separately, so "Moose in the mall?" still finds its own check."""
    return max((fuzz.token_sort_ratio(query_canonical, part) / 100 for part in part_canonicals), default=0.0)
