from __future__ import annotations

import socket
from datetime import date

import pytest

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.articles import parse_article
from factcheck_tui.core.intake.webpage import read_page
from support.web_pages import COMMENT, OUTLET, RELATED, STORIES, news_page

PORT = STORIES[0]


def test_a_news_page_gives_its_article_paragraph_by_paragraph_and_its_metadata() -> None:
    page = read_page(news_page(PORT), "port.html")
    assert page.title == PORT.headline
    assert page.outlet == OUTLET
    assert page.byline == PORT.byline
    assert page.published == date(2026, 3, 14)
    assert page.url == "https://post.example/news/port-strike-ends"
    paragraphs = page.text.split("\n\n")
    for paragraph in PORT.paragraphs:
        assert paragraph in paragraphs
    for furniture in (COMMENT, *RELATED, "Share on Facebook", "Sign up", "All rights reserved", "cookies", "Sport"):
        assert furniture not in page.text


def test_a_page_without_metadata_still_gives_its_headline_and_text() -> None:
    markup = (
        "<html><body><div id='wrap'><h2>Ferry fares rise</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in STORIES[2].paragraphs)
        + "</div></body></html>"
    )
    article = parse_article(markup.encode(), "ferry.html", ".html")
    assert article.text.split("\n\n")[-3:] == list(STORIES[2].paragraphs)
    assert article.title
    assert (article.outlet, article.byline, article.url, article.published) == ("", "", "", None)
    assert article.page == markup


FACT_CHECK = """<!DOCTYPE html><html><head><title>Did the port lose $40 million a day? | Harbour Check</title>
<meta property="og:site_name" content="Harbour Check">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview",
 "claimReviewed": "The strike cost the regional economy $40 million a day.",
 "reviewRating": {"@type": "Rating", "alternateName": "Mostly false", "ratingValue": 2}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Did the port lose $40 million a day?</h1>
<div class="m-statement__meter"><img alt="mostly-false" src="meter.png"></div>
<p>Retailers said during the strike that the stoppage cost the regional economy about $40 million a day.</p>
<p>The figure came from a trade group's estimate that counted every delayed container as lost sales,
although most of the goods were sold once the ships docked.</p>
<p>Economists at the state university put the real cost at between $5 million and $9 million a day.</p>
</article><footer>© Harbour Check</footer></body></html>"""


def test_a_fact_check_page_keeps_its_claim_and_rating_which_extractors_drop() -> None:
    page = read_page(FACT_CHECK, "check.html")
    paragraphs = page.text.split("\n\n")
    assert "Claim: The strike cost the regional economy $40 million a day." in paragraphs
    assert "Rating: Mostly false" in paragraphs
    assert paragraphs.index("Rating: Mostly false") < paragraphs.index(
        "Economists at the state university put the real cost at between $5 million and $9 million a day."
    )


def test_a_share_the_facts_widget_and_a_rating_box_without_json_ld() -> None:
    markup = FACT_CHECK.replace("application/ld+json", "text/plain").replace(
        '<div class="m-statement__meter">',
        '<div class="sharethefacts-embed"><p>Retail trade group</p><p>Said the strike cost $40 million a day.</p>'
        '<p>Rating: Mostly false</p></div><div class="m-statement__meter">',
    )
    paragraphs = read_page(markup, "check.html").text.split("\n\n")
    assert "Said the strike cost $40 million a day." in paragraphs
    assert "Rating: Mostly false" in paragraphs
    alone = FACT_CHECK.replace("application/ld+json", "text/plain").replace("m-statement__meter", "sharethefacts-meter")
    assert "mostly-false" in read_page(alone, "check.html").text


def test_a_rating_box_on_a_page_that_is_not_a_fact_check_is_not_a_rating() -> None:
    markup = news_page(PORT).replace(
        '<div class="story-body">', '<div class="star-rating">4 stars</div><div class="story-body">'
    )
    assert "Rating" not in read_page(markup, "port.html").text


def test_pasted_html_is_detected_and_read_as_a_page() -> None:
    fragment = "<div class='story'><p>Ships left on <b>Monday</b>.</p>\n<p>The union said 87% backed it.</p></div>"
    article = parse_article(fragment.encode(), "pasted text")
    assert article.format == "html"
    assert article.text == "Ships left on Monday.\n\nThe union said 87% backed it."
    plain = parse_article(b"<3 the port. Ships left on Monday.", "pasted text")
    assert plain.format == "text"


def test_reading_a_page_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    # A page whose text is nothing but an address: htmldate would fetch a string like this.
    page = read_page("<html><body><p>https://post.example/news/port-strike-ends</p></body></html>", "link.html")
    assert page.text == "https://post.example/news/port-strike-ends"
    assert read_page(news_page(PORT), "port.html").published == date(2026, 3, 14)


def test_markup_with_no_text_is_one_clear_error() -> None:
    with pytest.raises(InputError, match=r"^empty\.html: the page has no article text$"):
        read_page("<html><body><script>x()</script></body></html>", "empty.html")
