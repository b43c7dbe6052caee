from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.feeds import looks_like_feed, parse_feed, since
from support.web_pages import rss_feed

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Check</title>
<entry><title>Did the port lose $40 million a day?</title>
<link rel="alternate" href="/checks/port-cost"/><link rel="edit" href="/admin/1"/>
<published>2026-03-15T09:00:00Z</published><updated>2026-03-16T10:00:00Z</updated></entry>
<entry><title>No link here</title><id>urn:uuid:1234</id></entry>
</feed>"""


def test_an_rss_feed_lists_each_article_with_its_date() -> None:
    payload = rss_feed("https://post.example").encode()
    assert looks_like_feed(payload)
    entries = parse_feed(payload, "feed.xml")
    assert [entry.url for entry in entries] == [
        "https://post.example/news/port-strike-ends",
        "https://post.example/news/council-budget-vote",
        "https://post.example/news/ferry-fares",
    ]
    assert entries[0].title.startswith("Port strike ends")
    assert entries[0].published == datetime(2026, 3, 14, 7, 30, tzinfo=UTC)
    assert [entry.url for entry in since(entries, date(2026, 3, 12))] == [entry.url for entry in entries[:2]]


def test_an_atom_feed_resolves_its_links_and_skips_entries_without_one() -> None:
    assert looks_like_feed(ATOM)
    entries = parse_feed(ATOM, "atom.xml", "https://check.example/feed")
    assert [(entry.url, entry.published) for entry in entries] == [
        ("https://check.example/checks/port-cost", datetime(2026, 3, 15, 9, 0, tzinfo=UTC))
    ]


def test_broken_or_foreign_xml_is_one_clear_line() -> None:
    assert not looks_like_feed(b"<html><body>hi</body></html>")
    with pytest.raises(InputError, match=r"^feed\.xml: is not a valid feed \(mismatched tag"):
        parse_feed(b"<rss><channel><item></channel></rss>", "feed.xml")
    with pytest.raises(InputError, match=r"^data\.xml: is XML but not an RSS or Atom feed$"):
        parse_feed(b"<catalog><book/></catalog>", "data.xml")
