"""Sentences that state nothing (questions, fragments without a verb) are listed but never flagged,
and rank below every statement of their story; questions that assert stay claims."""

from __future__ import annotations

import pytest

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.extraction.pipeline import score_sentence
from factcheck_tui.core.intake.extraction.statements import is_fragment, is_opinion, is_question

# A fact-check written for these tests: a checker's questions, a transcript with one-word
# answers and a list of names, around the claims.
STORY = """Harbor budget cut draws fire

Councilwoman Rita Okafor said on Monday that Mayor Ellen Brandt cut $20 million from the harbor cleanup fund in 2023.

"The mayor took $20 million from the cleanup and gave it to the stadium," Okafor said at a council meeting.

Did Brandt end $20 million in funding for the harbor cleanup? So is it true that the fund lost half its money in one year?

City budget records show the cleanup fund fell from $41 million in 2022 to $21 million in 2023.

Brandt's office said the money was moved to a state program that pays for the same work.

In a radio interview, Okafor was asked where the money went.

Host: "Where did the money go?"

Okafor: "The stadium."

Host: "All of it?"

Okafor: "Every cent."

"To call that a transfer is ridiculous," Brandt said.

I think it's a smear.

The council members who voted for the cut:

• Council President Dan Ivers.

• Councilwoman Mei Tanaka.

The state program spent $18 million on harbor cleanup in 2023, according to its annual report."""

STATEMENTS = (
    "Councilwoman Rita Okafor said on Monday that Mayor Ellen Brandt cut $20 million from the harbor cleanup fund in 2023.",
    "City budget records show the cleanup fund fell from $41 million in 2022 to $21 million in 2023.",
    "The state program spent $18 million on harbor cleanup in 2023, according to its annual report.",
)
QUESTIONS = (
    "Did Brandt end $20 million in funding for the harbor cleanup?",
    "So is it true that the fund lost half its money in one year?",
    'Host: "Where did the money go?"',
    'Host: "All of it?"',
)
FRAGMENTS = (
    'Okafor: "The stadium."',
    'Okafor: "Every cent."',
    "• Council President Dan Ivers.",
    "• Councilwoman Mei Tanaka.",
)
OPINIONS = ('"To call that a transfer is ridiculous," Brandt said.', "I think it's a smear.")


def claims_by_text() -> dict:
    return {claim.text: claim for claim in extract(normalise_body(STORY)).claims}


@pytest.mark.parametrize("text", QUESTIONS + FRAGMENTS + OPINIONS)
def test_questions_fragments_and_opinions_are_listed_but_never_flagged(text: str) -> None:
    claims = claims_by_text()
    assert text in claims, sorted(claims)
    assert not claims[text].checkworthy
    # One reason, saying what it is: the figures and names it holds are not reasons to check it.
    assert len(claims[text].reasons) == 1
    assert any(what in claims[text].reasons[0] for what in ("not a statement", "nothing to check"))


def test_questions_fragments_and_opinions_rank_below_every_statement_of_the_story() -> None:
    claims = claims_by_text()
    lowest_statement = min(claims[text].score for text in STATEMENTS)
    assert all(claims[text].checkworthy for text in STATEMENTS)
    assert max(claims[text].score for text in QUESTIONS + FRAGMENTS + OPINIONS) < lowest_statement


@pytest.mark.parametrize(
    "text",
    [
        "Did you know that the city has cut the harbor cleanup fund by half since 2022?",
        "Do you realize the council spent $40 million on the stadium last year?",
        '"The mayor took every cent of the cleanup money, okay?"',
        "The fund lost half its money in one year, didn't it?",
        # The quotation goes on past the question: the speaker asks in order to answer.
        '"Why does the mayor want the stadium?',
    ],
)
def test_a_question_that_asserts_is_a_statement(text: str) -> None:
    assert not is_question(text)
    reasons = score_sentence(text)[2]
    assert not any("not a statement" in reason for reason in reasons), reasons


def test_a_question_its_speaker_answers_in_the_same_quotation_is_scored_as_a_statement() -> None:
    story = (
        STORY + '\n\n"Why does the mayor want the stadium? The owners gave $2 million to her campaign," Okafor said.'
    )
    claims = {claim.text: claim for claim in extract(normalise_body(story)).claims}
    asked = claims["Why does the mayor want the stadium?"]
    assert not any("not a statement" in reason for reason in asked.reasons), asked.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Do you know why the fund was cut?",
        "Is the harbor cleaner than it was in 2020?",
        'Okafor asked, "Who approved the transfer of $20 million?"',
        "The fund lost $20 million in one year?",
    ],
)
def test_a_question_scored_alone_is_not_check_worthy(text: str) -> None:
    assert is_question(text)
    _, checkworthy, reasons = score_sentence(text)
    assert not checkworthy
    assert reasons == ["against: a question, not a statement"]


@pytest.mark.parametrize(
    "text",
    [
        "Government spending.",
        "Hawaii.",
        "Harbor cleanup: $21 million.",
        '"More than Minnesota," she said.',
        "Rubio: Yes.",
    ],
)
def test_short_runs_of_words_without_a_verb_are_fragments(text: str) -> None:
    assert is_fragment(text)
    assert not score_sentence(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose.",
        "The plan costs $4 billion.",
        "I respect the Second Amendment.",
        "Two students were injured.",
        "Texas leads the nation.",
        "Officials shot down the proposal.",
        "Unemployment, inflation and crime in the state since 2019, from the governor's annual report to lawmakers.",
    ],
)
def test_a_sentence_with_a_verb_or_too_long_to_judge_is_not_a_fragment(text: str) -> None:
    assert not is_fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        "I think it's a hoax.",
        "We believe the plan is sound.",
        "This is wrong.",
        '"That is a disgrace," the mayor said.',
    ],
)
def test_a_short_judgement_is_an_opinion_only(text: str) -> None:
    assert is_opinion(text)
    assert score_sentence(text)[2] == ["against: an opinion only, nothing to check"]


@pytest.mark.parametrize(
    "text",
    [
        # A fact inside the opinion: a figure, a date, a record, a comparison.
        "I think the council cut $20 million from the fund.",
        "I believe the council voted for the transfer in 2023.",
        "We think crime is worse than it was.",
        # Someone said it: what was said is on the record.
        "Okafor said her statement was wrong.",
        # Long enough to hold more than the judgement.
        "These are numbers that are massaged to make the economy look good, when in fact it is a disaster.",
        # Not a judgement at all.
        "It is simply unfair to ask workers to pay a higher rate.",
    ],
)
def test_a_judgement_that_carries_a_fact_is_not_an_opinion_only(text: str) -> None:
    assert not any("opinion only" in reason for reason in score_sentence(text)[2])
