"""schema.org ClaimReview JSON-LD: what search engines and partner tools read of a fact-check.

Each reviewed claim becomes one ClaimReview, authored by the newsroom's organisation; with
``feed`` they are wrapped in a schema.org DataFeed. Everything comes from the stored data and the
options, never from the clock, so the same data always gives the same bytes.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

import orjson

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.claim_words import claim_reviewed
from factcheck_tui.core.export.report import Report
from factcheck_tui.core.export.safe_links import safe_href
from factcheck_tui.core.export.speaker_kind import schema_type
from factcheck_tui.core.export.wording import flat
from factcheck_tui.core.models import Claim, Story, StoryKind
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.urls import is_web_address
from factcheck_tui.core.workflow.filters import review_date

CONTEXT = "https://schema.org"
URL_FIELDS = ("story_id", "claim_id", "number")


@dataclass(frozen=True)
class Publishing:
    """Who publishes the fact-checks and where: required by ClaimReview."""

    org_name: str
    org_url: str
    review_url: str
    feed: bool = False


def check_publishing(org_name: str, org_url: str, review_url: str, feed: bool) -> Publishing:
    """The settings ClaimReview needs, or an error naming the first one that is missing or wrong."""
    org_name, org_url, review_url = org_name.strip(), org_url.strip(), review_url.strip()
    if not org_name:
        raise InputError(
            "ClaimReview needs the fact-checking organisation's name: set organisation.name in the config or pass --org-name"
        )
    if not org_url:
        raise InputError(
            "ClaimReview needs the fact-checking organisation's URL: set organisation.url in the config or pass --org-url"
        )
    if not is_web_address(org_url):
        raise InputError(f"organisation URL {org_url!r} is not a web address (expected https://...)")
    if not review_url:
        raise InputError(
            "ClaimReview needs the URL of the page that publishes the fact-checks: set organisation.review_url "
            "in the config or pass --review-url (a page, or a pattern like https://example.org/checks/{claim_id})"
        )
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(review_url) if name is not None}
    except ValueError as error:
        raise InputError(f"--review-url {review_url!r}: {error}") from None
    unknown = sorted(fields - set(URL_FIELDS))
    if unknown:
        raise InputError(
            f"--review-url {review_url!r}: unknown field {{{unknown[0]}}}; use {', '.join('{' + f + '}' for f in URL_FIELDS)}"
        )
    if not is_web_address(review_url.format_map(dict.fromkeys(URL_FIELDS, "x"))):
        raise InputError(f"--review-url {review_url!r} is not a web address (expected https://...)")
    if not fields and "#" in review_url:
        raise InputError(
            f"--review-url {review_url!r}: a page address without a #fragment; each claim gets its own anchor"
        )
    return Publishing(org_name, org_url, review_url, feed)


def review_page(publishing: Publishing, claim: Claim) -> str:
    """Where the claim's fact-check is read: the pattern filled in, or the page with the HTML report's anchor."""
    if "{" in publishing.review_url:
        return publishing.review_url.format(story_id=claim.story_id, claim_id=claim.id, number=claim.number)
    return f"{publishing.review_url}#claim-{claim.id}"


def _speaker(name: str) -> dict[str, str]:
    return {"@type": schema_type(name), "name": flat(name)}


def _rating(scale: VerdictScale, claim: Claim) -> dict[str, Any]:
    assert claim.verdict is not None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.verdict}
    value, best, worst = scale.rating(claim.verdict), scale.best_rating, scale.worst_rating
    if value is not None and best is not None and worst is not None:
        rating.update(ratingValue=value, bestRating=best, worstRating=worst)
    if claim.conclusion:
        rating["ratingExplanation"] = claim.conclusion
    return rating


def _appearance(story: Story) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    url = safe_href(story.url)
    if url and is_web_address(url):
        appearance["url"] = url
    appearance["headline"] = flat(story.title)
    if story.published:
        appearance["datePublished"] = story.published.isoformat()
    if story.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": flat(story.outlet)}
    return appearance


def claim_review(
    report: Report, publishing: Publishing, story: Story, claim: Claim, *, context: bool = True
) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        item["author"] = _speaker(claim.speaker)
    if story.published:
        item["datePublished"] = story.published.isoformat()
    item["appearance"] = _appearance(story)
    published = review_date(claim)
    assert published is not None
    review: dict[str, Any] = {"@context": CONTEXT} if context else {}
    review.update(
        {
            "@type": "ClaimReview",
            "url": review_page(publishing, claim),
            "claimReviewed": claim_reviewed(claim.text),
            "datePublished": published.isoformat(),
            "author": {"@type": "Organization", "name": publishing.org_name, "url": publishing.org_url},
            "reviewRating": _rating(report.scale, claim),
            "itemReviewed": item,
        }
    )
    # The organisation stays the author; the reviewer is credited by the name the desk chose for
    # publication, and only then: a bare login is never published.
    name = report.display_name(claim.reviewer) if claim.reviewer else None
    if name:
        review["creator"] = {"@type": "Person", "name": name}
    return review


def _reviewed(report: Report) -> list[tuple[Story, Claim]]:
    for section in report.stories:
        if section.story.kind is StoryKind.ARCHIVE:
            raise InputError(
                f"story {section.story.id} is an archive of imported fact-checks; "
                "ClaimReview export covers only this newsroom's own checks"
            )
    return [(story, claim) for story, claim in report.claims() if claim.reviewed]


def _feed(report: Report, publishing: Publishing, pairs: list[tuple[Story, Claim]]) -> dict[str, Any]:
    elements = []
    for story, claim in pairs:
        review = claim_review(report, publishing, story, claim, context=False)
        elements.append(
            {"@type": "DataFeedItem", "url": review["url"], "dateCreated": review["datePublished"], "item": [review]}
        )
    feed: dict[str, Any] = {"@context": CONTEXT, "@type": "DataFeed", "name": f"Fact-checks by {publishing.org_name}"}
    if elements:
        feed["dateModified"] = max(element["dateCreated"] for element in elements)
    feed["dataFeedElement"] = elements
    return feed


def to_json_ld(data: Any) -> str:
    # Escaping <, > and & keeps the JSON valid and lets it be pasted into a <script> tag safely:
    # a claim holding "</script>" cannot end the tag early.
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def render_claimreview(report: Report, publishing: Publishing) -> str:
    pairs = _reviewed(report)
    if publishing.feed:
        return to_json_ld(_feed(report, publishing, pairs))
    return to_json_ld([claim_review(report, publishing, story, claim) for story, claim in pairs])
