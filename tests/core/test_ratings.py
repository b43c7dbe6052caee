"""Mapping foreign ratings onto our verdict scale."""

from __future__ import annotations

import pytest

from factcheck_tui.core.interchange.rating_table import PUBLISHER_SPELLING, RATING_TABLE
from factcheck_tui.core.interchange.ratings import ForeignRating, RatingMapper, normalise_label, rating_key
from factcheck_tui.core.scale import DEFAULT_SCALE, VerdictLabel, VerdictScale

DEFAULT = RatingMapper(DEFAULT_SCALE)
THREE_STEP = VerdictScale(
    labels=[
        VerdictLabel(label="Correct", rating=3),
        VerdictLabel(label="Partly correct", rating=2),
        VerdictLabel(label="Wrong", rating=1),
        VerdictLabel(label="Misleading"),
    ]
)


def test_the_table_is_written_in_normalised_keys_onto_default_verdicts() -> None:
    assert [key for key in RATING_TABLE if normalise_label(key) != key] == []
    assert set(RATING_TABLE.values()) <= set(DEFAULT_SCALE.names)
    assert [key for key in PUBLISHER_SPELLING if normalise_label(key) != key] == []
    # Every spelling is of a label the table maps, but the Flip-O-Meter's: named, never a verdict.
    assert set(PUBLISHER_SPELLING) - set(RATING_TABLE) == {"no flip", "half flip", "full flop"}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Pants on Fire!", "False"),
        ("Half-True", "Mixed"),
        ("MOSTLY TRUE", "Mostly true"),
        ("Mixture", "Mixed"),
        ("Unproven", "Unverifiable"),
        ("Missing context", "Missing context"),
        ("Partly false", "Mixed"),
        ("Engañoso", "Misleading"),
        ("Irreführend", "Misleading"),
        ("This is incorrect", "False"),
        ("Distorts the Facts", "Misleading"),
        ("Three Pinocchios", "Mostly false"),
        ("mostly_false", "Mostly false"),
        # PolitiFact's Truth-O-Meter as its web addresses and archives spell it.
        ("barely-true", "Mostly false"),
        ("Barely True", "Mostly false"),
        ("pants-fire", "False"),
        ("pants_on_fire", "False"),
        ("half-true", "Mixed"),
        ("mostly-true", "Mostly true"),
        # Snopes
        ("Labeled Satire", "Missing context"),
        ("Legend", "Unverifiable"),
        ("Correct Attribution", "True"),
        # Full Fact, AFP, Reuters
        ("This isn't correct", "False"),
        ("Needs more context", "Missing context"),
        ("Satire", "Missing context"),
        ("Altered", "False"),
        ("Partly false", "Mixed"),
    ],
)
def test_publishers_labels(label: str, expected: str) -> None:
    assert DEFAULT.map(ForeignRating(label)) == expected


@pytest.mark.parametrize(
    "label", ["Research in progress", "Under review", "Flip-O-Meter", "full-flop", "Half Flip", "no-flip"]
)
def test_labels_that_are_not_a_verdict_stay_unmapped(label: str) -> None:
    assert DEFAULT.map(ForeignRating(label)) is None


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        (ForeignRating(value=5), "True"),
        (ForeignRating(value=1), "False"),
        (ForeignRating(value=3.0, best=6, worst=1), "Mixed"),
        (ForeignRating(value=2, best=6, worst=1), "Mostly false"),
        (ForeignRating(value=0, best=10, worst=0), "False"),
        (ForeignRating(value=1, best=1, worst=4), "True"),
        (ForeignRating(value=7), None),
        (ForeignRating(value=3, best=3, worst=3), None),
        (ForeignRating(label="Research in progress", value=5), "True"),
        (ForeignRating(label="Half True", value=1), "Mixed"),
    ],
)
def test_numeric_ratings_by_their_place_between_worst_and_best(rating: ForeignRating, expected: str | None) -> None:
    assert DEFAULT.map(rating) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("True", "Correct"),
        ("Pants on fire", "Wrong"),
        ("Half true", "Partly correct"),
        # Halfway between two of our verdicts goes to the one nearer the middle, not the stronger one.
        ("Mostly true", "Partly correct"),
        ("Mostly false", "Partly correct"),
        ("misleading", "Misleading"),
        ("Missing context", None),
    ],
)
def test_another_scale_gets_ordered_verdicts_by_position(label: str, expected: str | None) -> None:
    assert RatingMapper(THREE_STEP).map(ForeignRating(label)) == expected


def test_the_original_spelling_is_kept() -> None:
    assert ForeignRating("Pants on Fire!").spelled() == "Pants on Fire!"
    assert ForeignRating("pants on FIRE").spelled() == "pants on FIRE"
    assert ForeignRating("trompeur").spelled() == "trompeur"


@pytest.mark.parametrize(
    ("slug", "spelled"),
    [
        ("pants-fire", "Pants on Fire"),
        ("barely-true", "Barely True"),
        ("half_true", "Half True"),
        ("full-flop", "Full Flop"),
    ],
)
def test_a_politifact_slug_is_kept_as_politifact_spells_the_rating(slug: str, spelled: str) -> None:
    assert ForeignRating(slug).spelled() == spelled
    assert rating_key(slug) == rating_key(spelled)
    assert ForeignRating(value=2, best=6, worst=1).spelled() == "2 on a scale of 1 to 6"
    assert ForeignRating(value=4).spelled() == "4 on a scale of 1 to 5"
