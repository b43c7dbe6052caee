"""Check-worthiness: a small logistic model over the interpretable features.

The weights live in ``weights.json`` beside this module (trained by ``bench/train_checkworthiness.py``),
so the score stays explainable: the reasons shown are exactly the features that moved it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import orjson

from factcheck_tui.core.extraction.features import Feature


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float

    def score(self, features: list[Feature]) -> float:
        total = self.bias + sum(self.weights.get(feature.name, 0.0) * feature.value for feature in features)
        return 1.0 / (1.0 + math.exp(-total))

    def reasons(self, features: list[Feature]) -> list[str]:
        """Reasons, strongest influence first; features the model ignores are not shown.

        A reason that lowered the score says so ("against: ..."), so that a reviewer never reads
        a point against a claim as one for it. A reason already said by another is left out.
        """
        ranked = sorted(
            (feature for feature in features if feature.reason and self.weights.get(feature.name, 0.0)),
            key=lambda feature: -abs(self.weights[feature.name] * feature.value),
        )
        said: list[str] = []
        for feature in ranked:
            text = feature.reason if self.weights[feature.name] > 0 else f"{AGAINST}{feature.reason}"
            if not any(_covers(earlier, text) for earlier in said):
                said.append(text)
        return said


AGAINST = "against: "


def _covers(earlier: str, reason: str) -> bool:
    """ "date (Sunday, January 10th)" already says "date (January 10th)"."""
    kind, _, detail = reason.partition(" (")
    earlier_kind, _, earlier_detail = earlier.partition(" (")
    return earlier_kind == kind and detail.rstrip(")") in earlier_detail


@lru_cache(maxsize=1)
def load_model() -> Model:
    raw = orjson.loads(resources.files(__package__).joinpath("weights.json").read_bytes())
    return Model(
        bias=float(raw["bias"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        threshold=float(raw["threshold"]),
    )
