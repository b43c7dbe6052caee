"""One past fact-check as read from any input form, before it is mapped and stored.

JSON Lines records and CSV rows name their fields in many ways (``text``, ``claim``,
``Claim reviewed`` ...); ``plain_record`` accepts the common variants listed in ``FIELD_NAMES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from factcheck_tui.core.interchange.ratings import ForeignRating
from factcheck_tui.core.text import clean_text
from factcheck_tui.core.urls import is_web_address

# Canonical field -> accepted names, best first, as ``field_key`` spells them.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "claim", "claim text", "claimreviewed", "claim reviewed", "statement", "quote"),
    "verdict": (
        "verdict",
        "rating",
        "label",
        "textual rating",
        "textualrating",
        "alternatename",
        "alternate name",
        "rating label",
        "ruling",
    ),
    "rating_value": ("rating value", "ratingvalue", "numeric rating", "score"),
    "best": ("best rating", "bestrating"),
    "worst": ("worst rating", "worstrating"),
    "url": ("url", "review url", "fact check url", "factcheck url", "check url", "claimreview url", "link"),
    "published": (
        "published",
        "date",
        "date published",
        "datepublished",
        "review date",
        "reviewed on",
        "published on",
        "publication date",
        "checked on",
    ),
    "id": ("id", "identifier", "claim id", "check id", "record id", "uid"),
    "speaker": ("speaker", "claimant", "claim author", "said by"),
    "title": ("title", "headline", "review title", "review headline"),
    "publisher": ("publisher", "fact checker", "factchecker", "organisation", "organization"),
    "conclusion": ("conclusion", "explanation", "rating explanation", "ratingexplanation", "summary"),
}
MAX_TEXT = 5000
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def field_key(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.casefold()).split())


@lru_cache(maxsize=256)
def column_map(names: tuple[str, ...]) -> dict[str, int]:
    """Canonical field -> position among ``names``, using the best-ranked variant present.

    Cached: the records of one file nearly always share one set of field names.
    """
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        positions.setdefault(field_key(name), index)
    found = {}
    for canonical, variants in FIELD_NAMES.items():
        for variant in variants:
            if variant in positions:
                found[canonical] = positions[variant]
                break
    return found


class RecordError(ValueError):
    """A record that cannot be imported; the message says why, the reader adds where."""


@dataclass(frozen=True)
class PastCheck:
    where: str
    text: str
    rating: ForeignRating
    url: str | None = None
    title: str | None = None
    published: date | None = None
    source_id: str | None = None
    speaker: str | None = None
    publisher: str | None = None
    conclusion: str = ""


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def text_of(value: Any) -> str | None:
    """A readable string from a JSON value: numbers become text, lists give their first entry."""
    if value is None:
        return None
    if isinstance(value, list):
        value = next((item for item in value if item not in (None, "")), None)
    if value is None or isinstance(value, dict | bool):
        return None
    text = " ".join(clean_text(str(value)).split())
    return text or None


def number_of(value: Any, what: str) -> float | None:
    text = text_of(value)
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise RecordError(f"{what} {text!r} is not a number") from None


def parse_day(raw: str) -> date:
    """ISO dates and times, RFC 2822 dates, and spelled-out ones; ``01/05/2024`` is ambiguous, so refused."""
    text = raw.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise RecordError(f"date {raw!r} not understood (use YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Fields:
    """The loosely typed fields of one record, as any reader found them."""

    text: Any = None
    label: Any = None
    value: Any = None
    best: Any = None
    worst: Any = None
    url: Any = None
    published: Any = None
    source_id: Any = None
    speaker: Any = None
    title: Any = None
    publisher: Any = None
    conclusion: Any = None


def past_check(fields: Fields, where: str) -> tuple[PastCheck, list[Problem]]:
    """Validate one record. Missing text rejects it; a bad date or URL is only dropped. A check with
    no rating (a verified claim and its headline, as research sets give them) is still a check
    that was done: it is kept, without a verdict."""
    text = text_of(fields.text)
    if not text:
        raise RecordError("no claim text")
    if len(text) > MAX_TEXT:
        raise RecordError(f"claim text is {len(text):,} characters long; a claim is a sentence or two")
    rating = ForeignRating(
        label=text_of(fields.label),
        value=number_of(fields.value, "rating value"),
        best=number_of(fields.best, "best rating"),
        worst=number_of(fields.worst, "worst rating"),
    )
    warnings = []
    url = text_of(fields.url)
    if url and not is_web_address(url):
        warnings.append(Problem(where, f"URL {url!r} is not a web address; imported without it", skipped=False))
        url = None
    published = None
    raw_date = text_of(fields.published)
    if raw_date:
        try:
            published = parse_day(raw_date)
        except RecordError as error:
            warnings.append(Problem(where, f"{error}; imported without a date", skipped=False))
    check = PastCheck(
        where=where,
        text=text,
        rating=rating,
        url=url,
        title=text_of(fields.title),
        published=published,
        source_id=text_of(fields.source_id),
        speaker=text_of(fields.speaker),
        publisher=text_of(fields.publisher),
        conclusion=clean_text(fields.conclusion).strip() if isinstance(fields.conclusion, str) else "",
    )
    return check, warnings


def plain_fields(values: list[Any], columns: dict[str, int]) -> Fields:
    """Fields of a CSV row or a JSON record laid out by ``column_map``."""

    def pick(canonical: str) -> Any:
        index = columns.get(canonical)
        return values[index] if index is not None and index < len(values) else None

    return Fields(
        text=pick("text"),
        label=pick("verdict"),
        value=pick("rating_value"),
        best=pick("best"),
        worst=pick("worst"),
        url=pick("url"),
        published=pick("published"),
        source_id=pick("id"),
        speaker=pick("speaker"),
        title=pick("title"),
        publisher=pick("publisher"),
        conclusion=pick("conclusion"),
    )
