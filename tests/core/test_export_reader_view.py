"""The Markdown and HTML reports hold what a reader of the check should see, and none of the desk's
workings: no claim or story ids, no workflow status, no reviewer's login."""

from __future__ import annotations

import html
import re

import pytest

from factcheck_tui.core.export import build_report, render
from factcheck_tui.core.models import Claim, Status, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review

LOGIN = "jq7checker"


def _checked_story(repo: Repository) -> tuple[Story, Claim]:
    body = "The harbour board said fees fell 8% in June."
    story, claims = repo.add_story(
        Story(id="", title="Harbour fees in June", outlet="Quay Weekly", body=body),
        [Claim(id="", story_id="", number=0, text=body, start=0, end=len(body), checkworthy=True)],
        LOGIN,
    )
    review.set_verdict(repo, claims[0].id, "Mostly true", scale=DEFAULT_SCALE, actor=LOGIN, conclusion="They fell 7%.")
    review.set_status(repo, claims[0].id, Status.DONE, actor=LOGIN)
    return story, claims[0]


def _seen(report: str, format: str) -> str:
    """What a reader sees: for HTML, the text without its tags (anchors like id="claim-…" are not shown)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", report.split("<body>", 1)[1])) if format == "html" else report


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_report_shows_the_check_and_not_the_desk(repo: Repository, format: str) -> None:
    story, claim = _checked_story(repo)
    seen = _seen(render(build_report(repo, DEFAULT_SCALE), format), format)
    assert "Harbour fees in June" in seen and "Mostly true" in seen and "They fell 7%." in seen
    for internal in (claim.id, story.id, "Status", "Done", "Claim id", "Story id", LOGIN, "Reviewer"):
        assert internal not in seen, f"{internal!r} is the app's, not the reader's"


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_reviewer_with_a_display_name_is_named_by_it(repo: Repository, format: str) -> None:
    _checked_story(repo)
    report = build_report(repo, DEFAULT_SCALE, reviewer_names={LOGIN: "Jo Quill"})
    seen = _seen(render(report, format), format)
    assert "Jo Quill" in seen and LOGIN not in seen
