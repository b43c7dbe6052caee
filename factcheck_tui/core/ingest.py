"""Reading an article file: decoding, format detection, and the text a story is built from."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.extraction.sentences import split_sentences
from factcheck_tui.core.htmltext import html_to_text
from factcheck_tui.core.interchange.source import read_source
from factcheck_tui.core.markdown_text import markdown_to_text

STDIN = "-"
BINARY_SNIFF_BYTES = 8192
UTF16_SNIFF_MIN_BYTES = 16
UTF16_ZERO_SHARE = 0.6
PRINTABLE_SHARE = 0.98
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<!--|<\?xml)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<(?:meta[^>]+charset|\?xml[^>]+encoding)=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    source: str
    format: str


def read_input(path: str) -> tuple[bytes, str]:
    """The bytes of a file, or of standard input when ``path`` is ``-``, and a label for errors."""
    if path == STDIN:
        return sys.stdin.buffer.read(), "standard input"
    return read_source(Path(path).expanduser()), path


def read_article(path: str) -> Article:
    """Load an article from a file path, or from standard input when ``path`` is ``-``."""
    payload, label = read_input(path)
    return parse_article(payload, label, Path(path).suffix.lower() if path != STDIN else "")


def parse_article(payload: bytes, label: str, suffix: str = "") -> Article:
    is_html = suffix in (".html", ".htm", ".xhtml") or bool(_HTML_START.match(payload[:512]))
    text = decode(payload, label, html=is_html)
    if is_html:
        title, body = html_to_text(text)
        kind = "html"
    elif suffix in (".md", ".markdown"):
        title, body = markdown_to_text(text)
        kind = "markdown"
    else:
        body = text
        title = headline_of(text)
        kind = "text"
    if not body.strip():
        raise InputError(f"{label}: the article is empty")
    return Article(text=body, title=title[:200], source=label, format=kind)


HEADLINE_SEARCH_LINES = 3
HEADLINE_WORDS = range(4, 21)
HEADLINE_FALLBACK_CHARS = 80
_DATELINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\W*$"
)


def _headline_like(line: str) -> bool:
    return (
        len(line.split()) in HEADLINE_WORDS
        and not line.endswith(".")
        and not line.lower().startswith("by ")
        and not _DATELINE.match(line)
    )


def headline_of(text: str) -> str:
    """The headline of a plain-text article: the first opening line that reads like one.

    Wire copy often opens with a kicker ("Breaking News") or a dateline above the headline, and
    some articles have no headline at all: then the start of the first sentence stands in.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:HEADLINE_SEARCH_LINES]:
        if _headline_like(line):
            return line
    body = next(
        (line for line in lines if not _DATELINE.match(line) and len(line.split()) >= 4), lines[0] if lines else ""
    )
    spans = split_sentences(body)
    first = body[spans[0][0] : spans[0][1]] if spans else body
    if len(first) <= HEADLINE_FALLBACK_CHARS:
        return first
    return first[: first.rfind(" ", 0, HEADLINE_FALLBACK_CHARS)].rstrip(",;:") + "…"


def decode(payload: bytes, label: str, *, html: bool = False) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM or plain), a charset an HTML page declares, and
    legacy Windows-1252 when the bytes are clearly text in it; anything else is refused."""
    if not payload.strip():
        raise InputError(f"{label}: the article is empty")
    if payload.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return payload.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{label}: has a UTF-16 mark but is not valid UTF-16") from None
    if utf16 := _utf16_without_mark(payload[:BINARY_SNIFF_BYTES]):
        return _checked_text(_decoded(payload, utf16, label), label)
    if b"\x00" in payload[:BINARY_SNIFF_BYTES]:
        raise _binary(label)
    declared = _META_CHARSET.search(payload[:4096]) if html else None
    encodings = [declared.group(1).decode("ascii").lower()] if declared else []
    # Valid UTF-8 is UTF-8 whatever the page declares: legacy text almost never decodes as UTF-8.
    for encoding in ["utf-8-sig", *encodings]:
        try:
            return payload.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        text = payload.decode("cp1252")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{label}: is not UTF-8 text (undecodable byte 0x{payload[error.start]:02x} at offset {error.start}); "
            "save it as UTF-8 and import it again"
        ) from None
    return _checked_text(text, label)


def _utf16_without_mark(head: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: mostly-ASCII text has a zero in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < UTF16_SNIFF_MIN_BYTES:
        return None
    if odd.count(0) > UTF16_ZERO_SHARE * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > UTF16_ZERO_SHARE * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _decoded(payload: bytes, encoding: str, label: str) -> str:
    try:
        return payload.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{label}: looks like {encoding.upper()} but byte {error.start} is not valid in it") from None


def _checked_text(text: str, label: str) -> str:
    if sum(ch.isprintable() or ch in "\n\r\t" for ch in text) < PRINTABLE_SHARE * len(text):
        raise _binary(label)
    return text


def _binary(label: str) -> InputError:
    return InputError(f"{label}: looks like a binary file, not an article (plain text, Markdown or HTML)")
