"""Sentences that claim nothing: a question, a fragment without a verb, an opinion only.

A question asks ("Did the governor end $20 million in funding?", "So is it true that ...?"); a
fragment names ("Government spending.", "Hawaii.", a list item "• Sen. Ada Park."). Neither
claims anything a fact-checker could rate, whatever figures or names it holds, so extraction
scores each as an empty sentence of its kind would (pipeline.py). A question that asserts is a
statement: "Did you know that the council cut ...?", "..., okay?", and so is a question that
opens a quotation going on past it: the speaker asks in order to answer ('"Do they differ? Not
at all," the campaign wrote').

An opinion only is a short sentence that is a judgement and nothing else: "I think it's a hoax.",
"To claim savings off that baseline is ridiculous." (cues.py adds: with no figure, date, record
or comparison in it). An opinion that carries a fact ("I think the council cut $20 million") is
a claim.

There is no part-of-speech tagger here: a fragment is a short sentence in which no word can be
a verb (an auxiliary, a contraction, a verb of the lexicon, a past form in -ed, a lower-case
word in -s) and no subject pronoun starts a clause. Short, because the verb lists are not
complete: a longer sentence without a known verb is much more often a clause with an unlisted
verb than a fragment.
"""

from __future__ import annotations

import re

from factcheck_tui.core.intake.extraction.lexicon import (
    BELIEFS,
    CAUSAL,
    COMMON_VERBS,
    EVALUATIVE,
    OBLIGATION,
    PAST_VERBS,
    PLANS,
    RECORD_VERBS,
    REPORTING_VERBS,
    SAYING_VERBS,
    TRENDS,
)
from factcheck_tui.core.intake.extraction.speakers import outside_quotes

_TRAILING = " \"'”’)]»"
_WH = r"(?:why|what|who|whom|whose|when|where|how|whether|if|which)"
# "Did you know that ...?", "Do you realize the city ...?", "did anybody know before ... that ...?":
# the asker states what follows. ("Do you know why ...?" still asks.)
_KNOW_THAT = re.compile(
    r"\b(?:do|did|does|don['’]t|didn['’]t|doesn['’]t)\s+(?:you|anybody|anyone|everybody|everyone|y['’]all|people)"
    rf"\s+(?:even\s+|ever\s+)?(?:know|realize|realise|remember|hear)\b(?!\s+{_WH}\b)",
    re.IGNORECASE,
)
# A tag on a statement: "..., okay?", "..., right?", "..., isn't it?".
_TAG = re.compile(
    r"[,—–-]\s*(?:ok(?:ay)?|right|correct|true|yes|no|eh|huh"
    r"|(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|wo|ca)(?:n['’]t|\s+not)?"
    r"\s+(?:it|he|she|they|we|you|i|there|that))\s*\?[\"'”’)\]»\s]*$",
    re.IGNORECASE,
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
OPINION_MAX_WORDS = 12
# "I think ...", "We believe ...": the speaker's own view, stated as such.
_OWN_VIEW = re.compile(
    r"^[\"“]?(?:(?:and|but|so|well|look|now),?\s+)?(?:I|we)\s+(?:(?:really|honestly|just|still|do|truly)\s+)?"
    r"(?:think|believe|feel|guess|suppose|hope)\b",
    re.IGNORECASE,
)
# Judging words that are no sentence adverbs or feelings ("clearly", "sorry") and not "right",
# which is as often a place or a time ("right now", "on the right").
_JUDGING = sorted(
    EVALUATIVE
    - {"right", "clearly", "obviously", "frankly", "honestly", "hopefully", "unfortunately", "welp", "wow"}
    - {"sorry", "glad", "happy", "proud", "love", "hate"}
)
# "... is ridiculous.", "That's a disgrace,": a judgement that ends its clause.
_JUDGEMENT = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|seems?|looks?|sounds?)|['’](?:s|re))\s+(?:not\s+)?"
    r"(?:(?:so|very|simply|just|totally|absolutely|really|utterly|completely|quite|pretty|truly|such|a|an|the)\s+)*"
    rf"(?:{'|'.join(_JUDGING)})\b(?=\s*(?:[,.;:!?\"”'’)—–-]|and\b|or\b|but\b|$))",
    re.IGNORECASE,
)
FRAGMENT_MAX_WORDS = 6
# "..., she said.", "said Gov. Ada Park.": the words around a quotation that only say who said it.
ATTRIBUTION_MAX_WORDS = 4
# A list item ("• ...", "- ...", "3. ...") is a fragment more often than not; it may run longer.
LIST_ITEM_MAX_WORDS = 16
_LIST_ITEM = re.compile(r"^\s*(?:[•●▪◦‣*–—-]|\(?\d{1,2}[.)]|\(?[a-h]\))\s+")
# "Rubio: Yes.": a transcript turn; the turn's words are what is judged.
_TURN = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}:\s+")
_CONTRACTION = re.compile(r"['’](?:s|re|ve|d|ll|m)$|n['’]t$", re.IGNORECASE)
_PAST = re.compile(r"[a-z]{2,}ed$")
# Plural nouns and verbs in -s look alike; in lower case either may be the verb ("the plan costs").
_VERB_S = re.compile(r"^[a-z][a-z-]{2,}s$")
_NOT_VERB_S = re.compile(r"(?:ss|us|is|ics|ous)$")
_SUBJECTS = frozenset("i we they he she you".split())
_VERBS = (
    COMMON_VERBS
    | PAST_VERBS
    | REPORTING_VERBS
    | SAYING_VERBS
    | TRENDS
    | BELIEFS
    | PLANS
    | OBLIGATION
    | CAUSAL
    | RECORD_VERBS
)


def is_question(sentence: str) -> bool:
    """Whether the sentence asks rather than states: it ends with a question mark and asserts nothing."""
    if not sentence.rstrip(_TRAILING).endswith("?"):
        return False
    return not (_KNOW_THAT.search(sentence) or _TAG.search(sentence) or _quotation_goes_on(sentence))


def _quotation_goes_on(sentence: str) -> bool:
    """Whether the sentence opens a quotation that it does not close: the speaker says more after it."""
    text = sentence.strip()
    if text.startswith('"'):
        return text.count('"') % 2 == 1
    return text.startswith("“") and "”" not in text


def is_fragment(sentence: str) -> bool:
    """Whether the sentence is a short run of words without a verb: a label, an answer, a list item."""
    text = sentence.strip()
    item = _LIST_ITEM.match(text)
    text = text[item.end() :] if item else _TURN.sub("", text, count=1)
    most = LIST_ITEM_MAX_WORDS if item else FRAGMENT_MAX_WORDS
    # Most sentences are too long to be one even less an attribution: no need to find the quotation.
    words = _WORD.findall(text)
    if len(words) > most + ATTRIBUTION_MAX_WORDS:
        return False
    words = _WORD.findall(_said_part(text))
    if not words or len(words) > most:
        return False
    return not any(_may_be_verb(word) for word in words) and not _SUBJECTS & {word.lower() for word in words}


def is_opinion(sentence: str) -> bool:
    """Whether the sentence, short, is the speaker's view or a judgement in form (cues.py checks it holds no fact)."""
    if len(_WORD.findall(sentence)) > OPINION_MAX_WORDS + ATTRIBUTION_MAX_WORDS:
        return False
    said = _said_part(sentence.strip())
    if len(_WORD.findall(said)) > OPINION_MAX_WORDS:
        return False
    if _OWN_VIEW.search(said.strip()):
        return True
    # "Waldman said his statement was wrong" reports what someone said: that is a fact.
    reported = said == sentence.strip() and any(word.lower() in REPORTING_VERBS for word in _WORD.findall(said))
    return not reported and bool(_JUDGEMENT.search(said))


def _said_part(text: str) -> str:
    """The words quoted when the rest only says who said them ('"Good research," she said.')."""
    outside = outside_quotes(text)
    if outside == text:
        return text
    rest = _WORD.findall(outside)
    attribution = len(rest) <= ATTRIBUTION_MAX_WORDS and any(word.lower() in REPORTING_VERBS for word in rest)
    return "".join(a if a != b else " " for a, b in zip(text, outside, strict=True)) if attribution else text


def _may_be_verb(word: str) -> bool:
    lowered = word.lower().replace("’", "'")
    if lowered in _VERBS or _CONTRACTION.search(lowered) or _PAST.search(lowered):
        return True
    return bool(_VERB_S.match(word)) and not _NOT_VERB_S.search(lowered)
