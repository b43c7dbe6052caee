"""Story structure: the lines and sentences of a news page that are not the story's claims.

A page carries furniture around its sentences: the headline and subheads, a byline, a dateline,
photo captions and credits, "Related:" and "Read more" links, the rating box of a fact-check and
the outlet's own notes ("Comment on this item.", "This fact check is available at ..."). They stay
in the story text, so offsets and the reader's view are unchanged, but they are not offered as
claims: ``line_role`` and ``sentence_role`` name what they are, and that name is the reason shown.

``line_role`` is the one call for anyone who reads a page into lines (the HTML reader too).
"""

from __future__ import annotations

import re

from factcheck_tui.core.furniture import (
    BYLINE,
    CAPTION,
    DATELINE,
    FIGURES,
    HEADLINE,
    LINK,
    NOTICE,
    OUTLET,
    OWN_REPORTING,
    RATING,
)
from factcheck_tui.core.intake.extraction.speakers import outside_quotes

# A line that closes a sentence ends with one of these, perhaps inside quotes or brackets, or is
# a quotation of its own ('"We will win"'). A line that only ends on a quoted phrase is a subhead
# ('Florida’s "red flag law"', 'The Guard was there for protection, not "photo ops"').
_FINAL = re.compile(r"[.!?…:;][\"'”’)\]»]*$|^[\"“].*[\"”]$")
HEADING_MAX_WORDS = 16

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day|\.)?"
_CLOCK = r"\d{1,2}(?::\d\d)?\s?(?:[ap]\.?m\.?|[AP]M)(?:\s?[A-Z]{2,4})?"
# "Sunday, August 2, 2015", "Updated 5:30 p.m. ET, Jan. 3, 2021", "Published: 2020-06-30".
_DATELINE = re.compile(
    rf"^(?:(?:Updated|Published|Posted|Last updated|Modified)\s*(?:on|at)?:?\s*)?"
    rf"(?:{_WEEKDAY},?\s+)?(?:{_CLOCK},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|{_MONTH}\s+\d{{4}})"
    rf"(?:,?\s+(?:at\s+)?{_CLOCK})?\.?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:By|Written by|Reported by|Story by)\s+(?:[A-Z][\w.’'-]*\s*(?:,|and\b|&)?\s*){1,8}"
    r"(?:[|•·–—-]\s*.{0,60})?$"
)
_CAPTION = re.compile(
    r"^(?:\(?(?:Photo|Image|Picture|Caption|Credit|Video|Graphic|Screenshot|File photo)s?\b\s*(?:by\b|:|\))"
    r"|\[?(?:Photo|Image)\]?:)"
    r"|(?:\((?:Photo|Image|Screenshot|File photo|AP|Reuters|Getty)\b[^()]{0,80}\)"
    r"|\b(?:Getty Images|AP Photo/[^.]{0,40}|Shutterstock))\.?$",
    re.IGNORECASE,
)
_LINK = re.compile(
    r"^(?:Related(?: (?:stories|coverage|articles?|content))?|Read more|Read also|Also read|See also|More|Watch"
    r"|Listen|Recommended|Previous coverage|Further reading|Sources?)\b\s*(?::|$|[-–—])",
    re.IGNORECASE,
)
_RATING_WORDS = (
    r"(?:True|Mostly True|Half True|Half-True|Mostly False|False|Barely True|Pants on Fire!?|Full Flop|Half Flip"
    r"|No Flip|Misleading|Correct Attribution|Miscaptioned|Unproven|Mixture|Outdated|Satire|Legend|Scam)"
)
_RATING_BOX = re.compile(
    r"^(?:Our (?:ruling|rating|verdict)|The (?:ruling|verdict)|(?:PolitiFact|Truth-O-Meter|Snopes) rating|Rating"
    r"|Verdict|Ruling|Sources|Share the facts|Featured Fact-check)\b\s*:?",
    re.IGNORECASE,
)
_RATES_IT = re.compile(
    rf"\b(?:[Ww]e|[A-Z][\w.-]+) (?:(?:previously|also|have|has|had) )?(?:rate|rated|give|gave|find|found|rule|ruled)\b"
    rf"[^.!?]{{0,80}}\b{_RATING_WORDS}\b"
)
# The newsroom telling how it checked ("In this fact-check, we wondered whether", "we reached out to",
# "We asked the ministry"): how the story was reported, not a claim from it.
_OWN_REPORTING = re.compile(
    r"\b(?:[Ww]e|[Oo]ur (?:reporters?|staff|team))\s+"
    r"(?:(?:also|then|first|later|again|previously|recently|have|had|could|did|were|not|n['’]t|couldn['’]t|didn['’]t)\s+){0,3}"
    r"(?:wondered|wonder|asked|reached|contacted|emailed|e-mailed|called|checked|looked|reviewed|examined|searched"
    r"|requested|spoke|interviewed|wanted to know|set out|consulted|sent|messaged|tried|find|heard|unable)\b"
    r"|\b[Ii]n this fact[- ]check\b"
)
# The outlet speaking about itself: how to reach it, what it is, where the piece was flagged.
_OUTLET_NOTE = re.compile(
    r"(?:\bthis (?:fact[- ]check|article|story|item|report|post) (?:is available|was (?:originally )?published"
    r"|first appeared|was updated|has been updated|was produced)"
    r"|\b(?:comment on|to comment on) this (?:item|ruling|story|article)"
    r"|\bread more about our\b|\bour partnership with\b"
    r"|\bflagged\b[^.]{0,80}\b(?:as part of (?:facebook|meta)|efforts to (?:combat|fight|counter|curb))"
    r"|\b(?:changed|renamed) the (?:name (?:of|for) the )?rating\b"
    r"|\b(?:email|e-mail|write to|contact) us\b|\bfollow us\b|\bif you have a claim you\b"
    r"|\bsign up (?:for|to|here|now|today)\b|(?:^|please )subscribe\b|\bsubscribe (?:to (?:our|us)|now|today|here)\b"
    r"|\bclick here\b|\ball rights reserved\b|\bcopyright\b"
    r"|(?:^|please )donate\b|\bdonate (?:now|today|here)\b"
    r"|\bsupport (?:our|independent|local) (?:journalism|reporting|newsroom)"
    r"|\b(?:our|free|daily|weekly) newsletter\b"
    r"|^editor['’]s note\b|^(?:update|correction|clarification)\s*(?:\([^)]*\))?\s*:|^advertisement$"
    r"|\bwe found (?:dozens|hundreds|several|many|thousands|similar)\b[^.]{0,60}\b(?:claims|posts)"
    r"|\bcrowdtangle\b|\bthe truth-o-meter\b|\bcheck[- ]worthy\b)",
    re.IGNORECASE,
)
# Cheap substrings one of which every outlet note holds: most sentences skip the long pattern.
_OUTLET_HINTS = (
    "this ",
    "comment",
    "read more",
    "partnership",
    "flagged",
    "rating",
    " us",
    "claim you",
    "sign up",
    "subscribe",
    "donate",
    "journalism",
    "reporting",
    "newsroom",
    "newsletter",
    "follow us",
    "click here",
    "rights reserved",
    "copyright",
    "editor",
    "update",
    "correction",
    "clarification",
    "advertisement",
    "we found",
    "crowdtangle",
    "truth-o-meter",
    "worthy",
)
# The newsroom telling its readers what comes next ("We will update this story", "Readers will be
# able to vote online", "The council will announce the winners on Friday"): a promise or a
# schedule in the story's own voice, with no figure in it to check. ("The plan will cost $4
# billion" is a prediction with a figure: a claim.)
_NOTICE = re.compile(
    r"^(?:[Ww]e|[Yy]ou|(?:[Oo]ur\s+)?(?:[Rr]eaders|[Ss]ubscribers|[Ll]isteners|[Vv]iewers|[Mm]embers))"
    r"(?:\s+will|['’]ll)\s+(?:(?:also|soon|then|now|continue to|be able to|be invited to)\s+)*"
    r"(?:inform|update|notify|let|keep|tell|bring|publish|report|follow|share|send|get|receive|find|read"
    r"|watch|listen|vote|submit|comment|see|join|access|learn|hear)\b"
    r"|\bwill\s+(?:(?:also|soon|formally|officially|then|now)\s+)?"
    r"(?:announce|unveil|publish|reveal|present|detail|name|release (?:its|their|the) (?:results|findings|report|decision))\b"
)
# An amount, a share or a count of something ("500 jobs"); a date or a time is no figure to check.
_FIGURE_TO_CHECK = re.compile(
    r"[$€£]\s?\d|\d[\d,.]*\s?(?:%|percent\b|per cent\b)|\d[\d,.]*\s+(?![ap]\.?m\b)[a-z]{3,}", re.IGNORECASE
)
_LETTERS = re.compile(r"[A-Za-z]")
# A row of a table read as text: cells between " | " (a Markdown table), or three figures in a row
# with nothing but spaces between them ("Texas $120.5 million $110.2 million -8.5%"), which prose
# never writes: it joins figures with words or commas.
TABLE_CELL_SEPARATOR = " | "
_CELL = r"[-+−–]?[$€£]?\d(?:[\d,.]*\d)?(?:\s?(?:%|percent\b|million\b|billion\b|trillion\b|thousand\b|[MBK]\b))?"
_FIGURE_CELL = re.compile(rf"{_CELL}")
# A label and its figure, one item of a list of data ("Substance abuse services: $80.1 million.").
_LABELLED_FIGURE = re.compile(
    rf"^[^:.!?\"“]{{1,80}}(?<!\d):\s+(?:(?:about|nearly|almost|over|under|more than|less than)\s+)?{_CELL}(?:\s+[a-z]+)?\.?$"
)
_CELL_RUN = re.compile(rf"(?<![\w$€£.,-]){_CELL}(?:\s+{_CELL}){{2,}}(?![\w.,]?\d)")


def line_role(line: str, *, alone: bool = False) -> str | None:
    """What a line of a page is when it is not body text (None for body text).

    ``alone`` says the line is the whole text: a lone line without final punctuation (a tweet, a
    pasted quote) is still a statement, not a headline.
    """
    line = line.strip()
    if not line:
        return None
    if _DATELINE.match(line):
        return DATELINE
    if _BYLINE.match(line):
        return BYLINE
    if _CAPTION.search(line):
        return CAPTION
    if _LINK.match(line):
        return LINK
    if _RATING_BOX.match(line) and (len(line.split()) <= 4 or _RATES_IT.search(line)):
        return RATING
    if not _LETTERS.search(line) or _table_row(line) or _LABELLED_FIGURE.match(line):
        return FIGURES
    if not alone and not _FINAL.search(line) and len(line.split()) <= HEADING_MAX_WORDS:
        return HEADLINE
    return None


def story_sentence_role(sentence: str, speaker: str | None) -> str | None:
    """What a sentence of a story is when it is furniture, the newsroom's account of its checking included.

    Only a story has a newsroom behind its "we": a sentence alone (a debate line) is a speaker's. A
    sentence with a ``speaker`` is someone else's words, so a "we" in it is theirs too.
    """
    if speaker is None and "e " in sentence and _OWN_REPORTING.search(outside_quotes(sentence)):
        return OWN_REPORTING
    if speaker is None and ("will" in sentence or "ll " in sentence):
        own = outside_quotes(sentence)
        if _NOTICE.search(own) and not _FIGURE_TO_CHECK.search(own):
            return NOTICE
    return sentence_role(sentence)


def sentence_role(sentence: str) -> str | None:
    """What a sentence of body text is when it is the outlet's furniture rather than a claim."""
    if _RATES_IT.search(sentence) or (_RATING_BOX.match(sentence) and len(sentence.split()) <= 4):
        return RATING
    lowered = sentence.lower()
    if any(hint in lowered for hint in _OUTLET_HINTS) and _OUTLET_NOTE.search(sentence):
        return OUTLET
    if _CAPTION.search(sentence):
        return CAPTION
    if _CELL_RUN.search(sentence) or _LABELLED_FIGURE.match(sentence):
        return FIGURES
    return None


def _table_row(line: str) -> bool:
    """Cells between " | ": three or more, or two of which one is a figure ("2024 | 42 ships")."""
    cells = [cell.strip() for cell in line.split(TABLE_CELL_SEPARATOR)]
    return len(cells) > 2 or (len(cells) == 2 and any(_FIGURE_CELL.fullmatch(cell) for cell in cells))
