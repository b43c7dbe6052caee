"""The similarity score: lexical evidence from the index, checked and bounded with rapidfuzz.

Three signals, each in [0, 1], so that one threshold means the same thing for every query:

* word evidence: BM25 over content stems, where rare words (names, figures) weigh most;
* spelling evidence: BM25 over character 4-grams, which catches "wildfires"/"#wildfireseason",
  misspelt names and compounds that whole words miss;
* rapidfuzz ``token_set_ratio`` of the two sorted stem sets, which rewards a claim whose
  content words are all present in the other text, in any order.

BM25 sums grow without bound, so each is saturated as ``s / (s + half)``: ``half`` is the sum
at which the evidence counts as 0.5. The constants come from the development set
(bench/eval_matching.py) and were chosen on halves of it to hold on the other half.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

WORD_HALF = 10.0
GRAM_HALF = 20.0
WORD_WEIGHT = 0.45
GRAM_WEIGHT = 0.45
FUZZ_WEIGHT = 0.10
# Below this many distinct content words a text is too short to judge by shared words alone
# ("Trump lied" shares its only rare word with a thousand claims).
SHORT_TEXT_WORDS = 4


@dataclass(frozen=True, slots=True)
class Evidence:
    word_bm25: float
    gram_bm25: float
    query_canonical: str
    doc_canonical: str
    query_size: int
    doc_size: int


def saturate(value: float, half: float) -> float:
    return value / (value + half) if value > 0 else 0.0


def similarity(evidence: Evidence) -> float:
    score = (
        WORD_WEIGHT * saturate(evidence.word_bm25, WORD_HALF)
        + GRAM_WEIGHT * saturate(evidence.gram_bm25, GRAM_HALF)
        + FUZZ_WEIGHT * fuzz.token_set_ratio(evidence.query_canonical, evidence.doc_canonical) / 100
    )
    if min(evidence.query_size, evidence.doc_size) < SHORT_TEXT_WORDS:
        # A short text matches only what says nearly the same words: the whole sorted strings
        # must agree, not just the few words they share.
        score *= fuzz.token_sort_ratio(evidence.query_canonical, evidence.doc_canonical) / 100
    return min(1.0, score)
