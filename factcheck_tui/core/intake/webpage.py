"""A web page's article: its text, paragraph by paragraph, and what the page says about it.

trafilatura finds the article among the page's menus, related links, comments and footers, and
reads the headline, byline, date, outlet and canonical link from the page's metadata (JSON-LD,
Open Graph, meta tags, the markup itself). Our own rules add what it leaves out of a fact-check:
the rating box and the "Share the Facts" widget (see ``rating_box``).

Nothing here touches the network: the page is parsed from the text given, and trafilatura and
htmldate are handed a parsed tree, never a string they could mistake for an address to fetch.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from copy import deepcopy
from dataclasses import dataclass
from datetime import date

from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params
from trafilatura.utils import load_html

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.extraction.lexicon import BOILERPLATE
from factcheck_tui.core.intake.rating_box import fact_check_summary

# trafilatura logs what it could not find (no date, a short text) as warnings on the root logger's
# handlers; to a reviewer those are noise, and a missing field simply stays empty.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# trafilatura's element names for the blocks of the article it keeps.
_BLOCKS = frozenset({"head", "p", "item", "row", "quote", "code", "cell"})
_LINE_BREAK = "lb"
_WHOLE_DOCUMENT = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")
# Parts of the page that say in their ARIA role that they are not the article.
_FURNITURE_ROLES = '//*[@role="navigation" or @role="banner" or @role="contentinfo" or @role="complementary" or @role="search" or @role="dialog" or @role="alert"]'
# trafilatura's own threshold (MIN_EXTRACTED_SIZE) below which it mistrusts its main extractor.
SHORT_PAGE_CHARS = int(DEFAULT_CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"])
_SHORT_PAGE_CONFIG = deepcopy(DEFAULT_CONFIG)
_SHORT_PAGE_CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "1"
BOILERPLATE_LINE_CHARS = 80


@dataclass(frozen=True)
class Page:
    """An article read from a page; fields the page does not give are empty."""

    text: str
    title: str = ""
    byline: str = ""
    outlet: str = ""
    published: date | None = None
    url: str = ""


def parse_page(markup: str) -> HtmlElement | None:
    # A pasted fragment ("<p>…</p>") is a page body: trafilatura only parses whole documents.
    if not _WHOLE_DOCUMENT.search(markup[:4096]):
        markup = f"<html><body>{markup}</body></html>"
    return load_html(markup)


def read_page(markup: str, label: str, url: str = "") -> Page:
    """The article of an HTML page. ``url`` (where it was fetched from) helps resolve its links."""
    tree = parse_page(markup)
    if tree is None:
        raise InputError(f"{label}: is not an HTML page that can be read")
    summary = fact_check_summary(tree)
    document = _extract(tree, url, DEFAULT_CONFIG)
    paragraphs = _kept(document)
    if sum(map(len, paragraphs)) < SHORT_PAGE_CHARS:
        # On a short page (a brief item, a pasted fragment) trafilatura falls back to text that
        # splits paragraphs at every inline tag; its main extractor alone reads it better.
        paragraphs = _kept(_extract(parse_page(markup), url, _SHORT_PAGE_CONFIG)) or paragraphs
    if not paragraphs:
        raise InputError(f"{label}: the page has no article text")
    title = _clean(document.title) if document is not None else ""
    text = "\n\n".join(_with_summary(paragraphs, summary, title))
    if document is None:
        return Page(text=text)
    return Page(
        text=text,
        title=title,
        byline=", ".join(_AUTHOR_SEPARATOR.split(_clean(document.author))) if document.author else "",
        outlet=_clean(document.sitename),
        published=_date(document.date),
        url=_clean(document.url),
    )


def _extract(tree: HtmlElement | None, url: str, config: ConfigParser) -> Document | None:
    if tree is None:
        return None
    found = bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        # Readers' comments are not the article, whatever the page puts around them.
        include_comments=False,
        include_tables=True,
        prune_xpath=_FURNITURE_ROLES,
        # Only dates the page states as its own (metadata, <time>, the URL): the default search of
        # the whole text takes "below their 2019 level" for a publication date.
        date_extraction_params=set_date_params(extensive=False),
        config=config,
    )
    # A Document unless as_dict is asked for, which it is not.
    return found if isinstance(found, Document) else None


def _kept(document: Document | None) -> list[str]:
    if document is None or document.body is None:
        return []
    return [paragraph for paragraph in _paragraphs(document.body) if not is_boilerplate_line(paragraph)]


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def is_boilerplate_line(paragraph: str) -> bool:
    """A short line that is only page furniture: "Advertisement", "Sign up for our newsletter"."""
    lowered = paragraph.lower()
    return len(paragraph) <= BOILERPLATE_LINE_CHARS and any(marker in lowered for marker in BOILERPLATE)


def _paragraphs(body: _Element) -> list[str]:
    """One paragraph per block trafilatura kept; line breaks inside a block stay line breaks."""
    found: list[str] = []
    _collect(body, found)
    return [paragraph for paragraph in found if paragraph]


def _collect(element: _Element, found: list[str]) -> None:
    """Blocks in document order; a block's own text leaves out the blocks nested inside it."""
    own: list[str] = [element.text or ""]
    for child in element:
        if child.tag in _BLOCKS or any(descendant.tag in _BLOCKS for descendant in child.iterdescendants()):
            _flush(own, found)
            own = []
            _collect(child, found)
        else:
            own.append(_inline_text(child))
        own.append(child.tail or "")
    _flush(own, found)


def _inline_text(element: _Element) -> str:
    if element.tag == _LINE_BREAK:
        return "\n"
    return (element.text or "") + "".join(_inline_text(child) + (child.tail or "") for child in element)


def _flush(parts: list[str], found: list[str]) -> None:
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    found.append("\n".join(line for line in lines if line))


def _with_summary(paragraphs: list[str], summary: list[str], title: str) -> list[str]:
    """The rating box's lines the article text lacks go right after the headline."""
    present = " ".join(paragraphs).casefold()
    missing = [line for line in summary if " ".join(line.split()).casefold() not in present]
    at = 1 if paragraphs and title and paragraphs[0] == title else 0
    return paragraphs[:at] + missing + paragraphs[at:]
