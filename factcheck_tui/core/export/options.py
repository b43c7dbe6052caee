"""Everything a reviewer can choose when exporting: the CLI flags and the TUI dialog fill in the same model."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.formats import FORMATS
from factcheck_tui.core.models import Status


class ExportOptions(BaseModel):
    """What to export and how.

    Scope: ``story_ids`` names stories (empty: every article story, plus the archives of imported
    checks for ``json``). ``verdicts``, ``statuses`` and ``reviewers`` keep claims matching any of
    their values; ``since``/``until`` keep claims whose verdict was given in that date range
    (inclusive). Only claims with a verdict are exported unless ``include_unreviewed``; for
    ``json`` it also keeps dismissed claims, so the export is a complete copy of the stories.
    Stories with no claim in the report are left out unless named or ``all_stories`` (a complete
    ``json`` backup keeps them all).
    ``org_name``/``org_url`` override the config's organisation, ``review_url`` is the page (or
    a pattern with {story_id}, {claim_id}, {number}) where the checks are published, and ``feed``
    wraps ClaimReviews in a DataFeed.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = "md"
    story_ids: list[str] = Field(default_factory=list)
    verdicts: list[str] = Field(default_factory=list)
    statuses: list[Status] = Field(default_factory=list)
    reviewers: list[str] = Field(default_factory=list)
    since: date | None = None
    until: date | None = None
    include_unreviewed: bool = False
    # List every story in scope, even those with no claim in the report.
    all_stories: bool = False
    org_name: str | None = None
    org_url: str | None = None
    review_url: str | None = None
    feed: bool = False

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in FORMATS:
            raise ValueError(f"unknown export format {value!r}; choose one of: {', '.join(FORMATS)}")
        return value

    @field_validator("statuses", mode="before")
    @classmethod
    def _parse_statuses(cls, values: Any) -> Any:
        if not isinstance(values, list | tuple):
            return values
        parsed = []
        for value in values:
            if isinstance(value, str) and not isinstance(value, Status):
                try:
                    value = Status.parse(value)
                except ValueError:
                    raise ValueError(
                        f"unknown status {value!r}; choose one of: {', '.join(s.value for s in Status)}"
                    ) from None
            parsed.append(value)
        return parsed

    @model_validator(mode="after")
    def _dates_in_order(self) -> ExportOptions:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"--since {self.since} is after --until {self.until}")
        return self

    @classmethod
    def parse(cls, **values: Any) -> ExportOptions:
        """Options from user input; a bad value is one clear ``InputError`` line."""
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"] if not isinstance(part, int))
            message = str(first["msg"]).removeprefix("Value error, ")
            raise InputError(f"export option {field}: {message}" if field else message) from None
