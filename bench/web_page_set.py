"""Annotated web pages written for the bench: each page's article segments and its furniture.

No annotated set of real pages is in ../shared, and shared text may not be copied here, so these
pages are written for the project. Each is a different way sites are built: a modern news site
(<article>, JSON-LD), an old table-and-div layout without <article>, a blog with comments and a
tag cloud, a magazine with a newsletter box and "Read more" links inside the story, a fact-check
with a rating box, a wire story on a busy portal, and a local page with a list and a table.
A page is annotated as the issue's evaluation is: the segments that belong to the article
(``with``) and those that do not (``without``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AnnotatedPage:
    name: str
    markup: str
    with_: tuple[str, ...]
    without: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    headline: str
    byline: str
    date: str
    paragraphs: tuple[str, ...]


ARTICLES = (
    Article(
        "Dockworkers accept deal, ending 11-day strike at Port of Ellery",
        "Sam Whitaker",
        "2026-03-14",
        (
            "Dockworkers at the Port of Ellery voted on Sunday to accept a new contract, ending an 11-day strike that left 41 container ships waiting offshore.",
            "The union said 87% of its 2,300 members backed the agreement, which raises wages by 6% over two years and limits mandatory overtime to eight hours a week.",
            "“We got most of what we asked for, and we got it together,” union president Carla Mendes told reporters outside the hiring hall.",
            "The port authority expects the backlog to be cleared within a week. Retailers had warned that the stoppage was costing the regional economy about $40 million a day, a figure economists have disputed.",
            "Talks had broken down twice, most recently over the use of automated cranes at the new north terminal, which the union says will cost 300 jobs by 2030.",
        ),
    ),
    Article(
        "Council passes $412 million budget with first tax rise since 2019",
        "Priya Kapoor",
        "2026-03-12",
        (
            "The city council approved a $412 million budget late on Thursday after a five-hour meeting, with seven votes in favour and two against.",
            "Property taxes will rise by 4% next year. Mayor Lena Ortiz said the money would pay for 60 new bus drivers, longer library hours and repairs to three bridges that engineers rated poor last spring.",
            "Councillor Paul Graves, who voted against, said the city had underspent its road budget for three years running and should use that money before asking residents for more.",
            "A homeowner with a house at the median value of $310,000 will pay about $126 more a year, according to the finance department.",
        ),
    ),
    Article(
        "Why ferry fares keep rising, and who pays the most",
        "Alan Reyes",
        "2026-03-10",
        (
            "Ferry fares between Ellery and the islands will rise by 8% in April, the third increase in three years, the transport board said on Tuesday.",
            "A return ticket for an adult will cost $14.60, up from $11.20 in 2023. The board blames fuel, which it says costs a fifth more than last spring, and a fleet whose youngest vessel is 27 years old.",
            "Passenger numbers are still below their 2019 level, which means each crossing carries fewer people to share the fixed cost of running it.",
            "Island residents keep their 50% discount, but commuters from the mainland, who make up about a third of weekday passengers, get none.",
            "The board will vote in June on a plan to replace two ferries with hybrid boats, which it says could cut fuel use by 40% by the end of the decade.",
        ),
    ),
    Article(
        "Did the strike really cost $40 million a day?",
        "Harbour Check desk",
        "2026-03-16",
        (
            "During the strike, a retail trade group said the stoppage was costing the regional economy about $40 million a day, and the figure was repeated by two members of the state legislature.",
            "The estimate came from a model that counted the full value of every delayed container as lost sales. Most of those goods were sold once the ships docked, which the group acknowledged when we asked.",
            "Economists at the state university who study the port put the real cost at between $5 million and $9 million a day, mostly in lost wages and storage fees.",
            "The trade group's figure counts delayed sales as lost sales, which overstates the cost several times over.",
        ),
    ),
    Article(
        "Storm knocks out power to 18,000 homes along the coast",
        "Wire staff",
        "2026-02-27",
        (
            "ELLERY — A storm with gusts of up to 110 km/h knocked out power to about 18,000 homes along the coast overnight, the utility said on Friday.",
            "Crews had restored power to all but 2,400 customers by noon. The utility said the rest should be reconnected by Saturday evening, weather permitting.",
            "The weather service recorded 64 millimetres of rain in Ellery in 24 hours, the most since October 2021.",
            "Schools in three districts were closed and the coastal highway was shut for six hours after a landslide near Marlow Point.",
        ),
    ),
    Article(
        "What the new recycling rules mean for your bins",
        "Lena Ortiz",
        "2026-01-20",
        (
            "From March, the city will collect glass separately from other recycling, ending the mixed bins that have been used since 2011.",
            "Residents will get a new 40-litre glass crate free of charge. Collections will be every two weeks, on the same day as the green bin.",
            "The change follows a council report that found a quarter of the paper collected was too contaminated with broken glass to be sold.",
        ),
    ),
)

NAV = ("News", "Sport", "Business", "Opinion", "Culture", "Weather")
RELATED = (
    "Harbour gets a new crane after years of delays",
    "Five places to eat near the waterfront this spring",
    "Opinion: the port needs a long-term plan, not a deal",
)
COMMENTS = (
    "Great reporting as always. About time somebody asked these questions!",
    "I have lived here for forty years and never seen anything like it.",
)
FOOTER = ("About us", "Contact the newsroom", "Privacy policy", "Terms of use")
SIDEBAR = ("Most read this week", "Schools named in new rankings", "Mayor answers your questions live")
NEWSLETTER = "Get the morning briefing in your inbox every weekday"
COOKIES = "We use cookies to understand how you use our site and to improve your experience."

e = html.escape


def _ps(article: Article, wrap: str = "p") -> str:
    return "\n".join(f"<{wrap}>{e(paragraph)}</{wrap}>" for paragraph in article.paragraphs)


def _links(titles: tuple[str, ...], prefix: str = "/story/") -> str:
    return "".join(f'<li><a href="{prefix}{index}">{e(title)}</a></li>' for index, title in enumerate(titles))


def _head(article: Article, outlet: str, kind: str = "NewsArticle") -> str:
    return f"""<head><meta charset="utf-8"><title>{e(article.headline)} - {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="og:title" content="{e(article.headline)}">
<meta name="author" content="{e(article.byline)}"><meta property="article:published_time" content="{article.date}T08:00:00Z">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{kind}", "headline": "{e(article.headline)}",
"datePublished": "{article.date}"}}</script><script>var dataLayer = [{{"section": "news"}}];</script>
<style>.nav li {{ display: inline; }}</style></head>"""


def modern_news(article: Article) -> AnnotatedPage:
    markup = f"""<!DOCTYPE html><html lang="en">{_head(article, "Ellery Evening Post")}<body>
<div class="cookie-notice"><p>{COOKIES}</p><button>OK</button></div>
<header class="site-header"><a href="/" class="logo">Ellery Evening Post</a><nav class="nav"><ul>{_links(NAV, "/section/")}</ul></nav></header>
<main><article><h1>{e(article.headline)}</h1><p class="byline">By {e(article.byline)}</p>
<div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
<div class="article-body">{_ps(article)}</div>
<aside class="related"><h2>More on this story</h2><ul>{_links(RELATED)}</ul></aside></article>
<section class="comments" id="comments"><h2>Comments</h2>{"".join(f'<div class="comment"><p>{e(c)}</p></div>' for c in COMMENTS)}</section></main>
<footer><ul>{_links(FOOTER, "/page/")}</ul><p>© 2026 Ellery Evening Post</p></footer></body></html>"""
    return AnnotatedPage("modern-news", markup, article.paragraphs, (*NAV, *RELATED, *COMMENTS, *FOOTER, COOKIES))


def old_layout(article: Article) -> AnnotatedPage:
    markup = f"""<html><head><title>{e(article.headline)}</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body><table width="100%"><tr><td colspan="2" class="top"><a href="/">THE COASTAL HERALD</a> | {" | ".join(f'<a href="/{n.lower()}">{n}</a>' for n in NAV)}</td></tr>
<tr><td width="200" valign="top" class="leftcol"><b>{SIDEBAR[0]}</b><br>{"<br>".join(f'<a href="/x{i}">{e(t)}</a>' for i, t in enumerate(SIDEBAR[1:]))}</td>
<td valign="top"><div id="story"><font size="5"><b>{e(article.headline)}</b></font><br><i>by {e(article.byline)}, {article.date}</i><br><br>
{"<br><br>".join(e(p) for p in article.paragraphs)}</div>
<br><div class="more">Related: {"; ".join(f'<a href="/r{i}">{e(t)}</a>' for i, t in enumerate(RELATED))}</div></td></tr>
<tr><td colspan="2" class="bottom"><font size="1">{" - ".join(FOOTER)}. Copyright 2026 The Coastal Herald.</font></td></tr></table></body></html>"""
    return AnnotatedPage("old-table-layout", markup, article.paragraphs, (*SIDEBAR, *RELATED, *FOOTER))


def blog(article: Article) -> AnnotatedPage:
    tags = ("ferries", "transport", "islands", "budget", "opinion")
    markup = f"""<!DOCTYPE html><html>{_head(article, "Island Notes", "BlogPosting")}<body class="single-post">
<div id="page"><div id="masthead"><h1 class="site-title"><a href="/">Island Notes</a></h1><p class="site-description">A blog about life on the islands</p></div>
<div id="primary" class="content-area"><div class="post type-post"><h2 class="entry-title">{e(article.headline)}</h2>
<div class="entry-meta">Posted on {article.date} by {e(article.byline)}</div>
<div class="entry-content">{_ps(article)}</div>
<div class="entry-footer">Tags: {", ".join(f'<a rel="tag" href="/tag/{t}">{t}</a>' for t in tags)}</div></div>
<div id="comments" class="comments-area"><h3>2 thoughts on this post</h3><ol class="comment-list">{"".join(f'<li class="comment"><div class="comment-body"><p>{e(c)}</p></div></li>' for c in COMMENTS)}</ol>
<div id="respond"><h3>Leave a reply</h3><form><textarea></textarea></form></div></div></div>
<div id="secondary" class="widget-area"><section class="widget"><h3>Recent posts</h3><ul>{_links(RELATED)}</ul></section>
<section class="widget"><h3>Archives</h3><ul><li><a href="/2026/02">February 2026</a></li><li><a href="/2026/01">January 2026</a></li></ul></section></div>
<footer id="colophon"><p>Proudly powered by a blog engine. {FOOTER[2]}</p></footer></div></body></html>"""
    return AnnotatedPage(
        "blog", markup, article.paragraphs, (*COMMENTS, *RELATED, "A blog about life on the islands", "February 2026")
    )


def magazine(article: Article) -> AnnotatedPage:
    body = list(article.paragraphs)
    inserts = {
        1: f'<p class="read-more"><strong>Read more:</strong> <a href="/r0">{e(RELATED[0])}</a></p>',
        3: f'<div class="newsletter-box"><h4>{NEWSLETTER}</h4><form><input type="email"><button>Sign up</button></form></div>',
    }
    parts = []
    for index, paragraph in enumerate(body):
        parts.append(f"<p>{e(paragraph)}</p>")
        if index in inserts:
            parts.append(inserts[index])
    markup = f"""<!DOCTYPE html><html>{_head(article, "The Harbour Review")}<body>
<nav role="navigation" class="menu"><ul>{_links(NAV, "/s/")}</ul></nav>
<div class="layout"><div class="main-column"><div class="story"><div class="kicker">Analysis</div><h1>{e(article.headline)}</h1>
<div class="dek">The numbers behind the price, explained</div><div class="author">Words by {e(article.byline)}</div>
{"".join(parts)}</div>
<div class="recommended"><h3>Recommended for you</h3><ul>{_links(RELATED)}</ul></div></div>
<div class="rail" role="complementary"><div class="ad">Advertisement</div><h3>{SIDEBAR[0]}</h3><ol>{_links(SIDEBAR[1:])}</ol></div></div>
<footer class="footer"><ul>{_links(FOOTER, "/p/")}</ul></footer></body></html>"""
    return AnnotatedPage(
        "magazine",
        markup,
        article.paragraphs,
        (*NAV, *RELATED, *SIDEBAR[1:], *FOOTER, NEWSLETTER, "Recommended for you"),
    )


def fact_check(article: Article) -> AnnotatedPage:
    markup = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(article.headline)} | Harbour Check</title>
<meta property="og:site_name" content="Harbour Check">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "ClaimReview", "datePublished": "{article.date}",
"claimReviewed": "The strike cost the regional economy $40 million a day.",
"reviewRating": {{"@type": "Rating", "alternateName": "Mostly false"}}, "author": {{"@type": "Organization", "name": "Harbour Check"}}}}</script></head>
<body><header><nav><ul>{_links(("Fact-checks", "Explainers", "About", "Donate"), "/c/")}</ul></nav></header>
<main><article class="fact-check"><h1>{e(article.headline)}</h1>
<div class="claim-box"><div class="statement">“The strike cost the regional economy $40 million a day.”</div>
<div class="m-statement__meter"><img src="/meter/mostly-false.png" alt="Mostly false"></div></div>
<div class="byline">By {e(article.byline)} · {article.date}</div>
<div class="body">{_ps(article)}<h3>Sources</h3><ul><li>State university port study, 2025</li><li>Interview with the trade group, March 15</li></ul></div></article>
<div class="more-checks"><h2>More fact-checks</h2><ul>{_links(RELATED)}</ul></div></main>
<footer><p>Harbour Check is a member of the fact-checking network. {FOOTER[1]}</p></footer></body></html>"""
    return AnnotatedPage(
        "fact-check",
        markup,
        (*article.paragraphs, "Mostly false"),
        (*RELATED, "Explainers", "Donate", FOOTER[1]),
    )


def portal_wire(article: Article) -> AnnotatedPage:
    menu = "".join(f'<div class="menu-col"><h4>{n}</h4><ul>{_links(SIDEBAR, f"/{n}/")}</ul></div>' for n in NAV[:3])
    markup = f"""<!DOCTYPE html><html>{_head(article, "Portal News")}<body>
<div class="topbar"><a href="/login">Sign in</a> <a href="/mail">Mail</a> <a href="/weather">Weather</a></div>
<div class="mega-menu">{menu}</div>
<div class="content"><div class="headline-block"><h1>{e(article.headline)}</h1><span class="source">{e(article.byline)} · {article.date}</span></div>
<div class="text">{_ps(article)}</div>
<div class="trending"><h3>Trending now</h3><ul>{_links(RELATED)}</ul></div></div>
<div class="footer-links">{" · ".join(FOOTER)}</div></body></html>"""
    return AnnotatedPage("portal-wire", markup, article.paragraphs, (*RELATED, *FOOTER, "Trending now"))


def local_service(article: Article) -> AnnotatedPage:
    rows = (("Blue bin", "Paper and cans", "Weekly"), ("Glass crate", "Glass bottles and jars", "Every two weeks"))
    table = "".join(f"<tr>{''.join(f'<td>{cell}</td>' for cell in row)}</tr>" for row in rows)
    markup = f"""<!DOCTYPE html><html>{_head(article, "Ellery Today")}<body>
<header><nav aria-label="Main"><ul>{_links(NAV, "/n/")}</ul></nav></header>
<main id="main"><h1>{e(article.headline)}</h1><p class="meta">{e(article.byline)} | {article.date}</p>
{_ps(article)}<table><tr><th>Bin</th><th>What goes in</th><th>Collected</th></tr>{table}</table>
<ul class="tips"><li>Rinse jars before putting them in the crate.</li><li>Lids go in the blue bin.</li></ul></main>
<aside><h3>{SIDEBAR[0]}</h3><ul>{_links(SIDEBAR[1:])}</ul></aside>
<footer><ul>{_links(FOOTER, "/f/")}</ul></footer></body></html>"""
    with_ = (*article.paragraphs, "Rinse jars before putting them in the crate.", "Lids go in the blue bin.")
    return AnnotatedPage("local-service", markup, with_, (*SIDEBAR[1:], *FOOTER))


LAYOUTS: tuple[Callable[[Article], AnnotatedPage], ...] = (
    modern_news,
    old_layout,
    blog,
    magazine,
    portal_wire,
    local_service,
)


def annotated_pages() -> list[AnnotatedPage]:
    """Every article in every general layout, and the fact-check in its own."""
    pages = []
    for article_index, article in enumerate(ARTICLES):
        if article is ARTICLES[3]:
            pages.append(fact_check(article))
            continue
        for layout in LAYOUTS:
            page = layout(article)
            pages.append(AnnotatedPage(f"{page.name}-{article_index}", page.markup, page.with_, page.without))
    return pages
