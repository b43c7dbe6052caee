"""Story structure and speakers on a news page: furniture is kept but never offered as a claim."""

from __future__ import annotations

import pytest

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.extraction.structure import line_role

PAGE = """Mayor says port strike cost the city $40 million

By Dana Whitfield and Omar Reyes

Sunday, August 2, 2015

Mayor Ellen Brandt said on Friday that the strike cost the city $40 million in lost fees.

"We lost $40 million in three weeks, more than in any strike since 1998," Brandt said.

(Photo by Lee Chan/Ellery Post)

Related: Dockworkers vote on a new contract

Our ruling

Brandt's figure leaves out the fees the port collected later. We rate this claim Mostly False.

Comment on this item."""


def claims_by_text(text: str) -> dict:
    return {claim.text: claim for claim in extract(normalise_body(text)).claims}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Mayor says port strike cost the city $40 million", "headline"),
        ("By Dana Whitfield and Omar Reyes", "byline"),
        ("Sunday, August 2, 2015", "dateline"),
        ("(Photo by Lee Chan/Ellery Post)", "caption"),
        ("Related: Dockworkers vote on a new contract", "link"),
        ("Our ruling", "rating"),
        ("We rate this claim Mostly False.", "rating"),
        ("Comment on this item.", "own note"),
    ],
)
def test_page_furniture_is_kept_but_not_check_worthy_and_says_what_it_is(line: str, reason: str) -> None:
    claims = claims_by_text(PAGE)
    furniture = next(claim for text, claim in claims.items() if line in text)
    assert not furniture.checkworthy
    assert any(reason in text for text in furniture.reasons), furniture.reasons
    assert line in extract(normalise_body(PAGE)).body


def test_the_claims_of_the_page_stay_check_worthy() -> None:
    claims = claims_by_text(PAGE)
    quote = claims['"We lost $40 million in three weeks, more than in any strike since 1998," Brandt said.']
    assert quote.checkworthy
    assert not any("headline" in reason for reason in quote.reasons)


def test_a_lone_line_without_a_full_stop_is_a_statement_not_a_headline() -> None:
    assert line_role("Crime fell 20 percent in the city last year", alone=True) is None
    assert line_role("Crime fell 20 percent in the city last year") is not None


def test_a_surname_speaker_gets_the_full_name_the_story_introduced() -> None:
    claims = claims_by_text(PAGE)
    quote = claims['"We lost $40 million in three weeks, more than in any strike since 1998," Brandt said.']
    assert quote.speaker == "Ellen Brandt"


def test_two_people_with_one_surname_go_to_the_one_the_story_is_about() -> None:
    speakers = {
        text: claim.speaker
        for text, claim in claims_by_text(
            "Senator Ray Ortiz said the tax rose 5 percent. Ortiz repeated the claim on Monday, "
            "and Ray Ortiz's aide agreed. His sister Ana Ortiz runs a shop. "
            '"It rose 5 percent," said Ortiz.'
        ).items()
    }
    assert speakers['"It rose 5 percent," said Ortiz.'] == "Ray Ortiz"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("His grandmother in Marlow said he was born there.", None),
        ("Sen. Paul Graves, R-Ellery, said the port lost money.", "Paul Graves"),
        ('Council leader Jo Hart (D-Ellery) tweeted: "The port lost $4 million in a week."', "Jo Hart"),
    ],
)
def test_speakers_skip_places_and_bracketed_asides(sentence: str, speaker: str | None) -> None:
    assert claims_by_text(sentence)[sentence].speaker == speaker


def test_he_who_quotes_without_a_reporting_verb_is_the_person_last_named() -> None:
    claims = claims_by_text(
        "Mayor Ellen Brandt spoke at the port on Friday. "
        'She then listed her plans, including, "we will cut the port fee by half."'
    )
    assert claims['She then listed her plans, including, "we will cut the port fee by half."'].speaker == "Ellen Brandt"


FACT_CHECK = """State Sen. Maria Lopez says the county jail holds twice as many people as it was built for.

"Our jail was built for 400 people and it holds 800 today," Lopez said at a town hall on March 3.

Lopez is running for re-election this fall. We wanted to know whether the jail holds twice its capacity.

The county sheriff's office sent us its daily counts for the past year. The counts ranged from 610 to 790.

The jail opened in 1987 with 400 beds, according to county records. A 2004 addition brought it to 650 beds.

So the jail held more people than its 650 beds on most days, but not twice as many as it was built for.

Is the jail crowded? Yes, said the sheriff. Lopez's figure of 800 was higher than any count we saw."""


def test_in_a_story_the_quoted_claim_it_is_about_comes_first() -> None:
    claims = extract(normalise_body(FACT_CHECK)).claims
    ranked = sorted(claims, key=lambda claim: -claim.score)
    assert ranked[0].text.startswith('"Our jail was built for 400 people and it holds 800 today," Lopez said')
    quote = next(claim for claim in claims if claim.text.startswith('"Our jail'))
    assert quote.checkworthy and quote.speaker == "Maria Lopez"
    assert any(reason.startswith("what the story is about") for reason in quote.reasons)
    assert not next(claim for claim in claims if claim.text == "Yes, said the sheriff.").checkworthy
    newsroom = next(claim for claim in claims if claim.text.startswith("The county sheriff's office sent us"))
    assert newsroom.score < quote.score and not newsroom.checkworthy


def test_names_in_reasons_stay_whole_and_shouting_is_no_name() -> None:
    claims = claims_by_text(
        "NASA said the launch from the Kennedy Space Center cost $90 million. They DECIDED TO STOP the tests."
    )
    reasons = "; ".join(claims["NASA said the launch from the Kennedy Space Center cost $90 million."].reasons)
    assert "Kennedy Space Center" in reasons
    assert all("DECIDED" not in reason for reason in claims["They DECIDED TO STOP the tests."].reasons)


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        (
            "Ellery First is a group that backs the port plan. A new Ellery First ad says the plan "
            "will create 5,000 jobs. Critics disagree.",
            "A new Ellery First ad says the plan will create 5,000 jobs.",
            "Ellery First",
        ),
        (
            "Mayor Ellen Brandt has twice said the port lost $40 million.",
            "Mayor Ellen Brandt has twice said the port lost $40 million.",
            "Ellen Brandt",
        ),
        (
            "Mayor Ellen Brandt spoke on Friday. In an interview on WXYZ Radio, she put it this way:\n\n"
            '"The port lost $40 million in three weeks."',
            '"The port lost $40 million in three weeks."',
            "Ellen Brandt",
        ),
    ],
)
def test_ads_auxiliaries_and_lead_ins_name_the_speaker(text: str, sentence: str, speaker: str) -> None:
    assert claims_by_text(text)[sentence].speaker == speaker


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "The plan has three parts: 1.) raise fees by 5%. 2.) cut costs. 3.) Balance the budget.",
            ["The plan has three parts: 1.) raise fees by 5%.", "2.) cut costs.", "3.) Balance the budget."],
        ),
        ("She named them: a. the schools. b. the roads.", ["She named them: a. the schools.", "b. the roads."]),
        (
            "The audit is online. (https://ellery.example/audit.pdf) It found $2 million missing.",
            ["The audit is online.", "(https://ellery.example/audit.pdf)", "It found $2 million missing."],
        ),
        (
            "Councilman Albert I. Jones voted no. I think he was right.",
            ["Councilman Albert I. Jones voted no.", "I think he was right."],
        ),
    ],
)
def test_boundaries_hold_for_inline_items_bracketed_addresses_and_initials(text: str, parts: list[str]) -> None:
    from factcheck_tui.core.intake.extraction.sentences import split_sentences

    assert [text[start:end] for start, end in split_sentences(text)] == parts


def test_a_possessive_ends_a_name_and_story_words_are_shown_as_written() -> None:
    sentence = "The cranes of Ellery’s Harbour Board cost $9 million."
    reasons = "; ".join(claims_by_text(sentence)[sentence].reasons)
    assert "names (Ellery, Harbour Board)" in reasons
    quote = next(claim for claim in claims_by_text(PAGE).values() if claim.text.startswith('"We lost $40 million'))
    about = next(reason for reason in quote.reasons if reason.startswith("what the story is about"))
    assert "Brandt" in about


NEWSROOM_CHECKING = normalise_body(
    "Harbour Watch\n\n"
    "Port director Alan Reyes said the port lost $40 million in the strike, more than in any year since 1998. "
    "In this fact-check, we wondered whether the port really lost $40 million in three weeks. "
    "We asked the port authority for its 2023 accounts and reached out to the union. "
    "Last year we rated Mostly False a claim that the port lost $12 million in 2019. "
    '"We asked the ministry for $5 million in 2022 and got nothing," Reyes said. '
    "The port's accounts show a loss of $31 million for the three weeks."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "In this fact-check, we wondered whether",
        "We asked the port authority",
        "Last year we rated Mostly False",
    ],
)
def test_the_newsrooms_account_of_its_checking_is_not_a_claim(sentence: str) -> None:
    claims = claims_by_text(NEWSROOM_CHECKING)
    own = next(claim for text, claim in claims.items() if text.startswith(sentence))
    assert not own.checkworthy
    assert own.score < 0.1
    assert own.reasons in (
        ["against: how the newsroom checked, not a claim"],
        ["against: the outlet's own rating"],
    )


def test_a_speakers_we_is_theirs_and_stays_a_claim() -> None:
    claims = claims_by_text(NEWSROOM_CHECKING)
    quote = claims['"We asked the ministry for $5 million in 2022 and got nothing," Reyes said.']
    assert quote.speaker == "Alan Reyes"
    assert quote.checkworthy
    assert quote.reasons[0] != "against: how the newsroom checked, not a claim"
