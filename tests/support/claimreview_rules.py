"""The rules every ClaimReview we publish must follow (issue 7, and Google's required fields)."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from factcheck_tui.core.scale import VerdictScale

CONTEXTS = ("https://schema.org", "http://schema.org")


def _web(url: Any) -> bool:
    if not isinstance(url, str) or any(ch.isspace() for ch in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _iso_day(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _rating_problems(rating: Any, scale: VerdictScale) -> list[str]:
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        return ["reviewRating is not a Rating"]
    problems = []
    label = rating.get("alternateName")
    if not _text(label) or label not in scale.names:
        problems.append(f"reviewRating.alternateName {label!r} is not a verdict of the scale")
        return problems
    numbers = {key: rating.get(key) for key in ("ratingValue", "bestRating", "worstRating")}
    value = scale.rating(label)
    if value is None:
        if any(number is not None for number in numbers.values()):
            problems.append(f"unordered verdict {label!r} carries numbers {numbers}")
    else:
        expected = {"ratingValue": value, "bestRating": scale.best_rating, "worstRating": scale.worst_rating}
        if numbers != expected:
            problems.append(f"ordered verdict {label!r} has numbers {numbers}, expected {expected}")
        elif not expected["worstRating"] <= value <= expected["bestRating"]:
            problems.append("ratingValue outside worstRating..bestRating")
    if "ratingExplanation" in rating and not _text(rating["ratingExplanation"]):
        problems.append("ratingExplanation is empty")
    return problems


def _item_problems(item: Any) -> list[str]:
    if not isinstance(item, dict) or item.get("@type") != "Claim":
        return ["itemReviewed is not a Claim"]
    problems = []
    author = item.get("author")
    if author is not None and (
        not isinstance(author, dict)
        or author.get("@type") not in ("Person", "Organization")
        or not _text(author.get("name"))
    ):
        problems.append("itemReviewed.author is not a named Person or Organization")
    appearance = item.get("appearance")
    if appearance is not None:
        if not isinstance(appearance, dict) or not _text(appearance.get("@type")):
            problems.append("itemReviewed.appearance is not a CreativeWork")
        elif "url" in appearance and not _web(appearance["url"]):
            problems.append(f"itemReviewed.appearance.url {appearance['url']!r} is not a web address")
    return problems


def claim_review_problems(review: Any, scale: VerdictScale, *, standalone: bool = True) -> list[str]:
    if not isinstance(review, dict):
        return ["not an object"]
    problems = []
    if standalone and review.get("@context") not in CONTEXTS:
        problems.append("missing @context")
    if review.get("@type") != "ClaimReview":
        problems.append("@type is not ClaimReview")
    if not _text(review.get("claimReviewed")):
        problems.append("claimReviewed is missing")
    if not _web(review.get("url")):
        problems.append(f"url {review.get('url')!r} is not a web address")
    if not _iso_day(review.get("datePublished")):
        problems.append(f"datePublished {review.get('datePublished')!r} is not a date")
    author = review.get("author")
    if (
        not isinstance(author, dict)
        or author.get("@type") != "Organization"
        or not _text(author.get("name"))
        or not _web(author.get("url"))
    ):
        problems.append("author is not an Organization with a name and a web address")
    problems.extend(_rating_problems(review.get("reviewRating"), scale))
    problems.extend(_item_problems(review.get("itemReviewed")))
    return problems


def feed_problems(feed: Any, scale: VerdictScale) -> list[str]:
    if not isinstance(feed, dict) or feed.get("@type") != "DataFeed" or feed.get("@context") not in CONTEXTS:
        return ["not a schema.org DataFeed"]
    problems = []
    elements = feed.get("dataFeedElement")
    if not isinstance(elements, list):
        return ["dataFeedElement is not a list"]
    for index, element in enumerate(elements):
        items = element.get("item") if isinstance(element, dict) else None
        if (
            not isinstance(element, dict)
            or element.get("@type") != "DataFeedItem"
            or not isinstance(items, list)
            or not items
        ):
            problems.append(f"dataFeedElement[{index}] is not a DataFeedItem with items")
            continue
        for review in items:
            problems.extend(
                f"dataFeedElement[{index}]: {problem}"
                for problem in claim_review_problems(review, scale, standalone=False)
            )
            if element.get("url") != review.get("url") or element.get("dateCreated") != review.get("datePublished"):
                problems.append(f"dataFeedElement[{index}]: url/dateCreated differ from its ClaimReview")
    return problems
