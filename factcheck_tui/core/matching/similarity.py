"""The similarity score: a small learned linear model over the pair's features, in [0, 1].

``weights.json`` beside this module holds the model, written by ``bench/train_matching.py``: the
weights are fitted to rank the right past check first for a query (a listwise logistic loss over
each query's candidates), then scaled and shifted (Platt scaling) so that the score reads as the
chance that the pair is the same claim. One threshold therefore means the same thing for
every query, and "likely" and "possible" in the config are plain probabilities.

Two guards sit outside the model. A pair whose figures or directions disagree never scores
above ``CONFLICT_CEILING``. Texts of fewer than four content words are guarded apart from the model: "Trump lied" shares its
only rare word with a thousand claims, so a short text must also agree with the other as a whole.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import orjson
from rapidfuzz import fuzz

from factcheck_tui.core.config import Matching
from factcheck_tui.core.matching.pair_features import FEATURE_NAMES

# Below this many distinct content words a text is too short to judge by shared words alone.
SHORT_TEXT_WORDS = 4
# Two claims that give different figures of one kind ("fell to 3 percent" / "to 4 percent") or
# say a quantity moved opposite ways are not the same claim however alike they read: such a pair
# scores at most the ceiling ``LexicalIndex.similarity`` is given: just below the configured
# "likely" mark, so it is shown as a possible match only. This one is for the default thresholds.
CONFLICT_CEILING = Matching().below_likely


@dataclass(frozen=True)
class Model:
    bias: float
    weights: tuple[float, ...]

    @classmethod
    def of(cls, bias: float, weights: Mapping[str, float]) -> Model:
        """Weights by feature name; a feature the model does not name weighs nothing."""
        return cls(bias=float(bias), weights=tuple(float(weights.get(name, 0.0)) for name in FEATURE_NAMES))

    def score(self, features: Sequence[float]) -> float:
        total = self.bias + sum(weight * value for weight, value in zip(self.weights, features, strict=False))
        # Written so that neither a very large nor a very small total overflows.
        if total >= 0:
            return 1.0 / (1.0 + math.exp(-total))
        odds = math.exp(total)
        return odds / (1.0 + odds)


# The model over every feature, cosine included, and the one learnt without the cosine: what
# matching uses while the sentence vectors of a new archive are still being computed.
WEIGHTS = "weights.json"
LEXICAL_WEIGHTS = "weights_lexical.json"


@lru_cache(maxsize=2)
def load_model(name: str = WEIGHTS) -> Model:
    raw = orjson.loads(resources.files(__package__).joinpath(name).read_bytes())
    return Model.of(raw["bias"], raw["weights"])


@dataclass(frozen=True)
class FirstStage:
    """A cheap first look at every candidate: its word BM25 (log, in rarest-word units, as the
    ``word_bm25`` feature) and its cosine. Only the best few by this go on to the full features,
    which cost a hundred times more; on the development set the right check is almost never
    among those left out (``bench/train_matching.py`` fits it and reports how often)."""

    word_bm25: float
    cosine: float

    def score(self, log_bm25: float, cosine: float) -> float:
        return self.word_bm25 * log_bm25 + self.cosine * cosine


@lru_cache(maxsize=1)
def load_first_stage() -> FirstStage:
    raw = orjson.loads(resources.files(__package__).joinpath(WEIGHTS).read_bytes())["first_stage"]
    return FirstStage(float(raw["word_bm25"]), float(raw["cosine"]))


def is_short(size: int) -> bool:
    return size < SHORT_TEXT_WORDS


def short_text_factor(query_canonical: str, part_canonicals: list[str]) -> float:
    """A short text matches only what says nearly the same words: the whole sorted word strings
    must agree, not just the one or two words they share. A past check's claim and its headline
    are compared separately, so "Moose in the mall?" still finds its own check. Squared: the
    cosine of a two-word text is its two words' own, so a near miss must cost more than its share."""
    return max((fuzz.token_sort_ratio(query_canonical, part) / 100 for part in part_canonicals), default=0.0) ** 2
