"""Figures of claim extraction on real fact-check articles (``news_articles.jsonl``).

Each row names the claim the fact-checker chose to check (``vclaim``), who made it and whether
that is a named person. The article goes through the same path as ``factcheck extract --json``
(normalise, extract). The checked claim is the extracted sentence that states ``vclaim``: rapidfuzz
``token_set_ratio`` >= 70 against a sentence at least 40 % of its length, the closest one (ties:
the one a reviewer pressing ``n`` meets first). Its rank by score is compared with reading the
story from the top (document order).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck_tui.core.intake.extraction import ExtractedClaim, extract
from factcheck_tui.core.intake.extraction.body import normalise_body

MATCH_RATIO = 70
MIN_LENGTH_SHARE = 0.4
TOP = 3
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class ArticleResult:
    found: bool
    flagged: bool
    rank: int | None  # 1-based rank by score among all sentences
    order_rank: int | None  # 1-based position in the story
    sentences: int
    flagged_sentences: int
    person: bool
    speaker_right: bool
    speaker_full: bool
    speaker_given: str | None


_WEB_SUFFIX = re.compile(r"\.(?:com|org|net)$", re.IGNORECASE)
_SMALL_WORDS = frozenset("of for the and".split())


def _name_tokens(name: str | None) -> list[str]:
    return _TOKEN.findall(_WEB_SUFFIX.sub("", (name or "").lower().replace("’", "'").replace("'s", "")))


def _initials(name: str) -> str:
    """ "National Republican Congressional Committee" is "nrcc"."""
    return "".join(token[0] for token in _name_tokens(name) if token not in _SMALL_WORDS)


def speaker_verdict(given: str | None, gold: str) -> tuple[bool, bool]:
    """(right, full name): right when it is the person by full name or surname (a group also by its
    initials, "NRCC", or without ".org"), full when first and last name match."""
    mine, theirs = _name_tokens(given), _name_tokens(gold)
    if not mine or not theirs:
        return False, False
    if mine == [_initials(gold)] and len(mine[0]) > 1:
        return True, False
    right = mine[-1] == theirs[-1] and set(mine) <= set(theirs) | {t[0] for t in theirs}
    full = right and len(mine) >= 2 and mine[0] == theirs[0]
    return right, full


def match_ratios(texts: Sequence[str], vclaim: str) -> list[float]:
    """How well each sentence states the checked claim (0 when too short to state it or below the bar)."""
    ratios = []
    for text in texts:
        ratio = fuzz.token_set_ratio(vclaim, text) if len(text) >= MIN_LENGTH_SHARE * len(vclaim) else 0.0
        ratios.append(ratio if ratio >= MATCH_RATIO else 0.0)
    return ratios


def checked_claim(claims: Sequence[ExtractedClaim], vclaim: str, order: dict[int, int]) -> ExtractedClaim | None:
    """The closest match; of equally close ones, the one ``order`` (rank) puts first."""
    ratios = match_ratios([claim.text for claim in claims], vclaim)
    best = max(range(len(claims)), key=lambda index: (ratios[index], -order[index]), default=None)
    return claims[best] if best is not None and ratios[best] else None


def by_score(scores: Sequence[float]) -> list[int]:
    """Sentence indexes in the order ``n`` visits them: highest score first, ties in story order."""
    return sorted(range(len(scores)), key=lambda index: (-scores[index], index))


def story_claims(row: dict) -> list[ExtractedClaim]:
    """The claims ``factcheck extract --json`` gives for the article's text."""
    return extract(normalise_body(row["text"])).claims


def evaluate_article(
    row: dict, claims: Sequence[ExtractedClaim], scores: Sequence[float] | None = None, threshold: float | None = None
) -> ArticleResult:
    """The figures of one article, ranked by the claims' own scores or by ``scores`` (a baseline's)."""
    if scores is None:
        scores = [claim.score for claim in claims]
        flags = [claim.checkworthy for claim in claims]
    else:
        flags = [score >= (threshold if threshold is not None else 0.5) for score in scores]
    position = {index: rank for rank, index in enumerate(by_score(scores), 1)}
    claim = checked_claim(claims, row["vclaim"], position)
    index = claims.index(claim) if claim else None
    right, full = speaker_verdict(claim.speaker if claim else None, row["speaker"])
    return ArticleResult(
        found=claim is not None,
        flagged=index is not None and flags[index],
        rank=position[index] if index is not None else None,
        order_rank=index + 1 if index is not None else None,
        sentences=len(claims),
        flagged_sentences=sum(flags),
        person=bool(row["person"]),
        speaker_right=right,
        speaker_full=full,
        speaker_given=claim.speaker if claim else None,
    )


def _share(count: int, total: int) -> str:
    return f"{count} / {total} ({count / total:.0%})" if total else "–"


def _mrr(ranks: Sequence[int | None]) -> float:
    return sum(1 / rank for rank in ranks if rank) / len(ranks) if ranks else 0.0


def top_share(results: Sequence[ArticleResult], in_order: bool = False) -> str:
    found = [r for r in results if r.found]
    ranks = [r.order_rank if in_order else r.rank for r in found]
    return _share(sum(1 for rank in ranks if rank is not None and rank <= TOP), len(found))


def flagged_share(results: Sequence[ArticleResult]) -> str:
    return f"{sum(r.flagged_sentences for r in results) / max(1, sum(r.sentences for r in results)):.0%}"


def news_figures(results: Sequence[ArticleResult]) -> list[tuple[str, str, str]]:
    found = [r for r in results if r.found]
    people = [r for r in found if r.person]
    return [
        (f"checked claim found ({len(results)} articles)", _share(len(found), len(results)), ">= 90 %"),
        ("found and flagged check-worthy", _share(sum(r.flagged for r in found), len(found)), ">= 95 %"),
        ("checked claim in the top 3 by score", top_share(results), ">= 50 %"),
        ("MRR of the checked claim", f"{_mrr([r.rank for r in results]):.3f}", ""),
        ("share of all sentences flagged", flagged_share(results), "<= 50 %"),
        (
            "speaker of a person-made checked claim right",
            _share(sum(r.speaker_right for r in people), len(people)),
            ">= 90 %",
        ),
        ("… given as the full name", _share(sum(r.speaker_full for r in people), len(people)), ">= 60 %"),
        # Many of these are "Facebook posts" or "Bloggers", which no article names: no target.
        (
            "speaker of a group-made checked claim right (ads, parties, sites)",
            _share(sum(r.speaker_right for r in found if not r.person), len(found) - len(people)),
            "",
        ),
        # A wrong name is published as the claim's author (ClaimReview itemReviewed.author): worse than none.
        (
            "checked claim credited to someone who did not make it",
            _share(sum(r.speaker_given is not None and not r.speaker_right for r in found), len(found)),
            "<= 5 %",
        ),
    ]


def baseline_figures(name: str, results: Sequence[ArticleResult], in_order: bool = False) -> list[tuple[str, str, str]]:
    """Top 3, MRR (and share flagged for a scorer) of a baseline ranking."""
    rows = [
        (f"{name}: checked claim in the top 3", top_share(results, in_order), ""),
        (f"{name}: MRR", f"{_mrr([r.order_rank if in_order else r.rank for r in results]):.3f}", ""),
    ]
    if not in_order:
        rows.append((f"{name}: share of sentences flagged", flagged_share(results), ""))
    return rows
