"""A claim's reasons cite only real names and topic words: no sentence openers, web-address
pieces, words in capitals for emphasis, or function words."""

from __future__ import annotations

import pytest

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.extraction.pipeline import score_sentence


def names_reason(sentence: str) -> str | None:
    _, _, reasons = score_sentence(sentence)
    return next((reason.removeprefix("against: ") for reason in reasons if "names (" in reason), None)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The fee is listed at Https://Www.Harbour-Ledger.Com/fees, the Port Authority said.", "Port Authority"),
        ("The fee rise is FALSE, the Port Authority said on its site.", "Port Authority"),
        ("Our GREAT dockers kept the port of Marlow open all winter, Ellen Brandt wrote.", "Marlow, Ellen Brandt"),
        ("Fees doubled at the port…It was the steepest rise in Marlow, Ellen Brandt said.", "Marlow, Ellen Brandt"),
        ("The port of Marlow ranks No. 4 for cargo, Ellen Brandt said.", "Marlow, Ellen Brandt"),
        ("Dockers were paid late in 2023, and THEN the Port Authority cut their hours.", "Port Authority"),
    ],
)
def test_the_names_a_reason_gives_are_names(sentence: str, names: str) -> None:
    assert names_reason(sentence) == f"names ({names})"


def test_an_acronym_in_capitals_is_still_a_name() -> None:
    assert names_reason("The NTSB said the ferry was overloaded in 2021.") == "names (NTSB)"


def test_the_words_a_story_is_about_are_no_function_words_and_are_written_as_the_story_does() -> None:
    body = normalise_body(
        "Councillor Ruth McAllister voted against the harbour levy on Monday. "
        "McAllister said the levy cannot pay for dredging under the current budget. "
        "Dockers marched against the levy under heavy rain. "
        "The board said the levy cannot be withdrawn under the port charter. "
        "McAllister has campaigned against the levy since it was proposed. "
        "The levy raised 2 million dollars last year."
    )
    shown = [
        word
        for claim in extract(body).claims
        for reason in claim.reasons
        if reason.startswith("what the story is about (")
        for word in reason.removeprefix("what the story is about (").rstrip(")").split(", ")
    ]
    assert "levy" in shown and "McAllister" in shown
    assert not {"against", "cannot", "under", "mcallister"} & set(shown)
