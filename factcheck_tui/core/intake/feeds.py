"""Reading an outlet's RSS or Atom feed: the link, headline and date of each article it lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin
from xml.etree import ElementTree

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.urls import is_web_address

_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)
_NAMESPACE = re.compile(r"^\{[^}]*\}")
SNIFF_BYTES = 2048


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str = ""
    published: datetime | None = None


def looks_like_feed(payload: bytes) -> bool:
    """An RSS, RDF or Atom document: its root element says so in the first bytes."""
    return bool(_FEED_START.match(payload[:SNIFF_BYTES]))


def parse_feed(payload: bytes, label: str, base_url: str = "") -> list[FeedEntry]:
    """The feed's entries in the feed's order; entries without a web link are left out."""
    try:
        # Expat refuses external entities and caps entity expansion, so a hostile feed cannot
        # read local files or exhaust memory.
        root = ElementTree.fromstring(payload)
    except ElementTree.ParseError as error:
        raise InputError(f"{label}: is not a valid feed ({error})") from None
    entries = []
    for element in root.iter():
        if _local(element.tag) not in ("item", "entry"):
            continue
        link = urljoin(base_url, _link(element)) if base_url else _link(element)
        if not is_web_address(link):
            continue
        entries.append(FeedEntry(url=link, title=_child_text(element, "title"), published=_published(element)))
    if not entries and _local(root.tag) not in ("rss", "feed", "RDF"):
        raise InputError(f"{label}: is XML but not an RSS or Atom feed")
    return entries


def since(entries: list[FeedEntry], day: date | None) -> list[FeedEntry]:
    """Entries published on or after ``day``; an entry without a date is kept (it may be new)."""
    if day is None:
        return entries
    return [entry for entry in entries if entry.published is None or entry.published.date() >= day]


def _local(tag: object) -> str:
    return _NAMESPACE.sub("", tag) if isinstance(tag, str) else ""


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in element if _local(child.tag) == name]


def _child_text(element: ElementTree.Element, name: str) -> str:
    for child in _children(element, name):
        text = " ".join("".join(child.itertext()).split())
        if text:
            return text
    return ""


def _link(entry: ElementTree.Element) -> str:
    """RSS <link>text</link>; Atom <link rel="alternate" href>; else RSS <guid> when it is a link."""
    for link in _children(entry, "link"):
        if link.get("href") and link.get("rel", "alternate") == "alternate":
            return link.get("href", "").strip()
        if (link.text or "").strip():
            return (link.text or "").strip()
    return _child_text(entry, "guid") or _child_text(entry, "id")


def _published(entry: ElementTree.Element) -> datetime | None:
    for name in ("pubDate", "published", "date", "updated", "issued"):
        raw = _child_text(entry, name)
        if raw and (when := _datetime(raw)):
            return when
    return None


def _datetime(raw: str) -> datetime | None:
    """RFC 822 dates (RSS) and ISO 8601 (Atom, Dublin Core); a date without a zone is taken as UTC."""
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        try:
            when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
