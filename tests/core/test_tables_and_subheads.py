"""Tables read as text and subheads inside a body are page furniture: kept, never offered as claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.core.furniture import FIGURES, HEADLINE, is_furniture
from factcheck_tui.core.intake.articles import read_article
from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.intake.extraction.structure import line_role, sentence_role

# Written for these tests: a table pasted as text (cells run together), a list of data and a
# subhead that ends on a quoted phrase, between the claims.
STORY = """Harbor cleanup fund shrinks

Mayor Ellen Brandt cut $20 million from the harbor cleanup fund in 2023, city records show.

Budget by program, in millions: Cleanup $41.2 million $21.0 million -49% Dredging $12.5 million $12.9 million 3%

The mayor's "stadium deal"

The council approved $35 million in stadium bonds in March by a vote of 7 to 2.

Dredging: $12.9 million.

Stadium bonds: about $35 million

Spending on the harbor dropped in 2009, 2004, 1986 and 1983, the budget office said."""


def by_text(body: str) -> dict:
    return {claim.text: claim for claim in extract(normalise_body(body)).claims}


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Budget by program, in millions: Cleanup $41.2 million $21.0 million -49% Dredging $12.5 million", FIGURES),
        ('The mayor\'s "stadium deal"', HEADLINE),
        ("Dredging: $12.9 million.", FIGURES),
        ("Stadium bonds: about $35 million", FIGURES),
    ],
)
def test_table_rows_data_labels_and_subheads_are_furniture(line: str, role: str) -> None:
    claims = by_text(STORY)
    found = next(claim for text, claim in claims.items() if text.startswith(line))
    assert not found.checkworthy
    assert found.reasons == [f"against: {role}"]


def test_the_claims_around_them_stay_claims() -> None:
    claims = by_text(STORY)
    for text in (
        "Mayor Ellen Brandt cut $20 million from the harbor cleanup fund in 2023, city records show.",
        "The council approved $35 million in stadium bonds in March by a vote of 7 to 2.",
    ):
        assert claims[text].checkworthy, claims[text].reasons
    listed = claims["Spending on the harbor dropped in 2009, 2004, 1986 and 1983, the budget office said."]
    assert not is_furniture(listed.reasons), listed.reasons


@pytest.mark.parametrize(
    "line",
    [
        "Cleanup | $41.2 million | $21.0 million | -49%",
        "Year | Ships | Crew",
        "2024 | 42",
        "Dredging | 12.9",
    ],
)
def test_a_line_of_cells_between_bars_is_a_table_row(line: str) -> None:
    assert line_role(line) == FIGURES


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 15 people died on the bridge.",
        "The vote was 219-212 on March 21, 2010.",
        "Costs rose from $1.2 million in 2020 to $1.5 million in 2021.",
        "The parts in question begin about the 4:20 mark.",
        "By Dana Whitfield | Ellery Post",
    ],
)
def test_prose_that_joins_its_figures_with_words_is_no_table(sentence: str) -> None:
    assert sentence_role(sentence) is None
    assert line_role(sentence) != FIGURES


def test_a_line_that_is_a_quotation_of_its_own_is_still_a_statement() -> None:
    assert line_role('"We lost $40 million in three weeks"') is None
    assert line_role('Brandt said the strike "cost the city dearly"') == HEADLINE


def test_a_markdown_table_keeps_its_rows_and_none_is_offered_as_a_claim(tmp_path: Path) -> None:
    page = tmp_path / "story.md"
    page.write_text(
        "# Harbor fund shrinks\n\nMayor Ellen Brandt cut $20 million from the harbor cleanup fund in 2023.\n\n"
        "| Program | 2022 | 2023 |\n|---|---|---|\n"
        "| Cleanup of the inner harbor, the canals and the beaches along the north shore | $41.2 million | $21.0 million |\n",
        encoding="utf-8",
    )
    article = read_article(str(page))
    row = (
        "Cleanup of the inner harbor, the canals and the beaches along the north shore | $41.2 million | $21.0 million"
    )
    assert row in article.text.splitlines()
    claims = by_text(article.text)
    assert claims[row].reasons == [f"against: {FIGURES}"]
    assert claims["Mayor Ellen Brandt cut $20 million from the harbor cleanup fund in 2023."].checkworthy
