"""A long story written for these tests: twelve check-worthy claims, each with five evidence items.

Fixed ids and timestamps, so that snapshots are the same on every run.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from factcheck_tui.core.config import Config
from factcheck_tui.core.models import Change, Claim, Evidence, Story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workspace import Workspace

STORY_ID = "h4rb0"
AT = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

SENTENCES = [
    "The harbour authority said on Monday that cargo volumes fell by 14 percent in the first quarter.",
    "Officials blamed a two-week closure of the northern berth, which handles 40 percent of container traffic.",
    "Mayor Ines Calder told reporters the city had spent $12 million on dredging since 2021.",
    "The port employs 3,400 people directly and supports another 9,000 jobs in the region.",
    "According to the union, wages at the port have risen by less than inflation for five straight years.",
    "A spokesperson for the shipping association said average waiting times for trucks doubled in February.",
    "The city's own audit found that only 6 of the 19 cranes were fully operational in January.",
    "Calder said the new rail link would cut truck traffic through the old town by half.",
    "Harbour fees are now the highest of any port on the western coast, the chamber of commerce said.",
    "The regional government has promised 85 million euros for a new terminal by 2029.",
    "Environmental groups say nitrogen dioxide levels near the docks exceed the legal limit on 120 days a year.",
    "The authority's chief executive, who earns $410,000 a year, said no jobs would be cut.",
]


def _body() -> tuple[str, list[tuple[int, int]]]:
    """Three paragraphs of four sentences, and where each sentence sits in the body."""
    body, spans = "", []
    for number, sentence in enumerate(SENTENCES):
        if number and number % 4 == 0:
            body += "\n\n"
        elif number:
            body += " "
        spans.append((len(body), len(body) + len(sentence)))
        body += sentence
    return body, spans


def _evidence(number: int) -> list[Evidence]:
    return [
        Evidence(
            id=f"e{item}",
            url=f"https://records.example/harbour/{number}/{item}",
            source=f"Source {item} for claim {number}",
            note=f"Document {item} bearing on claim {number}, read in full and compared with the figures quoted.",
            added_at=AT + timedelta(minutes=item),
            added_by="maria",
        )
        for item in range(1, 6)
    ]


def build_long_story(root: Path) -> Repository:
    repo = Repository(root)
    body, spans = _body()
    story = Story(
        id=STORY_ID,
        title="Harbour traffic falls as berth closure bites",
        outlet="Ellery Evening Post",
        published=date(2026, 3, 1),
        body=body,
        imported_at=AT,
        imported_by="maria",
    )
    claims = []
    for number, (sentence, (start, end)) in enumerate(zip(SENTENCES, spans, strict=True), start=1):
        evidence = _evidence(number)
        history = [Change(at=AT, by="maria", field="created", new=sentence, version=1)]
        history += [
            Change(
                at=AT + timedelta(minutes=index + 1),
                by="maria",
                field="evidence",
                old=[],
                new=[item.model_dump(mode="json")],
                version=index + 2,
            )
            for index, item in enumerate(evidence)
        ]
        claims.append(
            Claim(
                id=f"{STORY_ID}-{number}",
                story_id=STORY_ID,
                number=number,
                text=sentence,
                start=start,
                end=end,
                score=0.9 - number / 100,
                checkworthy=True,
                reasons=["contains a figure"],
                evidence=evidence,
                history=history,
                version=len(history),
                created_at=AT,
                updated_at=AT + timedelta(minutes=5),
                updated_by="maria",
            )
        )
    repo.restore_story(story, claims)
    return repo


def long_story_workspace(tmp_path: Path) -> Workspace:
    """A reviewer's workspace on a newsroom holding only the long story."""
    root = tmp_path / "newsroom"
    build_long_story(root)
    return Workspace(Config(reviewer="tester"), tmp_path / "config.toml", root)
