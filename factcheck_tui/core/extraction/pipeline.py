"""From a normalised body to sentences and ranked claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck_tui.core.extraction.features import sentence_features
from factcheck_tui.core.extraction.scoring import load_model
from factcheck_tui.core.extraction.sentences import blocks, split_sentences
from factcheck_tui.core.extraction.speakers import attribute
from factcheck_tui.core.extraction.structure import line_role, sentence_role


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ExtractedClaim:
    text: str
    start: int
    end: int
    score: float
    checkworthy: bool
    speaker: str | None
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Extraction:
    body: str
    sentences: list[Sentence]
    claims: list[ExtractedClaim]


def score_sentence(text: str, speaker: str | None = None, role: str | None = None) -> tuple[float, bool, list[str]]:
    """Check-worthiness of one sentence: score in [0, 1], the yes/no flag, and the reasons.

    ``role`` is what the sentence is on its page when it is furniture (structure.py); a sentence
    scored on its own is judged as a line by itself.
    """
    model = load_model()
    role = role or line_role(text, alone=True) or sentence_role(text)
    features = sentence_features(text, speaker, role)
    score = model.score(features)
    reasons = model.reasons(features)
    if role:
        # Furniture needs one reason only: what it is on the page.
        reasons = [reason for reason in reasons if reason.endswith(role)]
    return score, score >= model.threshold, reasons


def extract(body: str) -> Extraction:
    """Every sentence of ``body`` in order, each scored as a claim. ``body`` must be normalised."""
    spans = split_sentences(body)
    lines = list(blocks(body))
    block_starts = [start for start, _ in lines]
    block_ids = [_block_index(block_starts, start) for start, _ in spans]
    line_roles = [line_role(body[start:end], alone=len(lines) == 1) for start, end in lines]
    texts = [body[start:end] for start, end in spans]
    speakers = attribute(texts, block_ids)
    sentences = [Sentence(text, start, end) for text, (start, end) in zip(texts, spans, strict=True)]
    claims = []
    for sentence, speaker, block in zip(sentences, speakers, block_ids, strict=True):
        role = line_roles[block] or sentence_role(sentence.text)
        score, checkworthy, reasons = score_sentence(sentence.text, speaker, role)
        claims.append(
            ExtractedClaim(sentence.text, sentence.start, sentence.end, round(score, 4), checkworthy, speaker, reasons)
        )
    return Extraction(body, sentences, claims)


def _block_index(block_starts: list[int], position: int) -> int:
    low, high = 0, len(block_starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if block_starts[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low
