from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck_tui.core.export import build_report, render
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review

GOLDEN = Path(__file__).parent.parent / "golden" / "report.md"


def _reviewed_story(repo: Repository) -> Story:
    body = "Mayor said taxes rose 4%. <script>alert(1)</script> said *nobody*. Turnout hit 61%."
    story, claims = repo.add_story(
        Story(
            id="k3p9x",
            title="Tax [vote] # results",
            outlet="Ledger",
            url="https://ledger.example/a b",
            published=date(2026, 3, 2),
            body=body,
        ),
        [
            Claim(
                id="",
                story_id="",
                number=0,
                text="Mayor said taxes rose 4%.",
                start=0,
                end=25,
                checkworthy=True,
                speaker="Mayor",
            ),
            Claim(
                id="",
                story_id="",
                number=0,
                text="<script>alert(1)</script> said *nobody*.",
                start=26,
                end=66,
                checkworthy=True,
            ),
            Claim(id="", story_id="", number=0, text="Turnout hit 61%.", start=67, end=83, checkworthy=True),
        ],
        "ana",
    )
    review.set_verdict(
        repo, claims[0].id, "False", scale=DEFAULT_SCALE, actor="ana", conclusion="Taxes rose 2%.\n\n- Not 4%."
    )
    review.add_evidence(
        repo, claims[0].id, url="https://budget.example/2026", source="City budget", note="Table 2", actor="ana"
    )
    review.set_verdict(repo, claims[1].id, "Misleading", scale=DEFAULT_SCALE, actor="ben")
    return story


def test_markdown_report_matches_the_golden_file(repo: Repository) -> None:
    _reviewed_story(repo)
    text = render(build_report(repo, DEFAULT_SCALE), "md")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_same_data_same_bytes(repo: Repository) -> None:
    _reviewed_story(repo)
    first = render(build_report(repo, DEFAULT_SCALE), "md")
    assert render(build_report(repo, DEFAULT_SCALE), "md") == first


def test_untrusted_text_cannot_inject_markup(repo: Repository) -> None:
    _reviewed_story(repo)
    text = render(build_report(repo, DEFAULT_SCALE), "md")
    assert "<script>" not in text
    assert r"\<script\>alert\(1\)\</script\> said \*nobody\*." in text
    assert r"## Tax \[vote\] \# results" in text


def test_unreviewed_claims_only_on_request(repo: Repository) -> None:
    _reviewed_story(repo)
    assert "Turnout hit 61%" not in render(build_report(repo, DEFAULT_SCALE), "md")
    assert "Turnout hit 61%" in render(build_report(repo, DEFAULT_SCALE, include_unreviewed=True), "md")
