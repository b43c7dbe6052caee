"""Caps on everything that comes in, so that no input can exhaust memory or hold the lock for long.

The defaults sit far above any real article or archive; ``[limits]`` in the config raises them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from factcheck_tui.core.errors import InputError

MEGABYTE = 1_000_000
# An article file may carry markup (HTML) or a wide encoding (UTF-32) around its text.
ARTICLE_FILE_FACTOR = 5


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # The text of one story, in bytes of UTF-8: a long debate transcript is about 500 KB.
    story_bytes: int = Field(default=2 * MEGABYTE, ge=1000)
    # Records in one file of past fact-checks; the size of that file, or of a backup to restore.
    past_checks: int = Field(default=500_000, ge=1)
    archive_bytes: int = Field(default=500 * MEGABYTE, ge=1000)
    # A headline, and any other single field typed or imported (a conclusion, a note, a label).
    headline_chars: int = Field(default=300, ge=20)
    field_chars: int = Field(default=20_000, ge=100)

    @property
    def article_file_bytes(self) -> int:
        return self.story_bytes * ARTICLE_FILE_FACTOR


DEFAULT_LIMITS = Limits()


def size_label(count: int) -> str:
    """A byte count as people say it: '2 MB', '512 KB'."""
    if count >= MEGABYTE:
        return f"{count / MEGABYTE:,.3g} MB"
    return f"{count / 1000:,.3g} KB" if count >= 1000 else f"{count} bytes"


def check_length(value: str, limit: int, what: str) -> str:
    """``value`` unchanged if it fits, else a one-line refusal naming the field."""
    if len(value) > limit:
        raise InputError(
            f"{what} is {len(value):,} characters long; the limit is {limit:,} (see [limits] in the config)"
        )
    return value


def over_limit(label: str, size: int | None, limit: int, what: str, *, measured: str = "is") -> InputError:
    """One line refusing an input over a size cap; ``size`` is None when it was not read to the end."""
    measured = f"{measured} {size_label(size)}, over" if size is not None else "goes on past"
    return InputError(f"{label}: {measured} the {size_label(limit)} limit for {what} (see [limits] in the config)")
