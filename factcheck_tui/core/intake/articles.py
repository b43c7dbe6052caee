"""Reading an article file: decoding, format detection, and the text a story is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.decoding import STDIN, binary_error, is_binary, read_capped, text_from_bytes
from factcheck_tui.core.intake.extraction.sentences import split_sentences
from factcheck_tui.core.intake.markdown_text import markdown_to_text
from factcheck_tui.core.intake.webpage import read_page
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits, over_limit
from factcheck_tui.core.text import clean_text, one_line

ARTICLE = "an article (plain text, Markdown or HTML)"
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<!--|<\?xml)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<(?:meta[^>]+charset|\?xml[^>]+encoding)=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
# Text with no file name (pasted, piped) that opens with a tag and closes an HTML block is a page.
_HTML_TAG_START = re.compile(rb"^\s*<[a-z][a-z0-9]*[\s>/]", re.IGNORECASE)
_HTML_BLOCK_END = re.compile(rb"</(?:p|div|h[1-6]|li|section|article|main|span|a|table|blockquote)\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    source: str
    format: str
    # What reading it put right, one line each (bytes replaced, NULs removed): shown, never fatal.
    warnings: tuple[str, ...] = ()
    # What a web page says about itself, and the page; empty for text and Markdown.
    byline: str = ""
    outlet: str = ""
    published: date | None = None
    url: str = ""
    page: str = ""


def input_label(path: str) -> str:
    return "standard input" if path == STDIN else path


def read_input(path: str, limit: int, what: str) -> bytes:
    """The bytes of a file, or of standard input when ``path`` is ``-``, refused past ``limit``."""

    def refuse_binary(head: bytes) -> None:
        if is_binary(head):
            raise binary_error(input_label(path), what)

    return read_capped(path, limit, what, head_check=refuse_binary)


def read_article(path: str, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Load an article from a file path, or from standard input when ``path`` is ``-``."""
    payload = read_input(path, limits.article_file_bytes, "an article file")
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    return parse_article(payload, input_label(path), suffix, limits)


def looks_like_html(payload: bytes, suffix: str = "") -> bool:
    """An .html file, or text that starts like a page, or (with no file name) a pasted fragment."""
    head = payload[:4096]
    if suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(head):
        return True
    return not suffix and bool(_HTML_TAG_START.match(head)) and bool(_HTML_BLOCK_END.search(head))


def parse_article(
    payload: bytes,
    label: str,
    suffix: str = "",
    limits: Limits = DEFAULT_LIMITS,
    *,
    url: str = "",
    charset: str = "",
) -> Article:
    """An article from its bytes, whatever brought them (a file, standard input, pasted text, a fetch).

    ``url``: where a page was fetched from, so that its relative links resolve; ``charset``: the
    encoding its server declared.
    """
    if len(payload) > limits.article_file_bytes:
        raise over_limit(label, len(payload), limits.article_file_bytes, "an article file")
    if not payload.strip():
        raise InputError(f"{label}: the article is empty")
    is_html = looks_like_html(payload, suffix)
    meta = _META_CHARSET.search(payload[:4096]) if is_html else None
    # The server's Content-Type charset, for a fetched page, comes before the page's own (HTTP's rule).
    declared = charset or (meta.group(1).decode("ascii") if meta else None)
    decoded = text_from_bytes(payload, label, declared=declared, what=ARTICLE)
    text = decoded.text
    if is_html:
        page = read_page(text, label, url)
        check_story_size(page.text, label, limits)
        return Article(
            text=page.text,
            title=one_line(clean_text(page.title or headline_of(page.text)), limits.headline_chars),
            source=label,
            format="html",
            warnings=decoded.warnings,
            byline=one_line(clean_text(page.byline), limits.headline_chars),
            outlet=one_line(clean_text(page.outlet), limits.headline_chars),
            published=page.published,
            url=clean_text(page.url or url),
            page=text,
        )
    if suffix in (".md", ".markdown"):
        title, body = markdown_to_text(text)
        kind = "markdown"
    else:
        body = text
        title = headline_of(text)
        kind = "text"
    if not body.strip():
        raise InputError(f"{label}: the article is empty")
    check_story_size(body, label, limits)
    return Article(
        text=body,
        title=one_line(clean_text(title), limits.headline_chars),
        source=label,
        format=kind,
        warnings=decoded.warnings,
    )


def check_story_size(text: str, label: str, limits: Limits) -> None:
    size = len(text.encode("utf-8"))
    if size > limits.story_bytes:
        raise over_limit(label, size, limits.story_bytes, "the text of a story", measured="its text is")


HEADLINE_SEARCH_LINES = 3
HEADLINE_WORDS = range(4, 21)
SHORT_HEADLINE_WORDS = range(1, 4)
HEADLINE_FALLBACK_CHARS = 80
_DATELINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\W*$"
)


def _headline_like(line: str, words: range = HEADLINE_WORDS) -> bool:
    return (
        len(line.split()) in words
        and not line.endswith(".")
        and not line.lower().startswith("by ")
        and not _DATELINE.match(line)
    )


def _stands_alone(text: str) -> bool:
    """The text's first line is a paragraph of its own: a blank line follows it."""
    return bool(re.match(r"\s*[^\n]+\n[^\S\n]*\n", text))


# A paste longer than this, or past a third of it with this many lines standing alone that read
# like headlines, is probably several articles: 60 pasted at once became one story of 2,653 claims
# without a word. (Two of 200 single fact-check articles, lists of short lines, reach 15 such
# lines, in under 8,000 characters; 60 of them pasted together have 209.)
SEVERAL_ARTICLES_CHARS = 50_000
SEVERAL_ARTICLES_HEADLINES = 15


def several_articles(text: str) -> str | None:
    """Why ``text`` looks like several articles rather than one (asked before it is imported as
    one story), or None. Headlines are counted as lines standing alone between blank lines."""
    paragraphs = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    headlines = sum(1 for block in paragraphs if "\n" not in block and _headline_like(block))
    many_headlines = headlines >= SEVERAL_ARTICLES_HEADLINES and len(text) > SEVERAL_ARTICLES_CHARS // 3
    if len(text) <= SEVERAL_ARTICLES_CHARS and not many_headlines:
        return None
    return f"{len(text):,} characters, {headlines} headline-like lines: this looks like several articles"


def headline_of(text: str) -> str:
    """The headline of a plain-text article: the first opening line that reads like one.

    Wire copy often opens with a kicker ("Breaking News") or a dateline above the headline, and
    some articles have no headline at all: then the start of the first sentence stands in.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:HEADLINE_SEARCH_LINES]:
        if _headline_like(line):
            return line
    if lines and _headline_like(lines[0], SHORT_HEADLINE_WORDS) and _stands_alone(text):
        # "Tax claim checked": too short to tell from a kicker, but no line near it reads more like
        # a headline, and a sentence from the second paragraph would be no title at all.
        return lines[0]
    body = next(
        (line for line in lines if not _DATELINE.match(line) and len(line.split()) >= 4), lines[0] if lines else ""
    )
    spans = split_sentences(body)
    first = body[spans[0][0] : spans[0][1]] if spans else body
    if len(first) <= HEADLINE_FALLBACK_CHARS:
        return first
    return first[: first.rfind(" ", 0, HEADLINE_FALLBACK_CHARS)].rstrip(",;:") + "…"
