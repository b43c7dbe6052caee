"""Plain text from a Markdown article: markup removed, paragraphs and headings kept as lines."""

from __future__ import annotations

import re

from factcheck_tui.core.intake.extraction.structure import TABLE_CELL_SEPARATOR

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]+)`")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.MULTILINE)


def _inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(3):
        text = _EMPHASIS.sub(r"\2", text)
    return text


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """(title, text): the front matter's title or the first heading; code, link targets and front
    matter are dropped.

    Lines of one paragraph are joined (Markdown treats a single newline as a space); headings,
    list items and table rows stay lines of their own.
    """
    blocks: list[str] = []
    paragraph: list[str] = []
    title = ""
    in_fence = False
    if front := _FRONT_MATTER.match(markdown):
        markdown = markdown[front.end() :]
        if found := _FRONT_TITLE.search(front.group(1)):
            title = found.group(1)

    def flush() -> None:
        if paragraph:
            blocks.append(" ".join(paragraph))
            paragraph.clear()

    for raw in markdown.splitlines():
        if _FENCE.match(raw.strip()):
            in_fence = not in_fence
            flush()
            continue
        if in_fence or _REF_DEF.match(raw) or _TABLE_RULE.match(raw) or not raw.strip():
            flush()
            continue
        if _SETEXT.match(raw) and paragraph:
            # "Title\n=====": the lines above the underline are a heading.
            heading_text = " ".join(paragraph)
            paragraph.clear()
            title = title or heading_text
            blocks.append(heading_text)
            continue
        if _RULE.match(raw):
            flush()
            continue
        if raw.strip().startswith("|") and raw.strip().endswith("|"):
            flush()
            # Cells keep a separator: a row reads as a row, and extraction knows it for one.
            cells = (_inline(cell.strip()) for cell in raw.strip().strip("|").split("|") if cell.strip())
            blocks.append(TABLE_CELL_SEPARATOR.join(cells))
            continue
        heading = _HEADING.match(raw)
        if heading or _LIST.match(raw):
            flush()
            text = _inline(heading.group(1) if heading else _LIST.sub("", _QUOTE.sub("", raw)))
            if heading and not title:
                title = text
            blocks.append(text)
            continue
        paragraph.append(_inline(_QUOTE.sub("", raw)).strip())
    flush()
    return title, "\n\n".join(block for block in blocks if block.strip())
