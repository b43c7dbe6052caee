"""From a normalised body to sentences and ranked claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck_tui.core.extraction.features import sentence_features
from factcheck_tui.core.extraction.scoring import load_model
from factcheck_tui.core.extraction.sentences import blocks, split_sentences
from factcheck_tui.core.extraction.speakers import attribute


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


def score_sentence(text: str, speaker: str | None = None) -> tuple[float, bool, list[str]]:
    """Check-worthiness of one sentence: score in [0, 1], the yes/no flag, and the reasons."""
    model = load_model()
    features = sentence_features(text, speaker)
    score = model.score(features)
    return score, score >= model.threshold, model.reasons(features)


def extract(body: str) -> Extraction:
    """Every sentence of ``body`` in order, each scored as a claim. ``body`` must be normalised."""
    spans = split_sentences(body)
    block_starts = [start for start, _ in blocks(body)]
    block_ids = [_block_index(block_starts, start) for start, _ in spans]
    texts = [body[start:end] for start, end in spans]
    speakers = attribute(texts, block_ids)
    sentences = [Sentence(text, start, end) for text, (start, end) in zip(texts, spans, strict=True)]
    claims = []
    for sentence, speaker in zip(sentences, speakers, strict=True):
        score, checkworthy, reasons = score_sentence(sentence.text, speaker)
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
