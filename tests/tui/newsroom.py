"""A small newsroom with fixed ids and timestamps, so screen snapshots are the same on every run."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from factcheck_tui.core.extraction import extract
from factcheck_tui.core.extraction.normalise import normalise_body
from factcheck_tui.core.importing import extracted_claims
from factcheck_tui.core.models import Change, Claim, Evidence, Status, Story
from factcheck_tui.core.storage.repository import Repository

FIXTURES = Path(__file__).parent.parent / "fixtures"
AT = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
LATER = datetime(2026, 1, 13, 14, 5, tzinfo=UTC)

STORIES = (
    (
        "p0rt5",
        "port-strike.txt",
        "Dockworkers vote to end 11-day strike at Port of Ellery",
        "Ellery Evening Post",
        date(2026, 1, 12),
    ),
    (
        "c1ty7",
        "council-budget.txt",
        "Council passes budget with 3% transit increase",
        "Ellery Evening Post",
        date(2026, 2, 3),
    ),
    (
        "w33k2",
        "port-strike-week-two.txt",
        "Port of Ellery strike enters its second week",
        "Coastline Wire",
        date(2026, 1, 5),
    ),
)


def _claims(story_id: str, body: str) -> list[Claim]:
    return [
        claim.model_copy(
            update={
                "id": f"{story_id}-{number}",
                "story_id": story_id,
                "number": number,
                "created_at": AT,
                "updated_at": AT,
                "updated_by": "maria",
                "history": [Change(at=AT, by="maria", field="created", new=claim.text, version=1)],
            }
        )
        for number, claim in enumerate(extracted_claims(extract(body)), start=1)
    ]


def _reviewed(claim: Claim) -> Claim:
    evidence = Evidence(
        id="e1",
        url="https://port.example/strike-costs",
        source="Port of Ellery",
        note="Daily trade figures",
        added_at=LATER,
        added_by="maria",
    )
    return claim.model_copy(
        update={
            "verdict": "Mostly false",
            "status": Status.DONE,
            "conclusion": "Port figures put the cost nearer $60 million a day.",
            "evidence": [evidence],
            "reviewer": "maria",
            "version": 2,
            "updated_at": LATER,
            "history": [
                *claim.history,
                Change(at=LATER, by="maria", field="verdict", old=None, new="Mostly false", version=2),
                Change(at=LATER, by="maria", field="status", old="Unreviewed", new="Done", version=2),
            ],
        }
    )


def build_newsroom(root: Path) -> Repository:
    repo = Repository(root)
    for story_id, file, title, outlet, published in STORIES:
        body = normalise_body((FIXTURES / file).read_text(encoding="utf-8"))
        claims = _claims(story_id, body)
        if story_id == "p0rt5":
            claims = [_reviewed(claim) if "$95 million" in claim.text else claim for claim in claims]
        story = Story(
            id=story_id, title=title, outlet=outlet, published=published, body=body, imported_at=AT, imported_by="maria"
        )
        repo.restore_story(story, claims)
    return repo
