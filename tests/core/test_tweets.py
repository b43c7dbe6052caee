"""Posts as fact-checkers meet them: @handles, #hashtags, web addresses and emoji."""

from __future__ import annotations

import pytest

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.extraction.body import normalise_body


def claims_of(text: str) -> dict[str, tuple[bool, str | None, str]]:
    """Each sentence: (check-worthy, speaker, reasons joined)."""
    body = normalise_body(text)
    return {claim.text: (claim.checkworthy, claim.speaker, "; ".join(claim.reasons)) for claim in extract(body).claims}


def test_a_factual_post_is_check_worthy_with_its_figures_and_no_link_noise() -> None:
    post = "#Ellery unemployment hit 9.1% in March, the highest since 2010 🔥 https://stats.example/t/77 @EllerySun"
    checkworthy, _, reasons = claims_of(post)[post]
    assert checkworthy
    assert "percentage (9.1%)" in reasons and "highest" in reasons
    # The digits of the address are no figure; the handle is a name, the hashtag's word is not.
    assert "77" not in reasons and "names (@EllerySun)" in reasons


@pytest.mark.parametrize(
    "post",
    [
        "Great crowd tonight!! 🎉🎉 #Ellery2024 @PortEllery",
        "Watch: https://t.co/x1y2z3 #COVID19 #2020",
        "😂😂😂 lol",
    ],
)
def test_cheers_links_and_emoji_are_not_check_worthy(post: str) -> None:
    claims = claims_of(post)
    assert claims and not any(checkworthy for checkworthy, _, _ in claims.values())
    assert all("2024" not in reasons and "2020" not in reasons for _, _, reasons in claims.values())


def test_a_shared_post_speaks_for_the_account_it_names() -> None:
    post = "RT @EllerySun: Port fees doubled in 2019, records show https://ellerysun.example/a/1"
    checkworthy, speaker, reasons = claims_of(post)[post]
    assert speaker == "@EllerySun" and checkworthy
    assert "date (2019)" in reasons


def test_emoji_and_handles_keep_every_sentence_an_exact_span() -> None:
    body = normalise_body("Fees rose 40% 📈 since May, @PortEllery says. Thanks all 🙏 #Ellery")
    extraction = extract(body)
    assert [body[claim.start : claim.end] for claim in extraction.claims] == [claim.text for claim in extraction.claims]
    assert extraction.claims[0].checkworthy and "percentage (40%)" in extraction.claims[0].reasons
