"""What every report format says, decided once; the renderers only add their own markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck_tui.core.export.report import Report, StoryReport
from factcheck_tui.core.models import Claim, Status

UNRATED = "Not yet rated"
# A verdict whose review is not Done: an editor must not take it for a published one.
NOT_FINAL = "not final"
NOTHING_CHECKED = "No claims in this story have been checked yet."


@dataclass(frozen=True)
class Fact:
    """One labelled line under a claim; ``url`` to make it a link."""

    name: str
    text: str
    url: str = ""


@dataclass(frozen=True)
class EvidenceLine:
    label: str
    url: str
    note: str


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def draft_status(claim: Claim) -> str | None:
    """The review status of a verdict that is not final yet ("In progress"), or None."""
    return claim.status.value if claim.verdict and claim.status is not Status.DONE else None


def draft_mark(claim: Claim) -> str:
    """What follows a verdict still being worked on: "not final (In progress)"; "" for a final one."""
    status = draft_status(claim)
    return f"{NOT_FINAL} ({status})" if status else ""


def headline_counts(report: Report) -> str:
    """``2 stories, 5 checked claims`` (how many of those verdicts are not final yet, and the unrated
    ones when they were asked for)."""
    text = f"{plural(len(report.stories), 'story', 'stories')}, {plural(report.reviewed_count, 'checked claim')}"
    drafts = sum(draft_status(claim) is not None for _, claim in report.claims())
    if drafts:
        text += f" ({drafts} {'verdict' if drafts == 1 else 'verdicts'} {NOT_FINAL}: review not Done)"
    unrated = report.claim_count - report.reviewed_count
    return f"{text}, {unrated} not yet rated" if unrated else text


def checked_line(section: StoryReport) -> str:
    """How far the story's check has got, and how much of it this report shows when filters chose less."""
    line = f"{plural(section.checked_count, 'claim')} checked of {section.checkworthy_count} check-worthy"
    shown = len(section.claims)
    if shown == section.checked_count == section.reviewed_count:
        return f"{line}."
    unrated = shown - section.reviewed_count
    return f"{line}; {shown or 'none'} in this report{f', {unrated} not yet rated' if unrated else ''}."


def left_out_line(report: Report) -> str:
    """Why the rest of the chosen stories' claims stay out ("31 without a verdict, 2 not Done"), or ""."""
    parts = [", ".join(f"{count} {why}" for why, count in report.left_out)] if report.left_out else []
    if report.stories_left_out:
        parts.append(f"{plural(report.stories_left_out, 'story', 'stories')} with nothing to report")
    return "; ".join(parts)


def selection_line(report: Report) -> str:
    """What an export will hold and why the rest stays out, said before it is written."""
    line = f"{plural(report.claim_count, 'claim')} from {plural(len(report.stories), 'story', 'stories')}"
    left_out = left_out_line(report)
    return f"{line}; left out: {left_out}." if left_out else f"{line}."


def flat(text: str) -> str:
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    return [flat(chunk) for chunk in re.split(r"\n\s*\n", text.strip()) if chunk.strip()]


def unlinked(label: str, url: str) -> str:
    """A link that must not be clickable still shows where it pointed, as plain text."""
    return label if label == url else f"{label} ({url})"


def claim_facts(report: Report, claim: Claim) -> list[Fact]:
    """What a reader of the report is told about a claim besides its verdict and conclusion. The
    desk's own workings stay out: the claim's id and workflow status, and the reviewer's login
    (the reviewer is named only by the display name the config's ``[reviewers]`` gives, as in
    ClaimReview)."""
    facts = []
    if claim.speaker:
        facts.append(Fact("Speaker", claim.speaker))
    reviewer = report.display_name(claim.reviewer) if claim.reviewer else None
    if reviewer:
        facts.append(Fact("Reviewer", reviewer))
    if claim.original_label and claim.original_label != claim.verdict:
        facts.append(Fact("Original rating", claim.original_label))
    if claim.review_url:
        facts.append(Fact("Published check", claim.review_title or claim.review_url, url=claim.review_url))
    return facts


# The note copying an earlier check leaves on the link to it: "Published check of k3p9x-2 (2024-05-01)".
_COPIED_CHECK_NOTE = re.compile(r"^Published check of (?P<id>[0-9a-z]{5}-\d+)(?: \((?P<day>\d{4}-\d{2}-\d{2})\))?$")


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def _published_check(report: Report, claim: Claim, url: str, note: str) -> str:
    """A note naming an earlier check by its id, as the reader of a report can know it: by its
    publisher (or the site of its link) and date. Other notes are kept as written."""
    found = _COPIED_CHECK_NOTE.match(note)
    if found is None or found["id"] != claim.copied_from:
        return note
    publisher = report.check_publishers.get(found["id"]) or _host(url)
    named = f"published fact-check by {publisher}" if publisher else "published fact-check"
    return f"{named}, {found['day']}" if found["day"] else named


def evidence_lines(report: Report, claim: Claim) -> list[EvidenceLine]:
    lines = []
    for item in claim.evidence:
        label = item.source or item.url or "Note"
        note = _published_check(report, claim, item.url, item.note)
        lines.append(EvidenceLine(label, item.url, note if note != label else ""))
    return lines
