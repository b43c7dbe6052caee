"""ClaimReview states the claim and its author as a reader outside the story needs them."""

from __future__ import annotations

import json

import pytest

from factcheck_tui.core.config import Config, Organisation
from factcheck_tui.core.export import ExportOptions, export_report
from factcheck_tui.core.export.claim_words import balanced_quotes, claim_reviewed
from factcheck_tui.core.export.speaker_kind import schema_type
from factcheck_tui.core.models import Claim
from factcheck_tui.core.storage.repository import Repository
from support.newsrooms import build_export_newsroom

QUOTES = '"“”'


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        # The reporter's attribution after the quote, however long the speaker's description.
        ('"The credit has a 25 percent fraud rate," Paul said.', "The credit has a 25 percent fraud rate."),
        (
            "“Cases are going up because testing is going up,” Sen. Chris Kapenga, R-Delafield, said in an interview with WISN-TV on June 29, 2020.",
            "Cases are going up because testing is going up.",
        ),
        ('"Will it ever end?" asked the mayor.', "Will it ever end?"),
        ('"Will prices ever fall again?" the mayor asked.', "Will prices ever fall again?"),
        # ... and before it.
        ('Paul said: "The credit has a 25 percent fraud rate."', "The credit has a 25 percent fraud rate."),
        (
            'The NRCC’s ad said, "John Barrow voted with Obama 85 percent of the time."',
            "John Barrow voted with Obama 85 percent of the time.",
        ),
        ("The mayor told reporters that “rents rose 40% last year”.", "Rents rose 40% last year."),
        ('He said the plan would "cut taxes."', 'He said the plan would "cut taxes."'),
        # Anything else stays as the story has it: partial quotes, two quotes, a frame that says more.
        (
            'He said the plan "would cut taxes" for most families.',
            'He said the plan "would cut taxes" for most families.',
        ),
        ('"We will win," Paul said, "and they know it."', '"We will win," Paul said, "and they know it."'),
        (
            '"Rents rose 40%," Paul said, citing a survey that was later withdrawn.',
            '"Rents rose 40%," Paul said, citing a survey that was later withdrawn.',
        ),
        (
            '"Rents rose 40%," said Paul in a long speech to the council that went on for an hour and covered housing, roads and schools.',
            '"Rents rose 40%," said Paul in a long speech to the council that went on for an hour and covered housing, roads and schools.',
        ),
        ('"Rents rose 40%," according to the flyer.', '"Rents rose 40%," according to the flyer.'),
        # A quote mark whose partner lies in another sentence is dropped.
        (
            "“The cases are going up, but it’s because the testing is going up.",
            "The cases are going up, but it’s because the testing is going up.",
        ),
        ('Taxes rose by 9%." Officials disagree.', "Taxes rose by 9%. Officials disagree."),
        (
            "Obama's plan cuts taxes “for 95 percent of all working families.”",
            "Obama's plan cuts taxes “for 95 percent of all working families.”",
        ),
    ],
)
def test_claim_reviewed_is_the_claim_itself(text: str, claimed: str) -> None:
    assert claim_reviewed(text) == claimed


@pytest.mark.parametrize("text", ['"a" b "c', "“open “nested” and", 'ends "', '" starts', "x ” y “ z", '"""', "“”“"])
def test_every_quote_mark_left_has_its_partner(text: str) -> None:
    kept = balanced_quotes(text)
    depth = 0
    straight = 0
    for char in kept:
        depth += {"“": 1, "”": -1}.get(char, 0)
        assert depth >= 0
        straight += char == '"'
    assert depth == 0 and straight % 2 == 0


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Amazon", "Organization"),
        ("NRCC", "Organization"),
        ("Ohio Republican Party", "Organization"),
        ("Department of Health", "Organization"),
        ("Apple Inc.", "Organization"),
        ("Amazon Employees", "Organization"),
        ("AFL-CIO", "Organization"),
        ("NH GOP", "Organization"),
        ("@transit_desk", "Organization"),
        ("Rand Paul", "Person"),
        ("Sen. Chris Kapenga", "Person"),
        ("U.S. Rep. Ann Lee", "Person"),
        ("Alexandria Ocasio-Cortez", "Person"),
        ("@SenMarkHale", "Person"),
    ],
)
def test_organisations_are_told_from_people(name: str, kind: str) -> None:
    assert schema_type(name) == kind


def test_the_exported_claimreview_has_the_bare_claim_and_the_organisation_as_author(repo: Repository) -> None:
    build_export_newsroom(repo)

    def framed(claim: Claim) -> Claim:
        claim.text, claim.speaker = '"Our warehouses created 40,000 local jobs," Amazon said in a statement.', "Amazon"
        return claim

    repo.update_claim("k3p9x-1", framed, "tester")
    config = Config(reviewer="tester", organisation=Organisation(name="Harbor Checks", url="https://checks.example"))
    options = ExportOptions.parse(format="claimreview", review_url="https://checks.example/{claim_id}")
    reviews = {review["url"]: review for review in json.loads(export_report(repo, config, options))}
    review = reviews["https://checks.example/k3p9x-1"]
    assert review["claimReviewed"] == "Our warehouses created 40,000 local jobs."
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Amazon"}
    assert all(sum(review["claimReviewed"].count(mark) for mark in QUOTES) % 2 == 0 for review in reviews.values())
