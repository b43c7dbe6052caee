"""A verdict still being worked on never reads as a final one in an editor's report."""

from __future__ import annotations

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.export import ExportOptions, export_report
from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review


@pytest.fixture
def drafted(repo: Repository, strike_story) -> tuple[str, str]:
    """One verdict given and left In progress (``v4`` and nothing else), one finished and Done."""
    _story, claims = strike_story
    draft, final = [claim.id for claim in claims if claim.checkworthy][:2]
    review.set_verdict(repo, draft, "Mostly false", scale=DEFAULT_SCALE, actor="ana")
    review.set_verdict(repo, final, "True", scale=DEFAULT_SCALE, actor="ana", conclusion="The port's log agrees.")
    review.set_status(repo, final, Status.DONE, actor="ana")
    return draft, final


def export(repo: Repository, **options: object) -> str:
    return export_report(repo, Config(reviewer="tester"), ExportOptions.parse(**options))


def test_markdown_marks_the_draft_and_counts_it(repo: Repository, drafted: tuple[str, str]) -> None:
    text = export(repo, format="md")
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert [heading.split(". ", 1)[1] for heading in headings] in (
        ["Mostly false — _not final (In progress)_", "True"],
        ["True", "Mostly false — _not final (In progress)_"],
    )
    assert "2 checked claims (1 verdict not final: review not Done)" in text


def test_html_marks_the_draft(repo: Repository, drafted: tuple[str, str]) -> None:
    draft, final = drafted
    page = export(repo, format="html")
    assert f'draft" id="claim-{draft}">' in page and f'draft" id="claim-{final}">' not in page
    assert '<span class="verdict">Mostly false</span> <span class="draft-mark">not final (In progress)</span>' in page


def test_status_done_publishes_only_final_verdicts_and_says_what_stayed_out(
    repo: Repository, drafted: tuple[str, str]
) -> None:
    text = export(repo, format="md", statuses=["Done"])
    assert "Mostly false" not in text and "not final" not in text and "### 1. True" in text


def test_csv_keeps_the_status_beside_the_verdict(repo: Repository, drafted: tuple[str, str]) -> None:
    rows = export(repo, format="csv").splitlines()
    draft_row = next(row for row in rows if drafted[0] in row)
    assert "Mostly false" in draft_row and "In progress" in draft_row
