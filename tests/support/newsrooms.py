"""Newsrooms with fixed ids and timestamps, stored through ``Repository.restore_story`` so that
every id and date a test sees is known in advance.

- ``build_export_newsroom``: a small reviewed newsroom for golden-file exports, restore and
  import-checks. Its text is hostile on purpose: markup, formula starters, a script tag and a
  ``javascript:`` evidence link, as untrusted stories hold.
- ``build_screen_newsroom``: three stories made from the fixture articles by the real extraction,
  one claim reviewed, for screen snapshots and the review flows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.story_import import extracted_claims
from factcheck_tui.core.models import Change, Claim, Evidence, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage.repository import Repository
from support.paths import FIXTURES


def at(day: str, time: str = "09:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}:00").replace(tzinfo=UTC)


def _created(text: str, when: datetime, by: str) -> Change:
    """The first entry of every claim's history."""
    return Change(at=when, by=by, field="created", new=text, version=1)


def _story(story_id: str, title: str, body: str, imported: str, **fields: Any) -> Story:
    return Story(id=story_id, title=title, body=body, imported_at=at(imported), imported_by="ana", **fields)


def _claim(
    story: Story, number: int, text: str, *, reviewed: str | None = None, by: str = "ana", **fields: Any
) -> Claim:
    start = story.body.find(text)
    created = story.imported_at
    history = [_created(text, created, "ana")]
    version = 1
    if fields.get("verdict") is not None:
        assert reviewed, "a reviewed claim needs its review date"
        version += 1
        history.append(
            Change(at=at(reviewed, "10:15"), by=by, field="verdict", old=None, new=fields["verdict"], version=version)
        )
    updated = history[-1].at
    return Claim(
        id=f"{story.id}-{number}",
        story_id=story.id,
        number=number,
        text=text,
        start=start if start >= 0 else None,
        end=start + len(text) if start >= 0 else None,
        score=0.8125,
        checkworthy=True,
        reasons=["number", "attribution"],
        history=history,
        version=version,
        created_at=created,
        updated_at=updated,
        updated_by=by if version > 1 else "ana",
        reviewer=by if version > 1 else None,
        **fields,
    )


def build_export_newsroom(repo: Repository, *, script_link: bool = True) -> None:
    """``script_link=False`` gives the suspicious evidence item a web address instead of a
    ``javascript:`` one: a backup holding that link is refused by restore, as it should be."""
    body_a = (
        "Mayor Ruth Alder said taxes rose 4% this year. <script>alert(1)</script> said *nobody* | "
        '=HYPERLINK("https://evil.example","refund") was the council\'s reply. Turnout hit 61%. '
        "A sentence nobody should check."
    )
    tax = _story(
        "k3p9x",
        "Tax [vote] # results & <b>more</b>",
        body_a,
        "2026-03-02",
        outlet="Ledger",
        url="https://ledger.example/tax vote",
        published=date(2026, 3, 2),
    )
    repo.restore_story(
        tax,
        [
            _claim(
                tax,
                1,
                "Mayor Ruth Alder said taxes rose 4% this year.",
                reviewed="2026-03-03",
                speaker="Mayor Ruth Alder",
                verdict="False",
                status=Status.DONE,
                conclusion="Taxes rose 2%, not 4%.\n\n- The budget, table 2, shows the rise.",
                evidence=[
                    Evidence(
                        id="e1",
                        url="https://budget.example/2026",
                        source="City budget",
                        note="Table 2",
                        added_at=at("2026-03-03"),
                        added_by="ana",
                    ),
                    Evidence(
                        id="e2",
                        url="javascript:alert(2)" if script_link else "https://suspicious.example/alert",
                        source="Suspicious link",
                        added_at=at("2026-03-03"),
                        added_by="ana",
                    ),
                    Evidence(id="e3", note="Called the finance office", added_at=at("2026-03-03"), added_by="ana"),
                ],
            ),
            _claim(
                tax,
                2,
                '<script>alert(1)</script> said *nobody* | =HYPERLINK("https://evil.example","refund") was the council\'s reply.',
                reviewed="2026-03-05",
                by="ben",
                speaker="Harbor City Council",
                verdict="Misleading",
                status=Status.IN_PROGRESS,
            ),
            _claim(tax, 3, "Turnout hit 61%.", speaker=None),
            _claim(tax, 4, "A sentence nobody should check.", dismissed=True),
        ],
    )
    body_b = "+44 people were hurt on Route 9 last year. -12% fewer buses run on Sundays, said @transit_desk."
    route = _story(
        "r9b5s", "Route 9: the numbers", body_b, "2026-04-10", outlet="Evening Post", published=date(2026, 4, 10)
    )
    repo.restore_story(
        route,
        [
            _claim(
                route,
                1,
                "+44 people were hurt on Route 9 last year.",
                reviewed="2026-04-11",
                by="Ana",
                verdict="Mostly true",
                status=Status.NEEDS_SECOND_REVIEW,
                conclusion="Police counted 41.",
            ),
            _claim(
                route,
                2,
                "-12% fewer buses run on Sundays, said @transit_desk.",
                reviewed="2026-04-12",
                by="ben",
                speaker="@transit_desk",
                verdict="True",
                status=Status.DONE,
            ),
        ],
    )
    archive = _story(
        "arch1", "Past fact-checks: old.jsonl", "The bridge cost $2 billion.", "2026-01-05", kind=StoryKind.ARCHIVE
    )
    repo.restore_story(
        archive,
        [
            _claim(
                archive,
                1,
                "The bridge cost $2 billion.",
                reviewed="2026-01-05",
                verdict="False",
                status=Status.DONE,
                origin=Origin.IMPORTED,
                review_url="https://checks.example/bridge",
                review_title="No, the bridge did not cost $2 billion",
                reviewed_on=date(2024, 5, 1),
                original_label="Pants on Fire!",
            )
        ],
    )


# The screen newsroom's claims were extracted at AT and one was reviewed at LATER.
AT = at("2026-01-12", "09:30")
LATER = at("2026-01-13", "14:05")

SCREEN_STORIES = (
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


def _extracted_claims(story_id: str, body: str) -> list[Claim]:
    return [
        claim.model_copy(
            update={
                "id": f"{story_id}-{number}",
                "story_id": story_id,
                "number": number,
                "created_at": AT,
                "updated_at": AT,
                "updated_by": "maria",
                "history": [_created(claim.text, AT, "maria")],
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


def build_screen_newsroom(root: Path) -> Repository:
    repo = Repository(root)
    for story_id, file, title, outlet, published in SCREEN_STORIES:
        body = normalise_body((FIXTURES / file).read_text(encoding="utf-8"))
        claims = _extracted_claims(story_id, body)
        if story_id == "p0rt5":
            claims = [_reviewed(claim) if "$95 million" in claim.text else claim for claim in claims]
        story = Story(
            id=story_id, title=title, outlet=outlet, published=published, body=body, imported_at=AT, imported_by="maria"
        )
        repo.restore_story(story, claims)
    return repo
