from __future__ import annotations

import pytest

from factcheck_tui.core.matching.index import Analysis
from factcheck_tui.core.matching.normalise import canonical, content_terms, words


@pytest.mark.parametrize(
    "spelling",
    ["3 percent", "3%", "three per cent", "Three Per Cent", "3 pct", "3 per cent"],
)
def test_every_spelling_of_a_percentage_is_one_term(spelling: str) -> None:
    assert content_terms(f"Prices rose {spelling} in May") == content_terms("prices rose 3 percent in may")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,167,982 voters", ["1167982", "voters"]),
        ("1.5 million people", ["1500000", "people"]),
        ("$100K bonus", ["100000", "dollar", "bonus"]),
        ("three hundred and twenty-five thousand", ["325000"]),
        ("a million dollars", ["1000000", "dollars"]),
        ("millions of people", ["millions", "of", "people"]),
        ("one and two", ["1", "and", "2"]),
    ],
)
def test_figures_and_number_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_one_day_and_24_hours_stay_different() -> None:
    assert content_terms("one day") != content_terms("24 hours")


def test_case_quotes_punctuation_and_accents_do_not_matter() -> None:
    assert content_terms("“Café owners’ rights!”") == content_terms('"cafe OWNERS rights"')
    assert content_terms("McDonald’s fries") == content_terms("McDonald's fries") == ["mcdonald", "fri"]


def test_tweet_noise_is_removed_and_tags_are_split() -> None:
    terms = content_terms("RT @realDonaldTrump: the #AustralianFires are out https://t.co/x1 via @news")
    assert terms == content_terms("real Donald Trump Australian fires out news")
    assert "http" not in " ".join(terms) and "t" not in terms


def test_country_spellings_agree() -> None:
    assert content_terms("banned from the U.S.") == content_terms("banned from the United States") == content_terms("banned from the USA")
    assert "usa" not in content_terms("let us go")


def test_stop_words_go_and_word_order_does_not_matter() -> None:
    first = canonical(content_terms("The mayor cut the budget of the library"))
    second = canonical(content_terms("library budget cut by mayor"))
    assert first == second == "budget cut librari mayor"


def test_analysis_keeps_words_for_character_grams() -> None:
    analysis = Analysis.of("Wildfires spread")
    assert analysis.words == ("wildfires", "spread")
    assert " wil" in analysis.grams() and "res " in analysis.grams()
    assert analysis.size == 2
