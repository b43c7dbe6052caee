"""Two newsroom claims are a likely duplicate only when they make the same claim.

Each rule of ``same_claim`` has a near miss it must catch and a true restatement it must leave
alone, read with the real sentence model's word vectors; then the whole index: two newsroom
claims that only share a subject stop being likely, while a past check is scored as before.
"""

from __future__ import annotations

import pytest

from factcheck_tui.core.matching.embedding import Encoder, encoder
from factcheck_tui.core.matching.same_claim import CEILING, Similarities, differences
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage.repository import Repository

from .conftest import add


@pytest.fixture(scope="module")
def words() -> Similarities:
    model: Encoder = encoder()
    return lambda own, others: model.aligner(own)(others)[0]


def test_word_vectors_know_a_synonym_from_another_thing(words: Similarities) -> None:
    synonym, other_thing = words(["prisoners", "nurses"], ["inmates"]), words(["nurses"], ["porters"])
    assert synonym[0] >= 0.3 > synonym[1]
    assert other_thing[0] < 0.3


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Another thing named in the same place.
        ("The union says 6,000 nurses will strike on Friday.", "The union says 6,000 porters will strike on Friday."),
        ("The county spent $90,000 on flowers for the courthouse.", "The county spent $90,000 on a new website."),
        ("The bridge in Marlow will reopen in May.", "The bridge in Dunbury will reopen in May."),
        # One says what of; the other does not.
        ("Renters will pay about $210 more a year.", "Renters will pay about $210 more a year in parking fees."),
        # One denies what the other says.
        ("The board has not closed a single school since 2015.", "The board has closed a single school since 2015."),
        # One names whose it is.
        (
            "Okoro's video was removed for breaking the site's rules.",
            "The video was removed for breaking the site's rules.",
        ),
    ],
)
def test_a_near_miss_is_told_apart(words: Similarities, first: str, second: str) -> None:
    assert differences(first, second, words)
    assert differences(second, first, words)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Verbs are reworded freely; things named by a synonym are the same things.
        ("The board wasted $3 million on tablets.", "The board spent $3 million on tablets, Okoro said."),
        ("The jail holds 900 inmates, the sheriff said.", "The sheriff said the jail holds 900 prisoners."),
        # A figure spelt another way, an attribution moved, a title before the name.
        ("Mayor Ilves said the city built 1,200 homes last year.", "Last year the city built 1,200 homes, Ilves said."),
        ("Half of the county's buses are late.", "Fifty percent of buses in the county are late."),
        # Both deny it.
        ("The tablets were never used.", "Nobody has used the tablets."),
        # Both name the owner.
        ("Okoro's campaign says she raised $2 million.", "Okoro raised $2 million, her campaign says."),
    ],
)
def test_a_restatement_is_left_alone(words: Similarities, first: str, second: str) -> None:
    assert differences(first, second, words) == []
    assert differences(second, first, words) == []


NEAR_MISS = (
    "The union says 6,000 nurses will strike on Friday.",
    "The union says 6,000 porters will strike on Friday.",
)
RESTATED = ("The board wasted $3 million on tablets nobody uses.", "The board spent $3 million on tablets nobody uses.")


def test_two_newsroom_claims_that_only_share_a_subject_are_not_likely(repo: Repository) -> None:
    _, (nurses, wasted) = add(repo, "Strike", [NEAR_MISS[0], RESTATED[0]])
    _, (porters, spent) = add(repo, "Strike, day two", [NEAR_MISS[1], RESTATED[1]])
    index = MatchIndex.open(repo, save=False)
    assert index.pair_score(nurses.id, porters.id) <= CEILING
    assert index.pair_score(porters.id, nurses.id) <= CEILING
    assert index.pair_score(wasted.id, spent.id) >= index.thresholds.likely
    marks = index.matches_for_story(nurses.story_id)
    assert [match.claim_id for match in marks[wasted.id] if match.level.value == "likely"] == [spent.id]
    assert all(match.level.value != "likely" for match in marks[nurses.id])


def test_a_past_check_is_scored_as_before(newsroom) -> None:
    """The check is for the newsroom's own sentences: against an imported past check the
    re-ranker, calibrated on such pairs, has the last word."""
    repo = newsroom[0]
    check = Claim(
        id="", story_id="", number=0, text=NEAR_MISS[1], origin=Origin.IMPORTED, status=Status.DONE, verdict="False"
    )
    _, (checked,) = repo.add_story(
        Story(id="", title="Past checks", body="", kind=StoryKind.ARCHIVE), [check], "importer"
    )
    _, (nurses,) = add(repo, "Strike", [NEAR_MISS[0]])
    index = MatchIndex.open(repo, save=False)
    assert index.pair_score(nurses.id, checked.id) > CEILING
