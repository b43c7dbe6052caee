"""A report names an earlier check copied into a claim by its title, publisher and link, never by a claim id."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.export import ExportOptions, export_report
from factcheck_tui.core.interchange.past_checks import import_checks
from factcheck_tui.core.matching.copying import copy_verdict
from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review

CLAIM_ID = re.compile(r"\b[0-9a-z]{5}-\d+\b")
CHECK_URL = "https://www.fact.example/factchecks/2020/jul/02/port-fees/"


def copied(repo: Repository, tmp_path: Path, strike_story, publisher: str | None) -> tuple[str, str]:
    """An archive check (PolitiFact-style, optionally naming its publisher) copied onto a story claim."""
    row = {
        "text": "Port fees doubled this year.",
        "verdict": "barely-true",
        "url": CHECK_URL,
        "title": "No, port fees did not double",
        "published": "2020-07-02",
    }
    if publisher:
        row["publisher"] = publisher
    path = tmp_path / "archive.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    archive = import_checks(repo, path, DEFAULT_SCALE, actor="ana").story_ids[0]
    source = f"{archive}-1"
    _story, claims = strike_story
    target = next(claim for claim in claims if claim.checkworthy).id
    copy_verdict(repo, target, source, actor="ana")
    review.set_conclusion(repo, target, "The port authority's tariff shows a 12% rise.", actor="ana")
    review.set_status(repo, target, Status.DONE, actor="ana")
    return target, source


def export(repo: Repository, fmt: str) -> str:
    return export_report(repo, Config(reviewer="ana"), ExportOptions.parse(format=fmt))


@pytest.mark.parametrize(("publisher", "named"), [("PolitiFact", "PolitiFact"), (None, "fact.example")])
def test_the_copied_check_is_named_by_title_publisher_and_link(
    repo: Repository, tmp_path: Path, strike_story, publisher: str | None, named: str
) -> None:
    target, source = copied(repo, tmp_path, strike_story, publisher)
    assert f"Published check of {source} (2020-07-02)" in {item.note for item in repo.get_claim(target).evidence}
    text = export(repo, "md")
    assert f"- [No, port fees did not double](<{CHECK_URL}>) — published fact-check by {named}, 2020-07-02" in text
    assert CLAIM_ID.findall(text) == []
    page = export(repo, "html")
    assert f"published fact-check by {named}, 2020-07-02" in page
    # The anchors stay (ClaimReview links to them); no id is left in what a reader sees.
    assert CLAIM_ID.findall(re.sub(r'id="(?:claim|story)-[^"]*"', "", page)) == []
    assert f"published fact-check by {named}, 2020-07-02" in export(repo, "csv")


def test_a_note_a_reviewer_wrote_is_kept_as_written(repo: Repository, tmp_path: Path, strike_story) -> None:
    target, _source = copied(repo, tmp_path, strike_story, None)
    review.add_evidence(
        repo,
        target,
        url="https://port.example/tariff",
        source="Tariff",
        note="Published check of the tariff",
        actor="ana",
    )
    assert "Published check of the tariff" in export(repo, "md")
