"""Foreign ratings onto our verdict scale.

In order: a label that matches one of our own verdicts wins; then the publishers' table
(``rating_table``); then a numeric ``ratingValue`` placed by its position between worst and best.
What none of these can place is left without a verdict and reported, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from factcheck_tui.core.interchange.rating_table import PUBLISHER_SPELLING, RATING_TABLE
from factcheck_tui.core.scale import DEFAULT_SCALE, VerdictScale

# schema.org's defaults when a Rating gives a value without its range.
SCHEMA_BEST = 5.0
SCHEMA_WORST = 1.0
_NOT_WORD = re.compile(r"[^\w]+")
# How a rating looks in a web address or a data file's code column: "pants-fire", "barely_true".
_SLUG = re.compile(r"[a-z]+(?:[-_][a-z]+)*")


def normalise_label(label: str) -> str:
    """``Pants on Fire!`` and ``pants-on-fire`` are the same label; so are ``Engañoso`` and ``enganoso``."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", plain).replace("_", " ").split())


def publisher_spelling(label: str) -> str:
    """A rating as its publisher writes it: ``pants-fire`` is "Pants on Fire". A label already
    written for people (capitals or spaces) is kept exactly as given."""
    if _SLUG.fullmatch(label):
        return PUBLISHER_SPELLING.get(normalise_label(label), label)
    return label


def rating_key(label: str | None) -> str:
    """What makes two spellings of one rating the same (``pants-fire``, "Pants on Fire!")."""
    return normalise_label(publisher_spelling(label or ""))


@dataclass(frozen=True)
class ForeignRating:
    label: str | None = None
    value: float | None = None
    best: float | None = None
    worst: float | None = None

    def spelled(self) -> str:
        """The rating as the publisher gave it, for ``Claim.original_label``."""
        if self.label:
            return publisher_spelling(self.label)
        if self.value is None:
            return ""
        best, worst = (
            self.best if self.best is not None else SCHEMA_BEST,
            self.worst if self.worst is not None else SCHEMA_WORST,
        )
        return f"{self.value:g} on a scale of {worst:g} to {best:g}"


@dataclass
class RatingMapper:
    scale: VerdictScale
    _cache: dict[ForeignRating, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._own = {normalise_label(label): label for label in self.scale.names}
        self._rated = sorted((item.rating, item.label) for item in self.scale.labels if item.rating is not None)

    def map(self, rating: ForeignRating) -> str | None:
        if rating not in self._cache:
            self._cache[rating] = self._map(rating)
        return self._cache[rating]

    def _map(self, rating: ForeignRating) -> str | None:
        if rating.label:
            key = normalise_label(rating.label)
            if key in self._own:
                return self._own[key]
            if key in RATING_TABLE:
                return self._from_default_scale(RATING_TABLE[key])
        if rating.value is not None:
            best = rating.best if rating.best is not None else SCHEMA_BEST
            worst = rating.worst if rating.worst is not None else SCHEMA_WORST
            if best != worst:
                position = (rating.value - worst) / (best - worst)
                if 0.0 <= position <= 1.0:
                    return self._at_position(position)
        return None

    def _from_default_scale(self, label: str) -> str | None:
        key = normalise_label(label)
        if key in self._own:
            return self._own[key]
        rating = DEFAULT_SCALE.rating(label)
        best, worst = DEFAULT_SCALE.best_rating, DEFAULT_SCALE.worst_rating
        if rating is None or best is None or worst is None:
            return None
        return self._at_position((rating - worst) / (best - worst))

    def _at_position(self, position: float) -> str | None:
        """The ordered verdict nearest to a position between worst (0) and best (1).

        A tie goes towards the middle of the scale: halfway between two verdicts is not the stronger one.
        """
        if not self._rated:
            return None
        worst, best = self._rated[0][0], self._rated[-1][0]
        target, middle = worst + position * (best - worst), (worst + best) / 2
        return min(self._rated, key=lambda item: (abs(item[0] - target), abs(item[0] - middle)))[1]
