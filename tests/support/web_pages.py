"""News pages written for these tests: a site's furniture around an article, as outlets build them.

Each page has what a real one has around its story: a header with navigation, a share bar, related
links, a newsletter box, readers' comments and a footer, plus the metadata publishers add (Open
Graph, JSON-LD, a canonical link). The articles are invented for the tests.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    slug: str
    headline: str
    byline: str
    published: str
    paragraphs: tuple[str, ...]


OUTLET = "Ellery Evening Post"
SITE = "https://post.example"

STORIES = (
    Story(
        "port-strike-ends",
        "Port strike ends after 11 days as dockworkers accept pay deal",
        "Sam Whitaker",
        "2026-03-14",
        (
            "Dockworkers at the Port of Ellery voted on Sunday to accept a new contract, ending an 11-day strike "
            "that left 41 container ships waiting offshore.",
            "The union said 87% of its 2,300 members backed the deal, which raises wages by 6% over two years and "
            "limits mandatory overtime to eight hours a week.",
            "“We got most of what we asked for, and we got it together,” said union president Carla Mendes.",
            "The port authority said the backlog would be cleared within a week. Retailers had warned that the "
            "stoppage was costing the regional economy about $40 million a day.",
        ),
    ),
    Story(
        "council-budget-vote",
        "Council approves budget with 4% rise in property tax",
        "Priya Kapoor",
        "2026-03-12",
        (
            "The city council approved a $412 million budget on Thursday night after a five-hour meeting, with "
            "seven votes in favour and two against.",
            "Property taxes will rise by 4% next year, the first increase since 2019. Mayor Lena Ortiz said the "
            "money would pay for 60 new bus drivers and repairs to three bridges.",
            "Councillor Paul Graves, who voted against, said the city had underspent its road budget for three "
            "years running and should use that money first.",
        ),
    ),
    Story(
        "ferry-fares",
        "Ferry fares to rise for the third year in a row",
        "Alan Reyes",
        "2026-03-10",
        (
            "Ferry fares between Ellery and the islands will rise by 8% in April, the transport board said on "
            "Tuesday, the third increase in three years.",
            "A return ticket for an adult will cost $14.60. The board said fuel costs had risen by a fifth since "
            "last spring, while passenger numbers were still below their 2019 level.",
            "Island residents will keep their 50% discount, the board said.",
        ),
    ),
)

COMMENT = "Great reporting as always. About time somebody asked these questions!"
RELATED = ("Harbour gets a new crane", "Five places to eat near the waterfront", "Weather: rain all week")


def news_page(story: Story, *, base: str = SITE, canonical: bool = True) -> str:
    """A whole news page around ``story``, metadata included; ``base`` is the site's address."""
    e = html.escape
    url = f"{base}/news/{story.slug}"
    paragraphs = "\n".join(f"<p>{e(paragraph)}</p>" for paragraph in story.paragraphs)
    related = "".join(f'<li><a href="/news/{index}">{e(title)}</a></li>' for index, title in enumerate(RELATED))
    canonical_link = f'<link rel="canonical" href="{url}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(story.headline)} | {OUTLET}</title>
{canonical_link}
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:title" content="{e(story.headline)}">
<meta name="author" content="{e(story.byline)}">
<meta property="article:published_time" content="{story.published}T07:30:00Z">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "{e(story.headline)}", "datePublished": "{story.published}T07:30:00Z",
 "author": {{"@type": "Person", "name": "{e(story.byline)}"}},
 "publisher": {{"@type": "Organization", "name": "{OUTLET}"}}}}</script>
<script>window.analytics = {{page: "{story.slug}"}};</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<header class="site-header"><a class="logo" href="/">{OUTLET}</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main id="content"><article class="story">
<h1 class="headline">{e(story.headline)}</h1>
<div class="byline">By <a href="/staff/{story.slug}">{e(story.byline)}</a> · <time datetime="{story.published}">{story.published}</time></div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="story-body">
{paragraphs}
</div>
<aside class="related-stories"><h2>Related</h2><ul>{related}</ul></aside>
<div class="newsletter-signup"><p>Sign up for our morning newsletter</p><input type="email"></div>
</article>
<section id="comments" class="comments"><h2>3 comments</h2>
<div class="comment"><p class="comment-author">harbourwatcher</p><p>{e(COMMENT)}</p></div></section>
</main>
<footer class="site-footer"><p>© 2026 {OUTLET}. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>
"""


def rss_feed(base: str, stories: tuple[Story, ...] = STORIES) -> str:
    """An RSS 2.0 feed listing ``stories`` under ``base`` (the test server's address)."""
    months = {"03": "Mar"}
    items = "".join(
        f"<item><title>{html.escape(story.headline)}</title><link>{base}/news/{story.slug}</link>"
        f'<guid isPermaLink="false">{story.slug}</guid>'
        f"<pubDate>Sat, {story.published[8:]} {months[story.published[5:7]]} {story.published[:4]} 07:30:00 GMT</pubDate></item>"
        for story in stories
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{OUTLET}</title><link>{base}/</link><description>News</description>{items}</channel></rss>\n"
    )
