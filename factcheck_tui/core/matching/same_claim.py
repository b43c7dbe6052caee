"""Do two newsroom sentences make the same claim, or only share a subject? A small learned model.

The re-ranker learnt from tweets and past checks, where every tweet had its check and a pair
that shares its rare words is nearly always the same claim. Sentences of a newsroom's own
stories are different: one story, or two stories on one subject, repeat the same people, places
and figures in sentences that claim different things ("8,000 nurses will strike" / "8,000
teachers will strike", "Brandt's post was flagged" / "The post was flagged"), and most of them
were never checked anywhere, so a past check that shares their subject is no sign of one that
checked them. So when a story's claim is held against another claim, the newsroom's or a past
check, and the pair scores at least "possible", this model reads the two sentences once more
and decides whether the pair may be marked likely. (A claim typed into a search is a lookup of
that one claim, and the re-ranker has the last word.)

It is a logistic regression over a dozen general signals (``FEATURE_NAMES``), no word lists
fitted to our pairs: the re-ranker's score, the sentences' cosine, how much of each side's
word weight (IDF) the other says in a word of like meaning, capitalised names and owners one
side gives and the other lacks, figures, negation and direction, and what the rest of the
pair's stories say (``StoryContext``). ``same_claim_weights.json`` beside this module holds it,
written by ``bench/train_same_claim.py`` from our own pair sets and labelled pairs of real
articles with grouped cross-validation, which also chose the ``threshold`` on its chance.

``judged`` maps its chance onto the score scale: a pair the model accepts is at least "likely"
(more the surer it is), one it rejects is at most just below "likely", and never below
"possible" when it scored that: worth a look, not marked.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import orjson

from factcheck_tui.core.config import Matching, below_likely
from factcheck_tui.core.matching.embedding import encoder
from factcheck_tui.core.matching.index import Analysis
from factcheck_tui.core.matching.numbers import claim_figures
from factcheck_tui.core.matching.pair_features import figure_conflicts, figure_overlap
from factcheck_tui.core.matching.terms import ATTRIBUTION, DOWN, UP, content_terms, content_word, stems, words

FEATURE_NAMES = (
    "score",  # the re-ranker's score of the pair (``similarity``)
    "explained_least",  # of a side's words the other does not say as such, the share of their weight it says
    # in a word of like meaning (best word-vector cosine): the side with the lower share
    "explained_most",  # the same, the side with the higher share
    "swapped",  # weight of words each side puts in the same place where the other puts another thing
    # ("nurses" / "porters" between the same words): a near miss, not a rewording
    "names_differ",  # capitalised names each side gives and the other has no word for: the side with fewer (log)
    "figures_one_side",  # figures only one side gives (log)
    "figures_conflict",  # both give a year, or both a quantity, the other does not: 0, 1 or 2
    "negation_differs",  # one side is negated ("has not raised"), the other not: 0 or 1
    "owner_differs",  # one side says whose it is ("Brandt's post") and the other never names that owner: 0 or 1
    "direction_differs",  # one says a quantity went up, the other down: 0 or 1
    "distinct_least",  # of a side's word weight, the share the other side says (as in
    # ``explained_least``, a word of like meaning counting by its cosine), each word weighed down by
    # how many other claims of the pair's stories say it too (``StoryContext``): the side with the
    # lower share. A story's subject is in most of its sentences; what each of them claims is not.
)

# A word whose best word-vector cosine with the other side's words is below this has no word
# of like meaning there ("shut"/"closed" 0.57, "nurses"/"teachers" 0.0): it says something else.
UNLIKE = 0.35

WEIGHTS = "same_claim_weights.json"
# What the model's threshold stands for on the score scale.
DEFAULT_LIKELY = Matching().likely

# Words that deny what a sentence says (after ``terms.words``: "didn't" is "didn" and "t").
_NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor without cannot didn doesn don isn wasn aren
    weren hasn haven hadn wouldn couldn shouldn""".split()
)
# A capitalised word that is not the first of a sentence, a quotation or a headline's clause:
# a person, a place, a body or a title.
_NAME = re.compile(r"(?<![.!?:]\s)(?<![\"\u201c\u2018(])\b[A-Z][a-z]+")
_SAYS = rf"(?:{'|'.join(sorted(ATTRIBUTION))}|claimed|claims|wrote|writes|told \w+)"
_WHO = r"[^,;:\"\u201c\u201d.]{1,40}?"
# The rest of a sentence after its quotation's attribution: when and where it was said.
_CONTEXT = r"[^\"\u201c\u201d]*"
# Who is said to have made the claim: "Reyes said ...", "..., critics say.", "..., said Okoro.",
# "According to Reyes, ...", and after a quotation when and where too ("\"...,\" he said on
# Dec. 17 as he introduced his budget."). A speaker or an occasion one side gives and the other
# does not is no other claim.
_ATTRIBUTIONS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^\W*(?P<who>{_WHO})\s+{_SAYS}(?:\s+that)?\b",
        rf"[,\u201c\u201d\"]+\s*(?P<who>{_WHO})\s+{_SAYS}\s*\.?\s*$",
        rf"[,\u201c\u201d\"]+\s*{_SAYS}\s+(?P<who>{_WHO})\s*\.?\s*$",
        # After a quotation, the rest of the sentence is who said it, when and where.
        rf"[\u201d\"]\s*(?P<who>{_WHO}\s+{_SAYS}\b{_CONTEXT})$",
        rf"[\u201d\"]\s*(?P<who>{_SAYS}\s+{_WHO}(?:[,\s]{_CONTEXT})?)$",
        rf"\b[Aa]ccording to\s+(?P<who>{_WHO})(?:[,.]|$)",
    )
)
# Closed-class words after which a sentence names a thing ("the nurses", "of water", "6,000
# nurses"): a word swapped there is another thing named; a verb swapped is often a rewording
# ("wasted" / "spent").
_BEFORE_THING = frozenset(
    """the a an its their his her our my your these those this that each every some any no of in on
    at for from by with about into over under between among per""".split()
)
# A sentence that asks claims nothing, though it repeats every word of the claim it asks about:
# "Did Scott end $20 million in funding?", "A golf course closes every 48 hours?", "we wanted to
# see if Scott really ended $20 million in funding". A question mark at its end, or a verb of
# asking or finding out with "whether" or "if" close after it.
_QUESTION_END = re.compile(r"\?[\"'\u201d\u2019)\]]*\s*$")
_INQUIRY = re.compile(
    r"\b(?:wonder(?:ed|s)?|ask(?:ed|s)?|see|check(?:ed)?|find out|know|determine|examined?|look(?:ed)? into"
    r"|verify|question(?:ed)?)\b[^.?!;:]{0,30}?\b(?:whether|if)\b",
    re.IGNORECASE,
)
_OWNER = re.compile(r"\b([A-Z][a-z]+)['\u2019]s\b")


@dataclass(frozen=True)
class StoryContext:
    """What the rest of a pair's stories say: how many of their other claims there are and, per
    stem, how many of them say it. Two sentences of one story, or of two stories on one subject,
    share that subject's words whether or not they make one claim."""

    claims: int = 0
    count: Callable[[str], int] = lambda term: 0

    def distinctness(self, term: str) -> float:
        """1 for a stem no other claim says, down to 0 for one every other claim says (a
        log scale, like IDF: the first few other claims that say it count most)."""
        if self.claims <= 0:
            return 1.0
        return math.log((self.claims + 1) / (self.count(term) + 1)) / math.log(self.claims + 1)


NO_CONTEXT = StoryContext()


@dataclass(frozen=True)
class Sentence:
    """What the model reads of one claim, worked out once per text (``Sentence.of``)."""

    words: tuple[str, ...]
    terms: tuple[str, ...]
    direction: int
    # (content word, stem) of each capitalised name.
    names: tuple[tuple[str, str], ...]
    # Stems of the names that own something ("Brandt's post").
    owners: frozenset[str]
    negated: bool
    # Stems of who is said to have made the claim: they only explain the other side's words.
    speakers: frozenset[str]
    # Per content word: does it stand where a thing is named (``_BEFORE_THING``, a figure, or
    # first in the sentence)?
    things: tuple[bool, ...]
    # It asks rather than says (``_QUESTION_END``, ``_INQUIRY``).
    asks: bool = False

    @classmethod
    def of(cls, text: str) -> Sentence:
        return _sentence(text)


@lru_cache(maxsize=4096)
def _sentence(text: str) -> Sentence:
    analysis = Analysis.of(text)
    attributions = [match for pattern in _ATTRIBUTIONS for match in pattern.finditer(text)]
    # Names and owners are read from what is claimed, not from who said it after the claim (one
    # who opens the sentence may own what is claimed: "Chen's post says ...").
    claimed = text
    for match in attributions:
        if match.start() > 0:
            claimed = claimed[: match.start("who")] + " " * len(match["who"]) + claimed[match.end("who") :]
    found = [match.group(0) for match in _NAME.finditer(claimed) if match.start() > 0]
    named = list(dict.fromkeys(word for name in found if (word := content_word(name.lower()))))
    owners = [word for name in _OWNER.findall(claimed) if (word := content_word(name.lower()))]
    return Sentence(
        words=analysis.words,
        terms=analysis.terms,
        direction=analysis.direction,
        names=tuple(zip(named, stems(named), strict=True)),
        owners=frozenset(stems(owners)),
        negated=any(token in _NEGATIONS for token in words(text)),
        things=_things(text, len(analysis.words)),
        asks=bool(_QUESTION_END.search(text) or _INQUIRY.search(text)),
        speakers=frozenset(term for match in attributions for term in content_terms(match["who"])),
    )


def _things(text: str, count: int) -> tuple[bool, ...]:
    found: list[bool] = []
    previous = ""
    for token in words(text):
        if content_word(token):
            found.append(not found or previous in _BEFORE_THING or previous[:1].isdigit())
        previous = token
    # Should the two readings ever disagree, every word counts as a thing.
    return tuple(found) if len(found) == count else (True,) * count


def _unmatched_names(own: Sentence, other: Sentence, nearest: Sequence[float]) -> float:
    """How much of ``own``'s names the other does not say: each name absent by stem counts by how
    far its nearest word on the other side is from it in meaning."""
    if not own.names:
        return 0.0
    best = dict(zip(own.words, nearest, strict=True))
    other_terms = set(other.terms)
    return sum(1.0 - max(0.0, best.get(word, 0.0)) for word, stem in own.names if stem not in other_terms)


@dataclass(frozen=True, slots=True)
class _Side:
    """How much of one side the other says: per distinct stem, its weight and how nearly the
    other says it (1: the same stem, or a figure; else the best word-vector cosine)."""

    explained: float
    # Per word, in order: the unexplained weight of a thing named unlike anything the other says.
    unlike: list[float]


def _side(
    own: Sentence, other: Sentence, nearest: Sequence[float], weight: Callable[[str], float], added: Sequence[bool]
) -> _Side:
    other_terms = set(other.terms)
    said: dict[str, tuple[float, float]] = {}
    unlike = []
    for word, term, similarity, thing, extra in zip(own.words, own.terms, nearest, own.things, added, strict=True):
        if term in own.speakers and term not in other_terms:
            unlike.append(0.0)
            continue
        exact = term in other_terms or term in other.speakers or word[0].isdigit()
        value = 1.0 if exact else max(0.0, similarity)
        if not extra:
            said.setdefault(term, (weight(term), value))
        unlike.append(0.0 if exact or similarity >= UNLIKE or not thing else weight(term) * (1.0 - value))
    reworded = [(mass, value) for mass, value in said.values() if value < 1.0]
    reworded_mass = sum(mass for mass, _ in reworded)
    return _Side(
        explained=sum(mass * value for mass, value in reworded) / reworded_mass if reworded_mass else 1.0,
        unlike=unlike,
    )


def _swapped(first: Sentence, second: Sentence, first_side: _Side, second_side: _Side) -> float:
    """The weight of the things each side names in the same place, between the same words, where
    the other names something unlike them: of each run of words replaced by another run (a word-order
    diff of the stems), the smaller of the two runs' unexplained weights."""
    matcher = difflib.SequenceMatcher(a=first.terms, b=second.terms, autojunk=False)
    return sum(
        min(sum(first_side.unlike[start:end]), sum(second_side.unlike[other_start:other_end]))
        for operation, start, end, other_start, other_end in matcher.get_opcodes()
        if operation == "replace"
    )


def _distinct_least(
    first: Sentence,
    second: Sentence,
    nearest: tuple[Sequence[float], Sequence[float]],
    weight: Callable[[str], float],
    context: StoryContext,
) -> float:
    """``distinct_least``: how much of each side the other says, once each stem is weighed by
    how distinct it is in the pair's stories; the lower of the two."""
    shared = set(first.terms) & set(second.terms)

    def said(own: Sentence, own_nearest: Sequence[float]) -> float:
        best: dict[str, float] = {}
        for term, similarity in zip(own.terms, own_nearest, strict=True):
            best[term] = max(best.get(term, 0.0), 1.0 if term in shared else max(0.0, similarity))
        mass = {term: weight(term) * context.distinctness(term) for term in best}
        whole = sum(mass.values())
        return sum(mass[term] * value for term, value in best.items()) / whole if whole else 0.0

    return min(said(first, nearest[0]), said(second, nearest[1]))


def pair_features(
    first: Sentence,
    second: Sentence,
    score: float,
    weight: Callable[[str], float],
    context: StoryContext = NO_CONTEXT,
) -> list[float]:
    """The values of ``FEATURE_NAMES`` for a pair scored ``score`` by the re-ranker; ``weight``
    is a stem's IDF in the index, in rarest-word units; ``context`` what the rest of the pair's
    stories say."""
    first_nearest, second_nearest = encoder().aligner(first.words)(second.words)
    first_added, second_added = [False] * len(first.terms), [False] * len(second.terms)
    for operation, start, end, other_start, other_end in difflib.SequenceMatcher(
        a=first.terms, b=second.terms, autojunk=False
    ).get_opcodes():
        if operation in ("insert", "delete"):
            first_added[start:end] = [True] * (end - start)
            second_added[other_start:other_end] = [True] * (other_end - other_start)
    sides = (
        _side(first, second, first_nearest, weight, first_added),
        _side(second, first, second_nearest, weight, second_added),
    )
    names = (_unmatched_names(first, second, first_nearest), _unmatched_names(second, first, second_nearest))
    _, only_first, only_second = figure_overlap(claim_figures(first.words), set(claim_figures(second.words)))
    one_way = first.direction in (UP, DOWN) and second.direction in (UP, DOWN)
    return [
        score,
        min(side.explained for side in sides),
        max(side.explained for side in sides),
        _swapped(first, second, *sides),
        math.log1p(min(names)),
        math.log1p(len(only_first) + len(only_second)),
        figure_conflicts(only_first, only_second),
        float(first.negated != second.negated),
        float(bool(first.owners - set(second.terms) or second.owners - set(first.terms))),
        float(one_way and first.direction != second.direction),
        _distinct_least(first, second, (first_nearest, second_nearest), weight, context),
    ]


@dataclass(frozen=True)
class SameClaimModel:
    bias: float
    weights: tuple[float, ...]
    # The chance at or above which a pair may be marked likely (chosen by cross-validation).
    threshold: float

    @classmethod
    def of(cls, bias: float, weights: Mapping[str, float], threshold: float) -> SameClaimModel:
        return cls(float(bias), tuple(float(weights[name]) for name in FEATURE_NAMES), float(threshold))

    def chance(self, features: Sequence[float]) -> float:
        total = self.bias + sum(weight * value for weight, value in zip(self.weights, features, strict=True))
        if total >= 0:
            return 1.0 / (1.0 + math.exp(-total))
        odds = math.exp(total)
        return odds / (1.0 + odds)


@lru_cache(maxsize=1)
def load_model() -> SameClaimModel:
    raw = orjson.loads(resources.files(__package__).joinpath(WEIGHTS).read_bytes())
    return SameClaimModel.of(raw["bias"], raw["weights"], raw["threshold"])


def judged(score: float, chance: float, threshold: float, likely: float, possible: float) -> float:
    """The score of a newsroom pair given the model's ``chance`` that it is one claim.

    The model's ``threshold`` stands for the default "likely" mark (``DEFAULT_LIKELY``): a chance
    from there up to 1 is mapped linearly onto the scores from that mark up to 1, and an accepted
    pair scores the higher of that and its own score, so a stricter configured ``likely`` asks a
    surer model. A rejected pair scores at most just below the configured ``likely``, and never
    below ``possible`` (nor above its own score)."""
    if chance >= threshold:
        return max(score, DEFAULT_LIKELY + (1.0 - DEFAULT_LIKELY) * (chance - threshold) / (1.0 - threshold))
    return min(score, below_likely(possible, likely))


def judge(
    score: float,
    first: str,
    second: str,
    weight: Callable[[str], float],
    both_ways: float,
    likely: float,
    possible: float,
    context: StoryContext = NO_CONTEXT,
    model: SameClaimModel | None = None,
) -> float:
    """``score`` of two newsroom claims once the model has read them (``judged``). The model reads
    ``both_ways``, the re-ranker's score of the pair the higher way round, so a pair is judged
    alike from either side, and ``context``, what the rest of their stories say. A question and a
    sentence that says what it asks about are never likely: the question claims nothing (such
    pairs are left out of what the model learns from)."""
    model = model or load_model()
    one, other = Sentence.of(first), Sentence.of(second)
    chance = 0.0 if one.asks != other.asks else model.chance(pair_features(one, other, both_ways, weight, context))
    return judged(score, chance, model.threshold, likely, possible)
