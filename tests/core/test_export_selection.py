"""What goes into a report and what it says about the rest: counts, story order, reviewer names, the chart."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest

from factcheck_tui.core.config import Config, Organisation
from factcheck_tui.core.export import ExportOptions, export_report, select, selection_line
from factcheck_tui.core.models import Claim, Status, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import claim_edits, review
from support.newsrooms import build_export_newsroom

ORG = Organisation(name="Harbor Checks", url="https://checks.harbor.example", review_url="https://checks.example/r")


@pytest.fixture
def config() -> Config:
    return Config(reviewer="tester", organisation=ORG, reviewers={"Ana": "Ana Lima", "ben": "Ben Okafor"})


def export(repo: Repository, config: Config, **options: object) -> str:
    return export_report(repo, config, ExportOptions.parse(**options))


def _story_with_rated_claims(repo: Repository, rated: int, total: int) -> str:
    """``total`` check-worthy claims, the first ``rated`` of them given a verdict (so In progress, not Done)."""
    sentences = [f"The port handled {n} million tonnes in year {n}." for n in range(1, total + 1)]
    body = " ".join(sentences)
    claims = [
        Claim(
            id="",
            story_id="",
            number=0,
            text=text,
            start=body.find(text),
            end=body.find(text) + len(text),
            checkworthy=True,
        )
        for text in sentences
    ]
    story, stored = repo.add_story(
        Story(id="p0rt5", title="Port figures", body=body, published=date(2026, 5, 1)), claims, "ana"
    )
    for claim in stored[:rated]:
        review.set_verdict(repo, claim.id, "False", scale=DEFAULT_SCALE, actor="ana")
    return story.id


def test_a_status_filter_keeps_the_count_of_checked_claims(repo: Repository, config: Config) -> None:
    # The case: five claims had verdicts, none was Done, and the report said "0 claims checked of 38".
    story_id = _story_with_rated_claims(repo, rated=5, total=38)
    assert {claim.status for claim in repo.list_claims(story_id)[:5]} == {Status.IN_PROGRESS}
    text = export(repo, config, format="md", story_ids=[story_id], statuses=["Done"])
    assert "**Summary:** 5 claims checked of 38 check-worthy; none in this report." in text
    assert "0 claims checked" not in text
    assert selection_line(select(repo, config, ExportOptions.parse(story_ids=[story_id], statuses=["Done"]))) == (
        "0 claims from 1 story; left out: 33 without a verdict, 5 with a status other than Done."
    )


def test_an_unfiltered_story_says_only_how_far_its_check_got(repo: Repository, config: Config) -> None:
    story_id = _story_with_rated_claims(repo, rated=2, total=3)
    assert "**Summary:** 2 claims checked of 3 check-worthy.\n" in export(
        repo, config, format="md", story_ids=[story_id]
    )


def test_stories_come_newest_first_and_empty_ones_only_on_request(repo: Repository, config: Config) -> None:
    build_export_newsroom(repo)
    repo.add_story(
        Story(id="n0ne1", title="Nothing checked yet", body="Rates rose 9%.", published=date(2026, 6, 1)), [], "ana"
    )
    headings = lambda text: re.findall(r"^## (.+)$", text, flags=re.MULTILINE)  # noqa: E731
    assert headings(export(repo, config, format="md")) == [
        "Route 9: the numbers",
        r"Tax \[vote\] \# results \& \<b\>more\</b\>",
    ]
    assert headings(export(repo, config, format="md", all_stories=True))[0] == "Nothing checked yet"
    report = select(repo, config, ExportOptions.parse(format="md"))
    assert report.stories_left_out == 1 and "1 story with nothing to report" in selection_line(report)
    # A complete backup keeps every story, even one with no claim.
    backup = json.loads(export(repo, config, format="json", include_unreviewed=True))
    assert "n0ne1" in [entry["story"]["id"] for entry in backup["stories"]]


def test_reviewers_are_named_as_the_config_says_in_every_report(repo: Repository, config: Config) -> None:
    build_export_newsroom(repo)
    markdown = export(repo, config, format="md")
    assert "- **Reviewer:** Ana Lima" in markdown and "- **Reviewer:** Ben Okafor" in markdown
    assert "<dt>Reviewer</dt><dd>Ben Okafor</dd>" in export(repo, config, format="html")
    rows = list(csv.DictReader(io.StringIO(export(repo, config, format="csv").lstrip("\ufeff"))))
    assert {(row["reviewer"], row["reviewer_name"]) for row in rows} == {
        ("ana", "Ana Lima"),
        ("Ana", "Ana Lima"),
        ("ben", "Ben Okafor"),
    }
    reviews = json.loads(export(repo, config, format="claimreview", story_ids=["k3p9x", "r9b5s"]))
    assert [review.get("creator") for review in reviews] == [
        {"@type": "Person", "name": "Ben Okafor"},
        {"@type": "Person", "name": "Ana Lima"},
    ]
    assert all(review["author"]["@type"] == "Organization" for review in reviews)


def test_a_login_without_a_display_name_is_never_published(repo: Repository) -> None:
    build_export_newsroom(repo)
    reviews = json.loads(export(repo, Config(reviewer="tester", organisation=ORG), format="claimreview"))
    assert reviews and all("creator" not in review for review in reviews)


def test_the_html_verdict_summary_is_a_chart(repo: Repository, config: Config) -> None:
    build_export_newsroom(repo)
    html = export(repo, config, format="html", story_ids=["k3p9x"], include_unreviewed=True)
    assert "█" not in html and "░" not in html
    bars = re.findall(r'<rect class="fill (\w+)" width="([\d.]+)" height="10"/>', html)
    # One False and one Misleading of two rated claims: two half bars, coloured by place on the
    # scale (Misleading has none on the default scale).
    assert bars == [("bad", "50"), ("plain", "50")]
    assert '<th scope="row">False</th>' in html and '<td class="pct">50%</td>' in html


def test_claims_merged_into_others_are_not_counted_as_dismissed(repo: Repository, config: Config, strike_story) -> None:
    story, claims = strike_story
    numbered = {claim.number: claim for claim in claims}
    claim_edits.merge_claims(repo, numbered[8].id, numbered[9].id, actor="ana")
    claim_edits.merge_claims(repo, numbered[11].id, numbered[12].id, actor="ana")
    claim_edits.dismiss_claim(repo, numbered[2].id, actor="ana", note="a byline")
    review.set_verdict(repo, numbered[3].id, "True", scale=DEFAULT_SCALE, actor="ana")
    assert claim_edits.merged_into(repo.get_claim(numbered[9].id)) == numbered[8].id
    assert claim_edits.merged_into(repo.get_claim(numbered[2].id)) is None

    report = select(repo, config, ExportOptions.parse(story_ids=[story.id]))
    assert dict(report.left_out) == {"without a verdict": 8, "merged into another claim": 2, "dismissed": 1}
