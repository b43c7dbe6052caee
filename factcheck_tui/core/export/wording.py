"""What every report format says, decided once; the renderers only add their own markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck_tui.core.export.report import Report, StoryReport
from factcheck_tui.core.models import Claim

UNRATED = "Not yet rated"
NOTHING_CHECKED = "No claims in this story have been checked yet."


@dataclass(frozen=True)
class Fact:
    """One labelled line under a claim; ``code`` for identifiers, ``url`` to make it a link."""

    name: str
    text: str
    url: str = ""
    code: bool = False


@dataclass(frozen=True)
class EvidenceLine:
    label: str
    url: str
    note: str


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def headline_counts(report: Report) -> str:
    """``2 stories, 5 checked claims`` (and the unrated ones when they were asked for)."""
    text = f"{plural(len(report.stories), 'story', 'stories')}, {plural(report.reviewed_count, 'checked claim')}"
    unrated = report.claim_count - report.reviewed_count
    return f"{text}, {unrated} not yet rated" if unrated else text


def checked_line(section: StoryReport) -> str:
    return f"{plural(section.reviewed_count, 'claim')} checked of {section.checkworthy_count} check-worthy."


def flat(text: str) -> str:
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    return [flat(chunk) for chunk in re.split(r"\n\s*\n", text.strip()) if chunk.strip()]


def unlinked(label: str, url: str) -> str:
    """A link that must not be clickable still shows where it pointed, as plain text."""
    return label if label == url else f"{label} ({url})"


def claim_facts(claim: Claim) -> list[Fact]:
    facts = []
    if claim.speaker:
        facts.append(Fact("Speaker", claim.speaker))
    facts.append(Fact("Claim id", claim.id, code=True))
    facts.append(Fact("Status", claim.status.value))
    if claim.reviewer:
        facts.append(Fact("Reviewer", claim.reviewer))
    if claim.original_label and claim.original_label != claim.verdict:
        facts.append(Fact("Original rating", claim.original_label))
    if claim.review_url:
        facts.append(Fact("Published check", claim.review_title or claim.review_url, url=claim.review_url))
    return facts


def evidence_lines(claim: Claim) -> list[EvidenceLine]:
    lines = []
    for item in claim.evidence:
        label = item.source or item.url or "Note"
        lines.append(EvidenceLine(label, item.url, item.note if item.note != label else ""))
    return lines
