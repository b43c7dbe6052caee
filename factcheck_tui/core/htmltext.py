"""The main text of an HTML article: paragraphs kept, scripts, navigation and boilerplate dropped."""

from __future__ import annotations

import html
from html.parser import HTMLParser

_SKIP = frozenset("script style noscript template svg nav header footer aside form button iframe select figure".split())
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li blockquote pre tr br hr section article main dd dt figcaption ul ol table".split()
)
_MAIN = frozenset({"article", "main"})
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.main_depth = 0
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False
        self.all_parts: list[str] = []
        self.main_parts: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self._emit("\n")
            return
        self.stack.append(tag)
        attributes = dict(attrs)
        hidden = attributes.get("hidden") is not None or "display:none" in (attributes.get("style") or "").replace(" ", "")
        if tag in _SKIP or hidden or self.skip_depth:
            self.skip_depth += 1
            return
        if tag in _MAIN:
            self.main_depth += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            opened = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            elif opened in _MAIN:
                self.main_depth -= 1
            if opened == "title":
                self.in_title = False
            if opened == "h1":
                self.in_h1 = False
            if opened in _BLOCK and not self.skip_depth:
                self._emit("\n\n")
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        self._emit(data.replace("\n", " "))

    def _emit(self, text: str) -> None:
        self.all_parts.append(text)
        if self.main_depth:
            self.main_parts.append(text)


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, text) of an HTML page; the text is the <article>/<main> part when there is one."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    parts = collector.main_parts if "".join(collector.main_parts).strip() else collector.all_parts
    text = "".join(parts)
    paragraphs = [" ".join(chunk.split()) for chunk in text.split("\n\n")]
    body = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
    title = " ".join((collector.h1 or collector.title).split())
    return html.unescape(title), body
