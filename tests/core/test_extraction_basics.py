"""Sentence splitting and ranking on the hard cases of news text named in the extraction issue."""

from __future__ import annotations

import pytest

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.extraction.pipeline import score_in_story
from factcheck_tui.core.intake.extraction.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The site will be suspended at 11:59 p.m. PT on Sunday.",
        "The riot at the Capitol on Jan. 6 shocked the nation.",
        "The U.S. Senate voted 52-48 on the bill.",
        "Dr. Alan Reyes said the port lost money.",
        "Shares of Marlow Inc. rose 3.5% on the news.",
        "He ranked No. 3 in the state.",
        "President John F. Kennedy spoke in Berlin.",
        "Read it at https://example.com/a.b.c today.",
        "Joshua Norton (c. 1818 – January 8, 1880) was emperor.",
        "He spoke in support of H. R. 1280, the policing bill.",
        "She cited Vol. II of the report and Art. 5 of the treaty.",
        "She won for Viva Maria! (1965) and for two later films.",
        "Martin Luther King Jr. Day is a holiday.",
        "Sen. Elizabeth Warren, D-Mass., said the plan would cost $1.5 trillion.",
        "The meeting is at 9 a.m. Thursday in the town hall.",
        "Then-U.S. Rep. Paul Graves missed the vote.",
    ],
)
def test_abbreviations_times_initials_and_decimals_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    "parts",
    [
        ["It goes dark at 11:59 p.m. PT.", "Explaining the decision, Amazon wrote to her."],
        ["No, no.", "Forget memory."],
        ["The dog sat.", "Then it slept."],
        ["The plane flew at 30,000 ft.", "The crew was calm."],
        ["It was founded in Seattle, Wash.", "The company grew."],
        ["A speech by Martin Luther King Jr.", "The crowd listened."],
        ["He moved to the U.S.", "The move was costly."],
        ["The meeting ended at 9 a.m.", "The mayor left."],
        ["The pilot was never picked up. [8]", "In 2005, he appeared in a film."],
        ['"We have brains."', "— Peres, on the oil wealth of his neighbours."],
        ["He paused ...", "Then he spoke again."],
    ],
)
def test_words_that_look_like_abbreviations_still_end_sentences(parts: list[str]) -> None:
    assert sentences(" ".join(parts)) == parts


def test_quotes_with_several_sentences_split_between_them() -> None:
    text = 'The result was clear, she wrote. "We will win. They know it."'
    assert sentences(text) == ["The result was clear, she wrote.", '"We will win.', 'They know it."']


def test_an_ellipsis_inside_a_quoted_headline_does_not_split() -> None:
    text = 'The banner on the harbour blog read, "Tide Turns … Dock workers vote to end strike." Ships left.'
    assert sentences(text) == [
        'The banner on the harbour blog read, "Tide Turns … Dock workers vote to end strike."',
        "Ships left.",
    ]


def test_a_quotation_that_goes_on_within_the_sentence_holds_its_full_stops() -> None:
    text = 'The union posted "We won. They lost" on its site. Ships left.'
    assert sentences(text) == ['The union posted "We won. They lost" on its site.', "Ships left."]


def test_an_editors_cut_between_quoted_sentences_still_splits() -> None:
    text = 'The memo said, "Costs rose [...] Wages fell by a third." Nobody replied.'
    assert sentences(text) == ['The memo said, "Costs rose [...]', 'Wages fell by a third."', "Nobody replied."]


def test_question_inside_a_quote_before_the_speaker_does_not_split() -> None:
    text = '"Is it over?" asked Mendes. Nobody answered.'
    assert sentences(text) == ['"Is it over?" asked Mendes.', "Nobody answered."]


def test_headlines_and_bylines_are_their_own_sentences() -> None:
    body = normalise_body("Port strike ends\nBy Sam Whitaker\n\nThe union voted on Sunday. Ships left.")
    assert sentences(body) == ["Port strike ends", "By Sam Whitaker", "The union voted on Sunday.", "Ships left."]


def test_every_sentence_is_an_exact_span_and_only_whitespace_is_left_between() -> None:
    body = normalise_body("A said 4 p.m. ET was late. B agreed!  Why?\n\nC. D. Jones left.\n- item one\n- item two")
    spans = split_sentences(body)
    assert spans == sorted(spans)
    cursor = 0
    for start, end in spans:
        assert body[cursor:start].strip() == ""
        cursor = end
    assert body[cursor:].strip() == ""


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The port handled 1.8 million containers last year, more than any other port on\n"
        "the coast, according to the shipping analyst who studied the figures for the\n"
        "regional trade board in its annual report on the state of the harbour.\n"
    )
    body = normalise_body(wrapped)
    assert "\n" not in body
    assert len(sentences(body)) == 1


def test_claims_are_ranked_with_reasons_and_speakers(strike_story) -> None:
    _, claims = strike_story
    by_text = {claim.text: claim for claim in claims}
    figure = by_text["Port director Dr. Alan Reyes said the strike cost the regional economy about $95 million a day."]
    question = by_text["Is this the end of the dispute?"]
    assert figure.checkworthy and not question.checkworthy
    assert figure.score > question.score
    assert any(reason.startswith("contains a figure") for reason in figure.reasons)
    assert any("question" in reason for reason in question.reasons)
    assert figure.speaker == "Alan Reyes"


def test_pronoun_and_block_quote_speakers() -> None:
    body = normalise_body(
        'Analyst Priya Kapoor said the backlog was large. She wrote: "It will take weeks. Expect delays."\n'
        "Union president Carla Mendes said: \n"
        "We fought for this. We won."
    )
    result = extract(body)
    speakers = {claim.text: claim.speaker for claim in result.claims}
    assert speakers['She wrote: "It will take weeks.'] == "Priya Kapoor"
    assert speakers["Expect delays."] == "Priya Kapoor"
    assert speakers["We fought for this."] == "Carla Mendes"


def test_a_sentence_opening_like_a_name_is_not_who_he_means() -> None:
    text = (
        "Port chief Nora Vance promised the cranes would run by Monday. "
        "Like Marlow, Ellery on Saturday cited the strike as a reason to cut ties. "
        'He wrote: "We will be back by noon."'
    )
    assert speakers_of(text)['He wrote: "We will be back by noon."'] == "Nora Vance"


def speakers_of(text: str) -> dict[str, str | None]:
    return {claim.text: claim.speaker for claim in extract(normalise_body(text)).claims}


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Lena Ortiz, a senior fellow at the Harbour Institute, said the figures were right.", "Lena Ortiz"),
        ("Sen. Paul Graves, R-Ellery, said the port lost money.", "Paul Graves"),
        ('"It is a fine way to estimate," said Ortiz.', "Ortiz"),
        ('"This is the best contract in years," said union president Carla Mendes.', "Carla Mendes"),
        ("The ships will sail again, officials said Sunday.", None),
        ("Harbour Board Chief Financial Officer Dana Lee wrote to the union.", "Dana Lee"),
        ("Governor of Marlow Ann Price said the deal was done.", "Ann Price"),
        ("The shipping line's statement added that costs had doubled.", None),
        ("Graves's statement added that costs had doubled.", "Graves"),
        ("The union said Reyes's estimate was too high.", None),
        ("The board says Reyes took the call.", None),
        ("There were 40 sailings that week, according to port records.", None),
        ("There were 40 sailings that week, according to Harbour Board records.", "Harbour Board records"),
        ("We asked the union where the money went.", None),
    ],
)
def test_the_speaker_is_the_one_named_next_to_the_reporting_verb(sentence: str, speaker: str | None) -> None:
    assert speakers_of(sentence)[sentence] == speaker


def test_a_quotation_after_the_sentence_that_names_its_speaker_is_theirs() -> None:
    speakers = speakers_of(
        'Union president Carla Mendes issued a statement on Sunday. "We fought for this. We won." '
        '"The Choice" is the name of the union\'s new campaign.'
    )
    assert speakers["We fought for this."] == "Carla Mendes"
    assert speakers["We won."] == "Carla Mendes"
    assert speakers['"The Choice" is the name of the union\'s new campaign.'] is None


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('The mayor spoke. "Fares will not rise. The budget is balanced." Then she left.', "The budget is balanced."),
        ("The mayor spoke. “Fares will not rise. The budget is balanced.” Then she left.", "Fares will not rise."),
        ('The mayor said "fares will not rise" and left.', 'The mayor said "fares will not rise" and left.'),
        ('"Fares will not rise," the mayor said.', '"Fares will not rise," the mayor said.'),
        ('The mayor said: "Fares will not rise. The budget is balanced."', 'The mayor said: "Fares will not rise.'),
    ],
)
def test_a_claim_keeps_the_quotation_marks_it_pairs_and_drops_a_stray_one(text: str, shown: str) -> None:
    claims = extract(normalise_body(text)).claims
    claim = next(claim for claim in claims if claim.text == shown)
    assert claim.text == normalise_body(text)[claim.start : claim.end]
    quoted = [claim for claim in claims if claim.text.count('"') % 2 or claim.text.count("“") != claim.text.count("”")]
    assert quoted == [claim for claim in claims if claim.text.startswith('The mayor said: "')]


def test_a_claim_less_its_stray_quotation_mark_scores_in_its_story_as_at_import() -> None:
    body = normalise_body(
        "The harbour board met on Tuesday. Port director Alan Reyes spoke for an hour. "
        '"We moved 40,000 containers in May. That is a record for the port." '
        "The union disputed the figure. Its members walked out in June."
    )
    claim = next(claim for claim in extract(body).claims if claim.text == "That is a record for the port.")
    score, checkworthy, reasons = score_in_story(body, claim.text, claim.speaker, claim.start)
    assert (round(score, 4), checkworthy, reasons) == (claim.score, claim.checkworthy, claim.reasons)
    assert "against: contains a quotation" in reasons


def test_he_resolves_to_the_last_speaker_but_we_is_the_newsroom() -> None:
    speakers = speakers_of(
        "Port director Alan Reyes said the strike was over. He added that ships were waiting. We asked why."
    )
    assert speakers["He added that ships were waiting."] == "Alan Reyes"
    assert speakers["We asked why."] is None


def test_he_means_the_person_last_named_not_the_last_speaker() -> None:
    body = normalise_body(
        "Mayor Dana Whitfield said the rise would raise $18 million. "
        'Councilmember Victor Hale, one of the two no votes, called the plan "a tax on families." '
        'He said the city has "the highest tax burden of any city in the state."'
    )
    claims = extract(body).claims
    # The quoted words of the second sentence are Hale's too: he opens the sentence that quotes them.
    assert [claim.speaker for claim in claims] == ["Dana Whitfield", "Victor Hale", "Victor Hale"]
    assert "attributed statement (Victor Hale, named before)" in claims[2].reasons
