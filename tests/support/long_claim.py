"""A story whose first claim is long and fully reviewed: a long sentence, a two-paragraph
conclusion, five evidence items with long notes and a history of fifteen entries, among them a
conclusion rewritten (a word diff). Screens are judged on it at 80×24 and 60×20.

Fixed ids and timestamps, so that snapshots are the same on every run.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from factcheck_tui.core.models import Change, Claim, Evidence, Status, Story
from factcheck_tui.core.storage.repository import Repository

STORY_ID = "t0ax5"
AT = datetime(2026, 2, 9, 7, 45, tzinfo=UTC)

LONG_CLAIM = (
    "Speaking at the chamber of commerce on Thursday, Councillor Dana Ruiz said the city had lost "
    "more than 4,000 manufacturing jobs since the harbour bridge tolls were introduced in 2019, "
    "that average commuting times had risen by 35 percent over the same period, and that the tolls "
    "had raised less than a third of the $48 million a year the council had promised."
)
OTHERS = [
    "The council's transport committee will review the tolls in April.",
    "Ruiz, who is running for mayor, has called for the tolls to be scrapped.",
    "The bridge carries about 61,000 vehicles on an average weekday, according to the harbour authority.",
]
FIRST_CONCLUSION = "Jobs fell, but by 1,900, and the toll revenue figure is wrong."
CONCLUSION = (
    "Manufacturing employment in the city fell by about 1,900 jobs between 2019 and 2025, according "
    "to the state labour department, not by more than 4,000; most of the fall came in 2020.\n\n"
    "Commuting times rose by 12 percent, not 35, in the regional travel survey, and the tolls raised "
    "$15.2 million a year on average, close to a third of the $48 million promised."
)


def _evidence() -> list[Evidence]:
    sources = [
        ("https://labour.state.example/data/manufacturing-employment-2019-2025", "State labour department"),
        ("https://travel-survey.example/reports/2025/commuting-times-by-corridor", "Regional travel survey"),
        ("https://harbour.example/finance/annual-report-2024-toll-revenue", "Harbour authority annual report"),
        ("https://council.example/minutes/2018-11-14-bridge-tolls-business-case", "Council minutes, 14 Nov 2018"),
        ("", "Interview with the harbour authority's finance director"),
    ]
    return [
        Evidence(
            id=f"e{number}",
            url=url,
            source=source,
            note=f"Item {number}: read in full; the figures quoted in the conclusion come from its main tables and footnotes.",
            added_at=AT + timedelta(hours=number),
            added_by="maria",
        )
        for number, (url, source) in enumerate(sources, start=1)
    ]


def _history(evidence: list[Evidence]) -> list[Change]:
    changes = [Change(at=AT, by="maria", field="created", new=LONG_CLAIM, version=1)]

    def add(minutes: int, by: str, field: str, old: object, new: object) -> None:
        changes.append(
            Change(at=AT + timedelta(minutes=minutes), by=by, field=field, old=old, new=new, version=len(changes) + 1)
        )

    add(5, "maria", "speaker", None, "Dana Ruiz")
    add(9, "maria", "assignee", None, "maria")
    add(12, "maria", "status", Status.UNREVIEWED.value, Status.IN_PROGRESS.value)
    for minutes, item in zip((60, 120, 180, 240, 300), evidence, strict=True):
        add(minutes, "maria", "evidence", [], [item.model_dump(mode="json")])
    add(320, "maria", "conclusion", "", FIRST_CONCLUSION)
    add(330, "maria", "verdict", None, "Mostly false")
    add(400, "jun", "conclusion", FIRST_CONCLUSION, CONCLUSION)
    add(405, "jun", "tags", [], ["jobs", "transport"])
    add(410, "jun", "status", Status.IN_PROGRESS.value, Status.DONE.value)
    return changes


def build_long_claim_story(root: Path) -> Repository:
    repo = Repository(root)
    sentences = [LONG_CLAIM, *OTHERS]
    body = f"{LONG_CLAIM} {OTHERS[0]}\n\n{OTHERS[1]} {OTHERS[2]}"
    story = Story(
        id=STORY_ID,
        title="Bridge tolls cost the city thousands of jobs, councillor says at chamber of commerce lunch",
        outlet="Harbour City Ledger",
        url="https://ledger.example/2026/02/08/bridge-tolls",
        published=date(2026, 2, 8),
        body=body,
        imported_at=AT,
        imported_by="maria",
    )
    evidence = _evidence()
    history = _history(evidence)
    claims = []
    for number, sentence in enumerate(sentences, start=1):
        start = body.index(sentence)
        reviewed = number == 1
        claims.append(
            Claim(
                id=f"{STORY_ID}-{number}",
                story_id=STORY_ID,
                number=number,
                text=sentence,
                start=start,
                end=start + len(sentence),
                score=0.95 - number / 10,
                checkworthy=number != 2,
                reasons=["contains a figure", "attributed to a named speaker"] if reviewed else ["contains a figure"],
                speaker="Dana Ruiz" if reviewed else None,
                status=Status.DONE if reviewed else Status.UNREVIEWED,
                verdict="Mostly false" if reviewed else None,
                conclusion=CONCLUSION if reviewed else "",
                evidence=evidence if reviewed else [],
                reviewer="jun" if reviewed else None,
                # The third claim waits in maria's queue.
                assignee="maria" if number in (1, 3) else None,
                tags=["jobs", "transport"] if reviewed else [],
                history=history if reviewed else [Change(at=AT, by="maria", field="created", new=sentence, version=1)],
                version=len(history) if reviewed else 1,
                created_at=AT,
                updated_at=history[-1].at if reviewed else AT,
                updated_by="jun" if reviewed else "maria",
            )
        )
    repo.restore_story(story, claims)
    return repo
