"""A small reviewed newsroom with fixed ids and timestamps, for golden-file export tests.

Stored through ``Repository.restore_story`` so that every date in an export is known in advance.
The text is hostile on purpose: markup, formula starters and a script tag, as untrusted stories hold.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from factcheck_tui.core.models import Change, Claim, Evidence, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage.repository import Repository


def at(day: str, time: str = "09:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}:00").replace(tzinfo=UTC)


def _story(story_id: str, title: str, body: str, imported: str, **fields: Any) -> Story:
    return Story(id=story_id, title=title, body=body, imported_at=at(imported), imported_by="ana", **fields)


def _claim(
    story: Story, number: int, text: str, *, reviewed: str | None = None, by: str = "ana", **fields: Any
) -> Claim:
    start = story.body.find(text)
    created = story.imported_at
    history = [Change(at=created, by="ana", field="created", new=text, version=1)]
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


def build_newsroom(repo: Repository) -> None:
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
                        url="javascript:alert(2)",
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
