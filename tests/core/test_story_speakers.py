"""Speakers across a story: the attribution patterns news uses, and no speaker rather than a wrong one."""

from __future__ import annotations

import pytest

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.extraction.speakers import outside_quotes

INTRO = "Mayor Ellen Brandt and Councilmember Victor Hale met at the port on Friday.\n\n"


def speakers_of(text: str) -> dict[str, str | None]:
    return {claim.text: claim.speaker for claim in extract(normalise_body(INTRO + text)).claims}


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        # A title points back to the full name the story introduced.
        (
            "The port lost $4 million in a week, the councilmember said.",
            "The port lost $4 million in a week, the councilmember said.",
            "Victor Hale",
        ),
        (
            "According to Brandt, the port lost $40 million.",
            "According to Brandt, the port lost $40 million.",
            "Ellen Brandt",
        ),
        # The source quoted inside a quotation is not the one speaking.
        (
            '"According to the Treasury, 4% of the money was spent," Hale tweeted on Monday.',
            '"According to the Treasury, 4% of the money was spent," Hale tweeted on Monday.',
            "Victor Hale",
        ),
        (
            "In a new television ad, Brandt goes after the port board for losing $40 million.",
            "In a new television ad, Brandt goes after the port board for losing $40 million.",
            "Ellen Brandt",
        ),
        (
            "Hale defended the fee on Monday, saying the port would break even by 2026.",
            "Hale defended the fee on Monday, saying the port would break even by 2026.",
            "Victor Hale",
        ),
        # One person named before a colon that opens a quotation is the one quoted.
        (
            'Yet there was Hale at the meeting, making this promise:\n\n"The fee will fall by half next year."',
            '"The fee will fall by half next year."',
            "Victor Hale",
        ),
        (
            'First, let us review Brandt\'s statement: "We lost $40 million in three weeks."',
            'First, let us review Brandt\'s statement: "We lost $40 million in three weeks."',
            "Ellen Brandt",
        ),
        # A role no one was introduced with is the person the story is about.
        (
            "Hale, a retired accountant, wants the fee cut. Hale says it doubled. "
            "The retired accountant told voters the port lost $9 million.",
            "The retired accountant told voters the port lost $9 million.",
            "Victor Hale",
        ),
        # A long run of capitalised words: the person is the last two of them.
        (
            "Ellery County Fire Marshal Dana Price said the hall holds 900 people.",
            "Ellery County Fire Marshal Dana Price said the hall holds 900 people.",
            "Dana Price",
        ),
    ],
)
def test_news_attribution_patterns_name_the_full_name(text: str, sentence: str, speaker: str) -> None:
    assert speakers_of(text)[sentence] == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Ellery Republican Party claimed the fee doubled.", "Ellery Republican Party"),
        ("So Brandt said the fee doubled.", "Ellen Brandt"),
        ('"The fee doubled," said Dana Price in an interview on Monday.', "Dana Price"),
        # After "told", a name that goes on is the one spoken to.
        ("A spokesperson told WXYZ Radio on Friday that the fee doubled.", None),
        ("Experts say the fee doubled.", None),
        (
            "The Bureau of Port Statistics, part of the Transport Department, said the fee doubled.",
            "Bureau of Port Statistics",
        ),
        ('"Gibberish," Dana Price, a professor at Ellery College, commented.', "Dana Price"),
    ],
)
def test_organisations_openers_and_listeners(sentence: str, speaker: str | None) -> None:
    assert speakers_of(sentence)[sentence] == speaker


def test_a_party_label_is_a_description_of_the_person_the_story_is_about() -> None:
    speakers = speakers_of("Brandt spoke first. Later the Ellery Democrat announced a fee cut.")
    assert speakers["Later the Ellery Democrat announced a fee cut."] == "Ellen Brandt"


def test_he_or_she_is_never_an_organisation() -> None:
    speakers = speakers_of("As the Ellery Post reported, the fee doubled. She said it rose by $4 a ton.")
    assert speakers["As the Ellery Post reported, the fee doubled."] == "Ellery Post"
    assert speakers["She said it rose by $4 a ton."] == "Ellen Brandt"


def test_a_quotation_attributed_to_no_one_named_does_not_inherit_the_speaker_before() -> None:
    speakers = speakers_of('Brandt said the fee doubled.\n\n"Port fee triples overnight," stated a headline on Monday.')
    assert speakers['"Port fee triples overnight," stated a headline on Monday.'] is None


def test_the_turns_of_an_interview_transcript_are_the_people_named_before_the_colon() -> None:
    speakers = speakers_of(
        'Host Dana Price asked Brandt about the strike.\n\nPrice: "Did the port lose money?"\n\n'
        'Brandt: "We lost $40 million in three weeks. It was the worst strike since 1998."'
    )
    assert speakers['Price: "Did the port lose money?"'] == "Dana Price"
    assert speakers['Brandt: "We lost $40 million in three weeks.'] == "Ellen Brandt"
    assert speakers["It was the worst strike since 1998."] == "Ellen Brandt"


def test_the_voice_of_an_ad_speaks_for_whoever_ran_it_not_for_the_person_it_quotes() -> None:
    speakers = speakers_of(
        'The Hale campaign released a 30-second ad on Monday. "We will keep the fee," Brandt says in it.\n\n'
        '"Hmm," a male voice says. "But Ellen Brandt raised the port fee twice."'
    )
    assert speakers['"We will keep the fee," Brandt says in it.'] == "Ellen Brandt"
    assert speakers['"Hmm," a male voice says.'] == "Victor Hale"
    assert speakers['"But Ellen Brandt raised the port fee twice."'] == "Victor Hale"


def test_an_ad_voice_of_an_unknown_ad_gives_no_speaker_rather_than_the_one_quoted_before() -> None:
    speakers = speakers_of('"We will keep the fee," Brandt said.\n\n"It rose twice," an announcer says.')
    assert speakers['"It rose twice," an announcer says.'] is None


def test_words_inside_quotation_marks_are_blanked_for_attribution() -> None:
    inside = "It rose, Hale said,"
    assert outside_quotes(f'"{inside}" Brandt wrote.') == '"' + " " * len(inside) + '" Brandt wrote.'
    # A sentence that starts inside a quotation opened earlier.
    assert outside_quotes('It rose," Brandt wrote.') == " " * len("It rose,") + '" Brandt wrote.'
    assert outside_quotes("Hale says the fee rose.", inside=True) == ""


def test_a_quotation_introduced_by_he_wrote_is_the_person_the_sentence_before_was_about() -> None:
    speakers = speakers_of(
        'In a post shared by the advocacy group Harbour Workers for Fair Pay, dockers said, "We will not unload '
        'another ship."\n\nIn reply to the strike, Hale called the demands reckless, going as far as to say, '
        '"The port will close by June." He wrote:\n\nWe have run this port for twenty years. The fee will stay.'
    )
    assert (
        speakers[
            'In a post shared by the advocacy group Harbour Workers for Fair Pay, dockers said, "We will not unload '
            'another ship."'
        ]
        == "Harbour Workers for Fair Pay"
    )
    assert speakers["He wrote:"] == "Victor Hale"
    assert speakers["We have run this port for twenty years."] == "Victor Hale"
    assert speakers["The fee will stay."] == "Victor Hale"


def test_the_words_of_an_ad_are_its_sponsors_not_those_of_the_person_it_attacks() -> None:
    speakers = speakers_of(
        'Hale "missed nine of ten port board votes. He even skipped the budget vote to attend a fundraiser," says '
        "the radio ad from Citizens for Fair Fees, a group funded by shipping firms.\n\n"
        "A mailer paid for by the Ellery Taxpayers League says Brandt doubled the fee."
    )
    assert speakers['Hale "missed nine of ten port board votes.'] == "Citizens for Fair Fees"
    assert (
        speakers[
            'He even skipped the budget vote to attend a fundraiser," says the radio ad from Citizens for Fair Fees, '
            "a group funded by shipping firms."
        ]
        == "Citizens for Fair Fees"
    )
    assert speakers["A mailer paid for by the Ellery Taxpayers League says Brandt doubled the fee."] == (
        "Ellery Taxpayers League"
    )


def test_a_quotation_of_several_sentences_belongs_to_the_speaker_named_at_its_end() -> None:
    speakers = speakers_of('Hale said the port was broke. "The fee will fall. Ships will come back," said Brandt.')
    assert speakers["Hale said the port was broke."] == "Victor Hale"
    # (A claim leaves out a quotation mark that only opens it.)
    assert speakers["The fee will fall."] == "Ellen Brandt"
    assert speakers['Ships will come back," said Brandt.'] == "Ellen Brandt"


@pytest.mark.parametrize(
    "sentence",
    [
        # Capitalised only because they open the sentence: a plural common noun, a common word.
        "Detractors say Brandt raised the fee twice, but Brandt says that is not true.",
        "Dockworkers claimed the fee doubled.",
        "Ad says Hale missed votes",
        # A possessive before a noun that looks like a verb ("claims") is no subject.
        "Brandt's claims about the fee were wrong.",
    ],
)
def test_a_common_noun_or_a_possessive_is_no_named_speaker(sentence: str) -> None:
    # The story uses the ad's word in lower case elsewhere, as stories do.
    assert speakers_of(f"{sentence}\n\nThe ad ran on radio.")[sentence] is None


def test_a_one_word_name_the_story_writes_capitalised_mid_sentence_stays_a_speaker() -> None:
    speakers = speakers_of("Portwatch says the fee doubled. The figure comes from Portwatch, a port data firm.")
    assert speakers["Portwatch says the fee doubled."] == "Portwatch"


def test_the_person_the_newsroom_asked_is_the_one_who_answers() -> None:
    speakers = speakers_of(
        "Brandt spoke first.\n\nWe turned to Dana Price, a port economist who studies shipping fees.\n\n"
        'Here is what she had to say:\n\n"Fees rose in every port on the coast. Ellery was no exception."'
    )
    assert speakers["Here is what she had to say:"] == "Dana Price"
    assert speakers["Fees rose in every port on the coast."] == "Dana Price"
    assert speakers["Ellery was no exception."] == "Dana Price"


def test_a_name_after_a_preposition_that_never_opens_a_clause_is_no_speaker() -> None:
    sentence = "We found similar figures across Portwatch reports since Brandt took office."
    assert speakers_of(sentence)[sentence] is None


def test_an_ad_that_is_the_subject_speaks_for_whoever_ran_it() -> None:
    speakers = speakers_of(
        "A new radio ad from the Ellery Taxpayers League goes after Hale.\n\n"
        'It accuses him of waste: "Hale doubled the fee. Ships went to Marlow."\n\n'
        "The ad also says the port lost $9 million.\n\nThe ad plainly misreads what the port's accounts said."
    )
    assert speakers['It accuses him of waste: "Hale doubled the fee.'] == "Ellery Taxpayers League"
    assert speakers["Ships went to Marlow."] == "Ellery Taxpayers League"
    assert speakers["The ad also says the port lost $9 million."] == "Ellery Taxpayers League"
    # The newsroom's own judgement of the ad, not the ad speaking.
    assert speakers["The ad plainly misreads what the port's accounts said."] is None
