"""Check-worthiness: a small logistic model over the interpretable features.

The weights live in ``weights.json`` beside this module, so the score stays explainable: the
reasons shown are exactly the features that moved it. The sentence weights are trained by
``bench/train_checkworthiness.py`` on sentences alone (debates); the story weights by
``bench/train_story_ranking.py`` on news stories, where the sentence's own score is one input
beside its place in the story. Both give a log-odds on the one scale the threshold reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import orjson

from factcheck_tui.core.furniture import AGAINST
from factcheck_tui.core.intake.extraction.cues import Feature

# A sentence cue the story says again in its own words: the story's reason stands for both.
_RESTATED = {"quote": "quotation"}


@dataclass(frozen=True)
class StoryWeights:
    bias: float = 0.0
    sentence: float = 1.0
    # How far the story may lower a sentence's own log-odds (see train_story_ranking.py).
    max_drop: float = 4.0
    weights: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float
    story: StoryWeights = field(default_factory=StoryWeights)

    def logit(self, features: Sequence[Feature], cues: Sequence[Feature] | None = None) -> float:
        """Log-odds of check-worthiness; ``cues`` are the sentence's story cues (story.py), None outside a story."""
        total = self.bias + sum(self.weights.get(feature.name, 0.0) * feature.value for feature in features)
        if cues is None:
            return total
        story = self.story
        in_story = (
            story.bias + story.sentence * total + sum(story.weights.get(cue.name, 0.0) * cue.value for cue in cues)
        )
        return max(in_story, total - story.max_drop)

    def score(self, features: Sequence[Feature], cues: Sequence[Feature] | None = None) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit(features, cues)))

    def reasons(self, features: Sequence[Feature], cues: Sequence[Feature] | None = None) -> list[str]:
        """Reasons, strongest influence first; features the model ignores are not shown.

        A reason that lowered the score says so ("against: ..."), so that a reviewer never reads
        a point against a claim as one for it. A reason already said by another is left out.
        """
        scale = self.story.sentence if cues is not None else 1.0
        cues = cues or []
        restated = {cue.name for cue in cues} & set(_RESTATED.values())
        moves = [
            (feature, self.weights.get(feature.name, 0.0) * feature.value * scale)
            for feature in features
            if _RESTATED.get(feature.name) not in restated
        ]
        moves += [(cue, self.story.weights.get(cue.name, 0.0) * cue.value) for cue in cues]
        ranked = sorted((move for move in moves if move[0].reason and move[1]), key=lambda move: -abs(move[1]))
        said: list[str] = []
        for feature, weight in ranked:
            text = feature.reason if weight > 0 else f"{AGAINST}{feature.reason}"
            if not any(_covers(earlier, text) for earlier in said):
                said.append(text)
        return said


def _covers(earlier: str, reason: str) -> bool:
    """ "date (Sunday, January 10th)" already says "date (January 10th)"."""
    kind, _, detail = reason.partition(" (")
    earlier_kind, _, earlier_detail = earlier.partition(" (")
    return earlier_kind == kind and detail.rstrip(")") in earlier_detail


@lru_cache(maxsize=1)
def load_model() -> Model:
    raw = orjson.loads(resources.files(__package__).joinpath("weights.json").read_bytes())
    story = raw.get("story", {})
    return Model(
        bias=float(raw["bias"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        threshold=float(raw["threshold"]),
        story=StoryWeights(
            bias=float(story.get("bias", 0.0)),
            sentence=float(story.get("sentence", 1.0)),
            max_drop=float(story.get("max_drop", 4.0)),
            weights={k: float(v) for k, v in story.get("weights", {}).items()},
        ),
    )
