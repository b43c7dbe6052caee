"""Sentence boundaries for news text, as exact spans of the body.

A line is a block of its own (headlines, bylines and list items carry no final period), and a
sentence never crosses a block. Inside a block a boundary is a full stop, question or exclamation
mark (with any closing quotes) followed by space and a sentence start, unless the full stop ends
an abbreviation, an initial or a time such as "11:59 p.m. PT".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck_tui.core.intake.extraction.lexicon import (
    AMBIGUOUS_ABBREVIATIONS,
    CAPITALISED_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_STARTERS,
    TIME_ZONES,
    TITLE_ABBREVIATIONS,
)

Span = tuple[int, int]

_OPENERS = "\"'“‘([«"
# A final mark, any closing quotes or brackets, and reference marks that belong to the sentence
# they follow ("... in history. [10]").
_CANDIDATE = re.compile(r"(?P<mark>\.{3}|…|[.!?]+)[\"'”’)\]»]*(?:\s?\[\d{1,3}\])*(?=\s|$)")
_NEXT_TOKEN = re.compile(r"\s+([\"'“‘(\[«]*)(\S*)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_MULTI_PERIOD = re.compile(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$")
_INITIAL = re.compile(r"^[A-Z]$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_DASHES = "—–"
# An item number or letter at the start of a block or after a colon or sentence end: "1.)", "2)", "a.".
_ENUMERATOR_BEFORE = re.compile(r"(?:^|[:;.!?]\s+|\s—\s)(?:\d{1,2}|[a-hA-H])\.\)?$|(?:^|[:;.!?]\s+)\d{1,2}\)$")
_LETTER_ITEM = re.compile(r"^[a-h]\.$")
_URL_START = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
# "(https://example.org/report) It says ...": a bracketed address after a sentence, then a new one.
_URL_ALONE = re.compile(r"(?<=[.!?]\s)\((?:https?://|www\.)[^\s()]+\)(?=\s+[\"“]?[A-Z])", re.IGNORECASE)
_LOOK_BACK = 64
_CLOSERS = "\"'”’)]»"
# How far a quotation may run on past a mark inside it and still hold the mark: a headline or a
# phrase quoted within a sentence, not a quoted speech of several sentences.
QUOTE_HOLD = 200


def blocks(body: str) -> Iterator[Span]:
    """Non-empty lines of the body, trimmed, as spans."""
    for match in re.finditer(r"[^\n]+", body):
        start, end = match.span()
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def split_sentences(body: str) -> list[Span]:
    spans: list[Span] = []
    for block_start, block_end in blocks(body):
        spans.extend(_split_block(body, block_start, block_end))
    return spans


def _split_block(body: str, start: int, end: int) -> Iterator[Span]:
    block = body[start:end]
    cursor = 0
    for boundary in _boundaries(block):
        piece = _trim(block, cursor, boundary)
        if piece:
            yield start + piece[0], start + piece[1]
        cursor = boundary
    piece = _trim(block, cursor, len(block))
    if piece:
        yield start + piece[0], start + piece[1]


def _boundaries(block: str) -> Iterator[int]:
    """Sentence ends in a block: accepted final marks, and the close of a web address standing alone."""
    quotes = _quotations(block) if ('"' in block or "“" in block) else []
    ends = [
        match.end()
        for match in _CANDIDATE.finditer(block)
        if _is_boundary(block, match.start(), match.group("mark"), match.end())
        and not _held_in_quotation(block, quotes, match.start(), match.group("mark"))
    ]
    ends += [match.end() for match in _URL_ALONE.finditer(block)]
    yield from sorted(set(ends))


def _quotations(block: str) -> list[Span]:
    """The quotations of a block as (opening mark, closing mark) positions; one left open runs to the end."""
    found: list[Span] = []
    opened: int | None = None
    for match in re.finditer(r"[\"“”]", block):
        mark = match.group(0)
        if opened is None and mark != "”":
            opened = match.start()
        elif opened is not None and mark != "“":
            found.append((opened, match.start()))
            opened = None
    if opened is not None:
        found.append((opened, len(block)))
    return found


def _held_in_quotation(block: str, quotes: list[Span], mark_start: int, mark: str) -> bool:
    """A mark inside a quotation that closes soon within the same sentence ends no sentence.

    'read, "Friendly Fire … Car attacker is held."' quotes one headline; '"We won. They lost" is
    what it posted.' goes on after the quotation. A quotation of several sentences that closes
    the sentence ('"We will win. They know it."') is still split between them.
    """
    for opened, closed in quotes:
        if opened < mark_start < closed:
            if closed - mark_start > QUOTE_HOLD or closed == len(block):
                return False
            if mark in ("...", "…"):
                # "[...]" is an editor's cut, which may well fall between two quoted sentences.
                return block[mark_start - 1 : mark_start] != "["
            before_close = block[closed - 1]
            after_close = block[closed + 1 : closed + 3]
            return before_close not in ".,!?…" and after_close[:1] == " " and after_close[1:].islower()
    return False


def _has_previous_item(block: str, token: str, before: int) -> bool:
    """ "b." is an item when "a." opened one earlier in the block."""
    previous = chr(ord(token[0]) - 1) + token[1]
    return token[0] == "a" or re.search(rf"(?:^|[\s:]){re.escape(previous)}\s", block[:before]) is not None


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _is_boundary(block: str, punct_start: int, mark: str, boundary: int) -> bool:
    if _ENUMERATOR_BEFORE.search(block, max(0, punct_start - 8), boundary):
        # "Three steps: 1.) raise taxes ...": the enumerator opens an item, it ends nothing.
        return False
    following = _NEXT_TOKEN.match(block, boundary)
    if not following:
        return False
    opener, token = following.groups()
    if mark == "." and _LETTER_ITEM.match(token) and _has_previous_item(block, token, punct_start):
        # "a. the schools. b. the roads.": a new lettered item starts a new sentence.
        return True
    if opener.startswith("(") and _URL_START.match(token):
        # "... online. (https://example.org/report)": the address stands as its own sentence.
        return True
    if not token:
        return bool(opener)
    first = token[0]
    if first.islower():
        return False
    if first in _DASHES and mark in (".", "!", "?"):
        # '... We have brains." — Peres, on ...': an attribution line after a closed sentence.
        return True
    if mark[0] in "!?":
        # "Viva Maria! (1965)" is a title with its year, not two sentences.
        return (first.isupper() or first.isdigit() or bool(opener)) and not opener.startswith(("(", "["))
    if mark in ("...", "…") or len(mark) > 1:
        return first.isupper() or first.isdigit() or bool(opener)
    if not (first.isupper() or first.isdigit() or opener):
        return False
    # A bounded look-back keeps a long line linear; no abbreviation is that long.
    before = _WORD_BEFORE.search(block, max(0, punct_start - _LOOK_BACK), punct_start)
    word = before.group(1).lstrip(_OPENERS) if before else ""
    # "Then-U.S. Rep.", "D-Mass.": the abbreviation is the part after the hyphen.
    return _period_ends_sentence(word.rsplit("-", 1)[-1], _strip_token(token), bool(opener))


def _strip_token(token: str) -> str:
    return token.rstrip(".,;:!?\"'”’)]»")


def _period_ends_sentence(word: str, next_word: str, quoted: bool) -> bool:
    """Decide a full stop after ``word`` followed by ``next_word`` (which starts upper-case or a digit)."""
    if not word:
        return True
    key = word.lower()
    capitalised = word[0].isupper()
    listed = capitalised and key in CAPITALISED_ABBREVIATIONS
    starter = next_word in SENTENCE_STARTERS or quoted
    if capitalised and key in TITLE_ABBREVIATIONS:
        return False
    if next_word[:1].isdigit():
        # "No. 3", "Jan. 6", "c. 1818", "H. R. 1280"
        return not (key in NUMBER_ABBREVIATIONS or listed or _INITIAL.match(word))
    if _INITIAL.match(word):
        # "John F. Kennedy": an initial, unless a common sentence opener follows ("plan B. The ...").
        return next_word in SENTENCE_STARTERS and next_word not in {"A", "I"}
    if key in ("a.m", "p.m"):
        return next_word not in TIME_ZONES and starter
    if key in NUMBER_ABBREVIATIONS and capitalised and _ROMAN.match(next_word):
        return False
    if _MULTI_PERIOD.match(word) or key in AMBIGUOUS_ABBREVIATIONS or listed:
        return starter
    return True


def without_stray_quotes(body: str, span: Span) -> Span:
    """``span`` without a quotation mark at its start or end that pairs with none inside it.

    A quotation of several sentences opens in its first sentence and closes in its last: '"We
    won.' and 'They lost."' each hold half of a pair, which a claim shown on its own cannot
    close. Marks that pair stay ('"We won," he said.'), and so does a quotation that opens
    mid-sentence and runs on ('He said: "We won.').
    """
    start, end = span
    opened: int | None = None
    stray: list[int] = []
    for match in re.finditer(r"[\"“”]", body[start:end]):
        mark = match.group(0)
        if opened is None and mark != "”":
            opened = match.start()
        elif opened is not None and mark != "“":
            opened = None
        elif mark == "”":
            stray.append(match.start())
    if opened is not None:
        stray.append(opened)
    length = end - start
    if length - 1 in stray and length > 1:
        end -= 1
    if 0 in stray and end - start > 1:
        start += 1
    return _trim(body, start, end) or span
