"""Caps on everything that comes in, so that no input can exhaust memory or hold the lock for long.

The defaults sit far above any real article or archive; ``[limits]`` in the config raises them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.models import Claim

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
    # A headline or any other one-line field (a speaker, a tag, an evidence source, an assignee);
    # a longer text typed or imported (a conclusion, a note); a link.
    headline_chars: int = Field(default=300, ge=20)
    field_chars: int = Field(default=20_000, ge=100)
    url_chars: int = Field(default=4_000, ge=200)

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


def check_typed_fields(before: Claim, after: Claim, limits: Limits) -> None:
    """Refuse, in one line, a save that puts an over-long value in a field a reviewer types.

    Only values the save changes are checked: a long note imported from an archive does not
    stop a later verdict.
    """
    lines = limits.headline_chars
    checks: list[tuple[str, str | None, str | None, int]] = [
        ("the conclusion", before.conclusion, after.conclusion, limits.field_chars),
        ("the internal note", before.notes, after.notes, limits.field_chars),
        ("the speaker", before.speaker, after.speaker, lines),
        ("the assignee", before.assignee, after.assignee, lines),
    ]
    checks += [("a tag", None, tag, lines) for tag in after.tags if tag not in before.tags]
    stored = {item.id: item for item in before.evidence}
    for item in after.evidence:
        old = stored.get(item.id)
        name = f"evidence {item.id}"
        checks += [
            (f"the link of {name}", old.url if old else None, item.url, limits.url_chars),
            (f"the source of {name}", old.source if old else None, item.source, lines),
            (f"the note of {name}", old.note if old else None, item.note, limits.field_chars),
        ]
    for what, old_value, value, limit in checks:
        if value is not None and value != old_value:
            check_length(value, limit, f"{after.id}: {what}")
