from __future__ import annotations

import pytest

from factcheck_tui.core.matching.index import Analysis
from factcheck_tui.core.matching.numbers import figures_agree
from factcheck_tui.core.matching.terms import (
    DOWN,
    UP,
    analyse_many,
    canonical,
    content_terms,
    content_words,
    direction,
    quoted,
    words,
)


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
    assert (
        content_terms("banned from the U.S.")
        == content_terms("banned from the United States")
        == content_terms("banned from the USA")
    )
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$750m for the stadium", ["750000000", "dollar", "stadium"]),
        ("Half a million people", ["500000", "people"]),
        ("a quarter of a million visitors", ["250000", "visitors"]),
        ("two and a half billion", ["2500000000"]),
    ],
)
def test_amounts_and_fractions_are_figures(text: str, expected: list[str]) -> None:
    assert content_words(text) == expected


def test_country_adjectives_and_attribution() -> None:
    said = canonical(content_terms("Chinese hackers stole the data, the minister said"))
    assert (
        said
        == canonical(content_terms("According to the minister, hackers from China stole the data"))
        == "china data hacker minist stole"
    )
    assert content_terms("Muslims were banned") == content_terms("Islam was banned")


def test_quoted_passages_are_split_at_but() -> None:
    text = 'Hale said: "Crime is down 20 percent, but people do not feel safer." Did he say ‘never a fan’? He didn’t.'
    assert quoted(text) == ["Crime is down 20 percent", "people do not feel safer.", "never a fan"]
    assert quoted("No quotation here, isn't it") == []


def test_directions() -> None:
    assert direction(words("Crime is up 8 percent")) == UP
    assert direction(words("crime fell")) == DOWN
    assert direction(words("sales rose in May and fell in June")) == UP | DOWN
    assert direction(words("the council met")) == 0


def test_many_texts_analysed_together_come_out_as_each_alone() -> None:
    texts = [
        "The U.S. spent $5m, up 3%",
        "",
        "Ports lost half a million dollars on Jan. 6 at 11 p.m.",
        "#WildFires near @CityOfOstbury https://t.co/x",
        "one hundred and five",
        "Café owners’ rights \x1e!",
    ]
    together = analyse_many(texts)
    alone = [analyse_many([text])[0] for text in texts]
    assert together == alone
    assert together[0] == ("usa spent 5000000 dollar 3 percent", "usa spent 5000000 dollar 3 percent", UP)
    assert [content.split() for content, _, _ in together] == [content_words(text) for text in texts]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("4.2", "4", True),
        ("146", "150", True),
        ("2800000", "3000000", True),
        ("2400000", "2000000", False),
        ("15", "20", False),
        ("2019", "2020", False),
        ("240000", "2400000", False),
        ("3", "3", True),
    ],
)
def test_rounded_figures_agree_with_exact_ones(first: str, second: str, same: bool) -> None:
    assert figures_agree(first, second) is same
    assert figures_agree(second, first) is same
