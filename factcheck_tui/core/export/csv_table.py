"""The desk's spreadsheet: one row per claim, safe to open in Excel, LibreOffice or Sheets.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
spreadsheets skip before reading a formula) would run as a formula when opened; such cells get a
leading apostrophe, which spreadsheets show as text. The file starts with a UTF-8 byte-order mark
because Excel otherwise reads UTF-8 as a legacy code page and garbles every accent and dash.
"""

from __future__ import annotations

import csv
import io

from factcheck_tui.core.export.report import Report
from factcheck_tui.core.export.wording import evidence_lines
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow.filters import review_date

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
COLUMNS = (
    "story_id",
    "story_headline",
    "outlet",
    "story_url",
    "story_published",
    "claim_id",
    "claim",
    "speaker",
    "verdict",
    "rating",
    "status",
    "reviewer",
    "review_date",
    "conclusion",
    "evidence",
    "original_label",
    "review_url",
    # Added later, so it comes last: the reviewer's display name from the config's [reviewers].
    "reviewer_name",
)


def guard_cell(value: str) -> str:
    return GUARD + value if value.startswith(FORMULA_START) else value


def _evidence(report: Report, claim: Claim) -> str:
    parts = []
    for item in evidence_lines(report, claim):
        head = f"{item.label}: {item.url}" if item.url and item.label != item.url else item.url or item.label
        parts.append(f"{head} ({item.note})" if item.note else head)
    return "\n".join(parts)


def _row(report: Report, story: Story, claim: Claim) -> list[str]:
    rating = report.scale.rating(claim.verdict) if claim.verdict else None
    day = review_date(claim)
    cells = [
        story.id,
        story.title,
        story.outlet,
        story.url,
        story.published.isoformat() if story.published else "",
        claim.id,
        claim.text,
        claim.speaker or "",
        claim.verdict or "",
        "" if rating is None else str(rating),
        claim.status.value,
        claim.reviewer or "",
        day.isoformat() if day else "",
        claim.conclusion,
        _evidence(report, claim),
        claim.original_label or "",
        claim.review_url or "",
        report.reviewer_name(claim.reviewer) if claim.reviewer else "",
    ]
    return [guard_cell(shown(cell)) for cell in cells]


def render_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for story, claim in report.claims():
        writer.writerow(_row(report, story, claim))
    return BOM + buffer.getvalue()
