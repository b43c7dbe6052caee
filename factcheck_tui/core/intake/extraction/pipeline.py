"""From a normalised body to sentences and ranked claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck_tui.core.intake.extraction.cues import CLAIMS_NOTHING, Feature, sentence_features
from factcheck_tui.core.intake.extraction.scoring import load_model
from factcheck_tui.core.intake.extraction.sentences import blocks, split_sentences, without_stray_quotes
from factcheck_tui.core.intake.extraction.story import is_story, story_features
from factcheck_tui.core.intake.extraction.story_speakers import attribute
from factcheck_tui.core.intake.extraction.structure import line_role, sentence_role, story_sentence_role


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


@dataclass(frozen=True)
class Analysis:
    """What the model reads of one sentence: its own features and its cues as part of the story."""

    text: str
    start: int
    end: int
    speaker: str | None
    role: str | None
    features: list[Feature]
    # The sentence's story cues; None when the text is too short to be a story or the sentence is furniture.
    cues: list[Feature] | None
    # The whole sentence the features were read from: ``text`` less any stray quotation mark.
    sentence: str


def score_sentence(text: str, speaker: str | None = None, role: str | None = None) -> tuple[float, bool, list[str]]:
    """Check-worthiness of one sentence alone: score in [0, 1], the yes/no flag, and the reasons.

    ``role`` is what the sentence is on its page when it is furniture (structure.py); a sentence
    scored on its own is judged as a line by itself.
    """
    role = role or line_role(text, alone=True) or sentence_role(text)
    return _judge(sentence_features(text, speaker, role), None, role)


def score_in_story(body: str, text: str, speaker: str | None, near: int | None) -> tuple[float, bool, list[str]]:
    """A claim's text scored as a sentence of its story at ``near`` (after a reviewer's edit, split or merge).

    The text takes the place of the story sentence that holds ``near``, so a claim edited back to
    its sentence scores as it did at import. A claim with no place in the story (typed by the
    reviewer) is scored as a sentence alone.
    """
    if near is None:
        return score_sentence(text, speaker)
    items = analyse(body)
    index = next((i for i, item in enumerate(items) if near < item.end), len(items))
    placed = index < len(items) and items[index].start <= near
    if placed and text == items[index].text:
        text = items[index].sentence
    role = line_role(text, alone=True) or story_sentence_role(text, speaker)
    if placed:
        role = role or items[index].role
        rest = items[:index] + items[index + 1 :]
    else:
        rest = items[:index] + items[index:]
    features = sentence_features(text, speaker, role)
    if role or not is_story(len(rest) + 1):
        return _judge(features, None, role)
    texts = [item.sentence for item in rest]
    speakers = [item.speaker for item in rest]
    furniture = [item.role is not None for item in rest]
    texts.insert(index, text)
    speakers.insert(index, speaker)
    furniture.insert(index, False)
    return _judge(features, story_features(texts, speakers, furniture)[index], role)


def _judge(features: list[Feature], cues: list[Feature] | None, role: str | None) -> tuple[float, bool, list[str]]:
    model = load_model()
    score = model.score(features, cues)
    reasons = model.reasons(features, cues)
    if role:
        # Furniture needs one reason only: what it is on the page. It is never a claim, however
        # many figures it holds ("we rated Mostly True a claim that ... $360 billion"): it scores
        # as an empty line of its kind would.
        reasons = [reason for reason in reasons if reason.endswith(role)]
        score = min(score, model.score([Feature("furniture", 1.0, role)]))
    elif nothing := next((feature for feature in features if feature.name in CLAIMS_NOTHING), None):
        # A question, a fragment or an opinion only claims nothing, whatever it names: it is
        # never flagged and ranks below the story's statements, as an empty sentence of its kind would.
        reasons = model.reasons([nothing])
        score = min(score, model.score([nothing]))
    return score, score >= model.threshold, reasons


def analyse(body: str) -> list[Analysis]:
    """Every sentence of ``body`` in order with what the model reads of it. ``body`` must be normalised."""
    spans = split_sentences(body)
    lines = list(blocks(body))
    block_starts = [start for start, _ in lines]
    block_ids = [_block_index(block_starts, start) for start, _ in spans]
    line_roles = [line_role(body[start:end], alone=len(lines) == 1) for start, end in lines]
    texts = [body[start:end] for start, end in spans]
    speakers = attribute(texts, block_ids)
    roles = [
        line_roles[block] or story_sentence_role(text, speaker)
        for text, block, speaker in zip(texts, block_ids, speakers, strict=True)
    ]
    furniture = [role is not None for role in roles]
    cues: list[list[Feature] | None] = [None] * len(texts)
    if is_story(len(texts)):
        found = story_features(texts, speakers, furniture)
        cues = [None if skip else cue for cue, skip in zip(found, furniture, strict=True)]
    # A claim shows only the quotation marks it pairs (``without_stray_quotes``), but it is
    # scored as its whole sentence: one inside a quotation of several sentences is still quoted.
    shown = [without_stray_quotes(body, span) for span in spans]
    return [
        Analysis(body[start:end], start, end, speaker, role, sentence_features(text, speaker, role), story_cues, text)
        for text, (start, end), speaker, role, story_cues in zip(texts, shown, speakers, roles, cues, strict=True)
    ]


def extract(body: str) -> Extraction:
    """Every sentence of ``body`` in order, each scored as a claim in its story. ``body`` must be normalised."""
    sentences, claims = [], []
    for item in analyse(body):
        score, checkworthy, reasons = _judge(item.features, item.cues, item.role)
        sentences.append(Sentence(item.text, item.start, item.end))
        claims.append(
            ExtractedClaim(item.text, item.start, item.end, round(score, 4), checkworthy, item.speaker, reasons)
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
