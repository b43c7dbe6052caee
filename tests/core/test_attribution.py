"""Who made a claim, and the reason that says so: the words of the sentence, never a made-up "said"."""

from __future__ import annotations

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body

STORY = (
    "Port chief Victor Hale said the strike cost the harbour millions. "
    "Here's an exchange he had on Monday with Ellen Brandt of Harbour Radio, according to a transcript:\n\n"
    'Brandt: "So the port lost money?"\n\n'
    'Hale: "We lost 40 million in three weeks."\n\n'
    "In a recent video, he criticized Brandt for her questions. "
    "In her column, the radio host painted port chief Victor Hale as careless with figures. "
    "Victor Hale has made the claim repeatedly, arguing that the strike was illegal. "
    "Cargo through the United States ports fell 12 percent, according to Harbour Board records. "
    "In a radio interview, Hale described the strike as illegal."
)


def attributions() -> dict[str, tuple[str | None, list[str]]]:
    return {
        claim.text: (claim.speaker, [reason for reason in claim.reasons if reason.startswith("attributed")])
        for claim in extract(normalise_body(STORY)).claims
    }


def test_the_reason_names_the_verb_the_sentence_uses_or_none() -> None:
    found = attributions()
    assert found['Hale: "We lost 40 million in three weeks."'] == (
        "Victor Hale",
        ["attributed statement (Victor Hale)"],
    )
    assert found["Victor Hale has made the claim repeatedly, arguing that the strike was illegal."] == (
        "Victor Hale",
        ["attributed statement (Victor Hale arguing)"],
    )
    assert found["Cargo through the United States ports fell 12 percent, according to Harbour Board records."] == (
        "Harbour Board records",
        ["attributed statement (according to Harbour Board records)"],
    )


def test_a_position_told_in_the_reporters_words_says_so() -> None:
    assert attributions()["In a radio interview, Hale described the strike as illegal."] == (
        "Victor Hale",
        ["attributed statement (Victor Hale, in the reporter's words)"],
    )


def test_the_person_a_framing_sentence_names_as_its_object_is_not_its_speaker() -> None:
    found = attributions()
    assert found["In a recent video, he criticized Brandt for her questions."][0] == "Victor Hale"
    assert found["In her column, the radio host painted port chief Victor Hale as careless with figures."] == (None, [])
    intro = next(text for text in found if text.startswith("Here's an exchange"))
    assert found[intro] == (None, [])
