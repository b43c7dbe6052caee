"""The main text of an HTML article: paragraphs kept, scripts, navigation and boilerplate dropped.

The page is read into blocks (paragraphs, headings, list items). Scripts, navigation and hidden
elements are skipped; blocks inside an element whose class, id or role says it is page furniture
(share bars, related links, cookie notices, comments) are dropped, unless that would drop most
of the page (a wrapper named "with-sidebar" holds the story itself). When the page marks its story
with <article> or <main>, only that part is kept. A block that is mostly link text (a list of
other stories) and a short line that is only boilerplate ("Advertisement", "Sign up for our
newsletter") are dropped too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factcheck_tui.core.extraction.lexicon import BOILERPLATE

_SKIP = frozenset(
    "script style noscript template svg nav header footer aside form button iframe select figure menu dialog".split()
)
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li blockquote pre tr br hr section article main dd dt figcaption ul ol table".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_MAIN = frozenset({"article", "main"})
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog alert".split())
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommended|newsletter|subscribe"
    r"|signup|promo|advert|ads?|advertisement|sponsor(?:ed)?|cookies?|consent|comments?|sidebar|footer|header"
    r"|masthead|byline-share|outbrain|taboola|paywall|popup|modal)(?:$|[\s_-])",
    re.IGNORECASE,
)
LINK_HEAVY_SHARE = 0.6
# Furniture by class name is trusted only while it leaves at least this share of the page's text.
STORY_SHARE_KEPT = 0.3
BOILERPLATE_LINE_CHARS = 80


@dataclass
class _Block:
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    in_main: bool = False
    heading: bool = False
    furniture: bool = False

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def _is_skipped(tag: str, attributes: dict[str, str | None]) -> bool:
    if tag in _SKIP or attributes.get("hidden") is not None or attributes.get("aria-hidden") == "true":
        return True
    return "display:none" in (attributes.get("style") or "").replace(" ", "")


def _is_furniture(tag: str, attributes: dict[str, str | None]) -> bool:
    if (attributes.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    # <article>/<main> mark the story itself, whatever their class says ("article-header ...").
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    return tag not in _MAIN and bool(_FURNITURE.search(names))


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.main_depth = 0
        self.link_depth = 0
        self.furniture_depth = 0
        self.heading_depth = 0
        self.h1_state = "before"
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.blocks: list[_Block] = []
        self.current = _Block()
        self.stack: list[tuple[str, bool, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self._break()
            return
        attributes = dict(attrs)
        skipped = bool(self.skip_depth) or _is_skipped(tag, attributes)
        furniture = not skipped and _is_furniture(tag, attributes)
        self.stack.append((tag, skipped, furniture))
        if skipped:
            self.skip_depth += 1
            return
        if tag in _BLOCK or furniture:
            self._break()
        self.furniture_depth += furniture
        if tag in _MAIN:
            self.main_depth += 1
        if tag == "title":
            self.in_title = True
        if tag in _HEADINGS:
            self.heading_depth += 1
        if tag == "h1" and self.h1_state == "before":
            self.h1_state = "inside"
        if tag == "a":
            self.link_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or all(opened != tag for opened, _, _ in self.stack):
            return
        while self.stack:
            opened, skipped, furniture = self.stack.pop()
            if skipped:
                self.skip_depth -= 1
            else:
                if opened in _BLOCK or furniture:
                    self._break()
                self.furniture_depth -= furniture
                if opened in _MAIN:
                    self.main_depth -= 1
                if opened == "title":
                    self.in_title = False
                if opened in _HEADINGS:
                    self.heading_depth -= 1
                if opened == "h1" and self.h1_state == "inside":
                    self.h1_state = "after"
                if opened == "a":
                    self.link_depth -= 1
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.h1_state == "inside":
            self.h1 += data
        self.current.parts.append(data.replace("\n", " "))
        self.current.in_main = self.current.in_main or bool(self.main_depth)
        self.current.heading = self.current.heading or bool(self.heading_depth)
        self.current.furniture = self.current.furniture or bool(self.furniture_depth)
        if self.link_depth:
            self.current.link_chars += len(data.strip())

    def _break(self) -> None:
        if self.current.text:
            self.blocks.append(self.current)
        self.current = _Block()

    def finish(self) -> list[_Block]:
        self.close()
        self._break()
        return self.blocks


def _keeps(block: _Block) -> bool:
    text = block.text
    if not block.heading and block.link_chars > LINK_HEAVY_SHARE * len(text):
        return False
    lowered = text.lower()
    return not (len(text) <= BOILERPLATE_LINE_CHARS and any(marker in lowered for marker in BOILERPLATE))


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, text) of an HTML page; the text is the <article>/<main> part when there is one."""
    collector = _BlockCollector()
    collector.feed(markup)
    blocks = collector.finish()
    if any(block.in_main for block in blocks):
        blocks = [block for block in blocks if block.in_main]
    story = [block for block in blocks if not block.furniture]
    if sum(len(block.text) for block in story) >= STORY_SHARE_KEPT * sum(len(block.text) for block in blocks):
        blocks = story
    body = "\n\n".join(block.text for block in blocks if _keeps(block))
    title = " ".join((collector.h1 or collector.title).split())
    return title, body
