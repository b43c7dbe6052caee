"""The verdict scale: a newsroom's labels, the first ones ordered for ClaimReview ratings."""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator

from factcheck_tui.core.errors import InputError


class VerdictLabel(BaseModel):
    label: str = Field(min_length=1)
    rating: int | None = Field(default=None, ge=1)
    description: str = ""


class VerdictScale(BaseModel):
    labels: list[VerdictLabel] = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct(self) -> VerdictScale:
        seen: set[str] = set()
        for item in self.labels:
            key = item.label.casefold()
            if key in seen:
                raise ValueError(f"verdict {item.label!r} appears twice")
            seen.add(key)
        ratings = [item.rating for item in self.labels if item.rating is not None]
        if len(ratings) != len(set(ratings)):
            raise ValueError("two verdicts share a rating")
        return self

    @property
    def names(self) -> list[str]:
        return [item.label for item in self.labels]

    def resolve(self, text: str) -> str:
        """The scale's own spelling of a verdict typed by a user (any case, or its 1-based number)."""
        wanted = " ".join(text.split()).casefold()
        for item in self.labels:
            if item.label.casefold() == wanted:
                return item.label
        if wanted.isdigit() and 1 <= int(wanted) <= len(self.labels):
            return self.labels[int(wanted) - 1].label
        raise InputError(f"unknown verdict {text!r}; the scale is: {', '.join(self.names)}")

    def rating(self, label: str) -> int | None:
        for item in self.labels:
            if item.label.casefold() == label.casefold():
                return item.rating
        return None

    @property
    def best_rating(self) -> int | None:
        return max((item.rating for item in self.labels if item.rating is not None), default=None)

    @property
    def worst_rating(self) -> int | None:
        return min((item.rating for item in self.labels if item.rating is not None), default=None)


DEFAULT_SCALE = VerdictScale(
    labels=[
        VerdictLabel(label="True", rating=5, description="Accurate, nothing significant missing"),
        VerdictLabel(label="Mostly true", rating=4, description="Accurate but needs clarification"),
        VerdictLabel(label="Mixed", rating=3, description="Partly accurate, partly not"),
        VerdictLabel(label="Mostly false", rating=2, description="Contains an element of truth"),
        VerdictLabel(label="False", rating=1, description="Not accurate"),
        VerdictLabel(label="Misleading", description="Accurate facts giving a false impression"),
        VerdictLabel(label="Missing context", description="Needs context to be understood"),
        VerdictLabel(label="Unverifiable", description="Cannot be proved or disproved"),
    ]
)
