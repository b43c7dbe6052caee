"""The claim itself, as a publication states it: quote marks that pair up, no reporter's frame.

A claim is kept in the words of the story, so it often carries the reporter's attribution
(``"Taxes went up 9%," Paul said.``) or a quote mark whose partner lies in the next sentence.
ClaimReview's ``claimReviewed`` is read on its own, out of the story: it gets the quoted words,
and only when the frame around them is plainly an attribution; anything else is left as written.
"""

from __future__ import annotations

import re

from factcheck_tui.core.export.wording import flat

_STRAIGHT = '"'
# After an opening quote mark: the start of the text, a space or an opening bracket.
_BEFORE_OPENING = " ([{—–-/"
# Verbs of saying that close an attribution: '..., Paul said.', '..., said Sen. Chris Kapenga, R-Wis.'
_SAYING = (
    r"(?:said|says|say|asked|asks|told|tells|wrote|writes|claimed|claims|added|adds|argued|argues|stated|states|"
    r"declared|declares|insisted|insists|asserted|asserts|tweeted|tweets|posted|posts|explained|"
    r"explains|noted|notes|charged|charges|contended|contends|maintained|maintains)"
)
# The reporter's words around a quote that fills the claim: short, no quote mark, a verb of saying,
# and nothing that adds a claim of its own ("..., Paul said, citing a survey that was withdrawn").
_FRAME_WORDS = 20
_TRAILING_FRAME = re.compile(rf"^[^\"“”]*\b{_SAYING}\b[^\"“”]*$", re.IGNORECASE)
_MORE_THAN_A_FRAME = re.compile(
    r";|\b(?:but|although|though|because|which|whereas|however|citing|adding|despite|yet|while)\b", re.IGNORECASE
)
# Before the quote it must end on the verb, a colon or "that": "He said the plan would "..."" is no frame.
_LEADING_FRAME = re.compile(rf"^[^\"“”]*\b{_SAYING}(?:\s*[:,]|[^\"“”]*\bthat)?\s*$", re.IGNORECASE)


def _quote_marks(text: str) -> list[tuple[int, bool]]:
    """Every double quote mark (curly or straight) as (position, opens). Single curly marks are
    left alone: they are apostrophes far more often than quotes."""
    marks = []
    for index, char in enumerate(text):
        if char == "“":
            marks.append((index, True))
        elif char == "”":
            marks.append((index, False))
        elif char == _STRAIGHT:
            marks.append((index, index == 0 or text[index - 1] in _BEFORE_OPENING or text[index - 1].isspace()))
    return marks


def balanced_quotes(text: str) -> str:
    """``text`` without the quote marks that have no partner in it: an opening mark whose closing
    one lies in the next sentence, a closing one whose opening lies in the last."""
    unmatched: list[int] = []
    open_at: list[int] = []
    for index, opens in _quote_marks(text):
        if opens:
            open_at.append(index)
        elif open_at:
            open_at.pop()
        else:
            unmatched.append(index)
    unmatched.extend(open_at)
    if not unmatched:
        return text
    kept = "".join(char for index, char in enumerate(text) if index not in set(unmatched))
    return flat(kept)


def _as_a_sentence(quoted: str) -> str:
    """A quote cut from its frame ends as a sentence: '... fraud rate,' becomes '... fraud rate.'"""
    quoted = quoted.strip()
    if quoted.endswith(","):
        quoted = quoted[:-1].rstrip()
    quoted = quoted[:1].upper() + quoted[1:]
    return quoted if quoted[-1:] in ".!?…" else f"{quoted}."


def _only_a_frame(frame: str) -> bool:
    return len(frame.split()) <= _FRAME_WORDS and not _MORE_THAN_A_FRAME.search(frame)


def without_attribution(text: str) -> str:
    """The quoted words when the claim is one quote and a reporter's attribution around it
    (``"...," Paul said.`` or ``Paul said: "..."``); otherwise ``text`` unchanged."""
    marks = _quote_marks(text)
    if len(marks) != 2 or not marks[0][1] or marks[1][1]:
        return text
    (start, _), (end, _) = marks
    quoted, before, after = text[start + 1 : end], text[:start].strip(), text[end + 1 :].strip()
    if len(quoted.split()) < 3:
        return text
    if not before and after and _only_a_frame(after) and quoted.rstrip()[-1:] in ",!?" and _TRAILING_FRAME.match(after):
        return _as_a_sentence(quoted)
    if before and after in {"", ".", "!", "?"} and _only_a_frame(before) and _LEADING_FRAME.match(before):
        return _as_a_sentence(quoted + after)
    return text


def claim_reviewed(text: str) -> str:
    """What ClaimReview says was claimed: the claim on one line, its quote marks paired, its
    attribution frame taken away when that is plainly what it is."""
    return balanced_quotes(without_attribution(flat(text)))
