"""Reading schema.org ClaimReview JSON-LD as publishers write it.

The markup varies: one object, a list, an ``@graph``, a DataFeed of DataFeedItems, ClaimReviews
nested inside an article's ``review``; values that may be a string, an object or a list of either.
Every ClaimReview found anywhere in the document is read, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from factcheck_tui.core.interchange.check_records import Fields, text_of

CLAIM_REVIEW = "ClaimReview"
JSON_LD_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*([\"']?)application/ld\+json\1[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)


def type_names(obj: dict[str, Any]) -> set[str]:
    """``schema:ClaimReview`` and ``https://schema.org/ClaimReview`` are both ``ClaimReview``."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {re.split(r"[/:#]", name)[-1] for name in names if isinstance(name, str)}


def is_claim_review(obj: dict[str, Any]) -> bool:
    return CLAIM_REVIEW in type_names(obj) or ("@type" not in obj and "claimReviewed" in obj)


def find_claim_reviews(data: Any) -> list[dict[str, Any]]:
    found = []
    # An explicit stack instead of recursion: a hostile file may nest thousands of levels deep.
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if is_claim_review(node):
                found.append(node)
                continue
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
    return found


def _first_object(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, dict)), None)
    return value if isinstance(value, dict) else {}


def _name(value: Any) -> str | None:
    """A person's or organisation's name, given as text, an object, or a list of either."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        name = text_of(item.get("name")) if isinstance(item, dict) else text_of(item)
        if name:
            return name
    return None


def claim_review_fields(review: dict[str, Any]) -> Fields:
    rating = _first_object(review.get("reviewRating"))
    item = _first_object(review.get("itemReviewed"))
    identifier = review.get("identifier") or review.get("@id")
    return Fields(
        text=review.get("claimReviewed") or item.get("text") or item.get("name"),
        label=rating.get("alternateName") or rating.get("name"),
        value=rating.get("ratingValue"),
        best=rating.get("bestRating"),
        worst=rating.get("worstRating"),
        url=review.get("url"),
        published=review.get("datePublished") or review.get("dateCreated"),
        source_id=identifier if not isinstance(identifier, dict) else identifier.get("value"),
        speaker=_name(item.get("author")),
        title=review.get("headline") or review.get("name"),
        publisher=_name(review.get("author")) or _name(review.get("publisher")),
        conclusion=rating.get("ratingExplanation"),
    )


def json_ld_blocks(page: str) -> Iterator[tuple[int, str]]:
    """Each ``<script type="application/ld+json">`` of an HTML page, with the line it starts on."""
    line, position = 1, 0
    for match in JSON_LD_SCRIPT.finditer(page):
        line += page.count("\n", position, match.start(2))
        position = match.start(2)
        yield line, match.group(2)
