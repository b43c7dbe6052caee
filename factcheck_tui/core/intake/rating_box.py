"""What a fact-check page says about the claim it checks, which article extractors leave out.

A fact-checking outlet puts the claim and its rating in a box beside the article (often only a
picture of a meter, with the rating in its alt text), in a "Share the Facts" widget, and in the
page's ClaimReview JSON-LD. Article extractors drop all three as page furniture, yet the rating is
the one line of the page a fact-checker needs most.

These rules apply only to a page that declares itself a fact-check (ClaimReview markup or a Share
the Facts widget): on any other page a "rating" box is a product's stars or a comment's votes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import orjson
from lxml.etree import _Element

from factcheck_tui.core.interchange.check_records import text_of
from factcheck_tui.core.interchange.claimreview_in import claim_review_fields, find_claim_reviews

_SHARE_THE_FACTS = re.compile(r"share-?the-?facts", re.IGNORECASE)
_RATING_BOX = re.compile(r"(?:^|[\s_-])(?:rating|verdict|ruling|meter)(?:$|[\s_-])", re.IGNORECASE)
_LABELLED = re.compile(r"^\s*(?:our\s+)?(?:rating|verdict|ruling|claim)\b", re.IGNORECASE)
RATING_MAX_CHARS = 80
WIDGET_MAX_LINES = 6
_WIDGET_BLOCKS = ("p", "li", "div", "h2", "h3", "h4", "dt", "dd")


def fact_check_summary(tree: _Element) -> list[str]:
    """Lines such as "Claim: …" and "Rating: False", in the order a reader would want them."""
    lines: list[str] = []
    for review in _claim_reviews(tree):
        fields = claim_review_fields(review)
        if claim := text_of(fields.text):
            lines.append(f"Claim: {claim}")
        if label := text_of(fields.label):
            lines.append(f"Rating: {label}")
    widgets = [
        element
        for element in tree.iter()
        if _names_match(element, _SHARE_THE_FACTS)
        and not any(_names_match(outer, _SHARE_THE_FACTS) for outer in element.iterancestors())
    ]
    for widget in widgets:
        lines.extend(_widget_lines(widget))
    if not lines and not widgets:
        return []
    if not any(line.startswith("Rating:") for line in lines):
        lines.extend(_rating_box_lines(tree))
    return list(dict.fromkeys(lines))


def _claim_reviews(tree: _Element) -> Iterator[dict[str, object]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = orjson.loads(script.text.strip().removeprefix("<!--").removesuffix("-->"))
        except orjson.JSONDecodeError:
            # A broken block elsewhere on the page is the publisher's problem, not the reader's.
            continue
        yield from find_claim_reviews(data)


def _names_match(element: _Element, pattern: re.Pattern[str]) -> bool:
    if not isinstance(element.tag, str):
        return False
    return bool(pattern.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _visible_text(element: _Element) -> str:
    """The element's text, or its pictures' alt text when a meter image is all it shows."""
    text = " ".join("".join(element.itertext()).split()) if element.tag not in ("script", "style") else ""
    if text:
        return text
    return " ".join(image.get("alt", "").strip() for image in element.iter("img") if image.get("alt", "").strip())


def _widget_lines(widget: _Element) -> list[str]:
    """One line per innermost block of the widget ("Claim: …", "Rating: …", who said it)."""
    lines = [
        _visible_text(block)
        for block in widget.iter(*_WIDGET_BLOCKS)
        if next(block.iterdescendants(*_WIDGET_BLOCKS), None) is None
    ]
    return [line for line in dict.fromkeys(lines) if line][:WIDGET_MAX_LINES]


def _rating_box_lines(tree: _Element) -> list[str]:
    for box in tree.iter():
        if not _names_match(box, _RATING_BOX):
            continue
        text = _visible_text(box)
        if text and len(text) <= RATING_MAX_CHARS:
            return [text if _LABELLED.match(text) else f"Rating: {text}"]
    return []
