"""A small newsroom of our own writing: an archive of past checks and two new stories."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage.repository import Repository

ARCHIVE = [
    (
        "The city council cut the library budget by 3 percent last year.",
        "Did the Council Cut Library Funding by 3%?",
        "False",
    ),
    (
        "Ferry tickets between Harwick and Lunden will double in price from March.",
        "Are Harwick Ferry Fares Doubling?",
        "Mostly false",
    ),
    ("A video shows a moose walking through the Ostbury shopping centre.", "Moose in the Mall?", "True"),
    ("Governor Alma Reyes signed a law banning paper straws statewide.", "Did Reyes Ban Paper Straws?", "False"),
    ("Drinking two litres of seawater a day cures the common cold.", "Does Seawater Cure Colds?", "False"),
    (
        "The Riverton stadium was built with 40 million dollars of public money.",
        "Was Riverton Stadium Publicly Funded?",
        "Half true",
    ),
    ("Unemployment in the northern region fell to 4 percent in June.", "Northern Unemployment at 4%?", "True"),
    (
        "The national weather office predicts the coldest winter in 50 years.",
        "Coldest Winter in Half a Century?",
        "Unproven",
    ),
]

STORY_A = [
    "Three per cent was cut from the city council's library budget last year, the mayor said.",
    "Harwick ferry fares are set to double from March, according to a leaflet.",
    "The festival drew a large crowd.",
    "Voting closes at 8 p.m. on Thursday.",
]

STORY_B = [
    "Last year the council trimmed library spending by 3%, critics claim.",
    "A moose was filmed strolling through a shopping centre in Ostbury.",
]


def add(
    repo: Repository,
    title: str,
    texts: list[str],
    *,
    kind: StoryKind = StoryKind.ARTICLE,
    published: date | None = None,
):
    claims = [Claim(id="", story_id="", number=0, text=text, checkworthy=True) for text in texts]
    return repo.add_story(
        Story(id="", title=title, body=" ".join(texts), kind=kind, published=published, outlet="Post"), claims, "tester"
    )


@pytest.fixture
def newsroom(repo: Repository):
    """(repo, archive claims, story A claims, story B claims)."""
    archive_claims = [
        Claim(
            id="",
            story_id="",
            number=0,
            text=text,
            review_title=title,
            verdict=verdict,
            origin=Origin.IMPORTED,
            status=Status.DONE,
            conclusion=f"Our check found the claim {verdict.lower()}.",
            review_url=f"https://checks.example/{number}",
            reviewed_on=date(2024, 5, number + 1),
        )
        for number, (text, title, verdict) in enumerate(ARCHIVE)
    ]
    _, archived = repo.add_story(
        Story(id="", title="Checks archive", body="", kind=StoryKind.ARCHIVE), archive_claims, "importer"
    )
    _, story_a = add(repo, "Budget row", STORY_A, published=date(2025, 3, 1))
    _, story_b = add(repo, "Council critics", STORY_B, published=date(2025, 3, 2))
    return repo, archived, story_a, story_b
