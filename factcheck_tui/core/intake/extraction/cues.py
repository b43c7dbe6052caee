"""Interpretable features of a sentence; each one that fires also explains itself to the reviewer.

Every feature is a plain cue a reviewer can verify by reading the sentence (a figure, a date, a
named actor, a hedge), so the reasons shown beside a score are the features that moved it. The
weights are learnt by ``bench/train_checkworthiness.py``; nothing here is tuned to a data set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck_tui.core.intake.extraction.lexicon import (
    BELIEFS,
    CAUSAL,
    COMPARATIVES,
    COURTESY,
    EVALUATIVE,
    FIRST_PLURAL,
    FIRST_SINGULAR,
    FUTURE,
    HEDGES,
    MEASURABLE,
    MONTHS,
    OBLIGATION,
    OPENERS,
    PAST_VERBS,
    PLANS,
    RECORD_VERBS,
    REPORTING_VERBS,
    SAYING_VERBS,
    SECOND_PERSON,
    SENTENCE_STARTERS,
    SHOUTED,
    THIRD_PERSON,
    TIME_ZONES,
    TRENDS,
    WEEKDAYS,
)
from factcheck_tui.core.intake.extraction.statements import is_fragment, is_opinion, is_question

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"(?:\s?(?:million|billion|trillion|thousand|hundred|[mbk]n?)\b)?"
_MONEY = re.compile(
    rf"[$€£]\s?{_NUMBER}{_SCALE}|\b{_NUMBER}{_SCALE}\s?(?:dollars|euros|pounds|cents)\b"
    r"|\b(?:million|billion|trillion|thousands of|millions of|billions of) (?:dollars|euros|pounds)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"{_NUMBER}\s?(?:%|percent\b|per cent\b)|\b(?:percent|per cent|percentage)\b", re.IGNORECASE)
_FIGURE = re.compile(
    rf"{_NUMBER}(?:\s?(?:million|billion|trillion|thousand|hundred|hours?|days?|weeks?|months?|years?"
    r"|minutes?|people|times|jobs|votes))?",
    re.IGNORECASE,
)
_NUMBER_WORDS = re.compile(
    r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|a|an|a few|several|dozens of|hundreds of|thousands of|millions of|billions of)\s+"
    r"(?:hundred|thousand|million|billion|trillion|dozen|minutes?|hours?|days?|days’|day's|weeks?|months?"
    r"|years?|decades?|times|people)|(?:half|twice|double|triple|a third|a quarter|two-thirds|"
    r"hundreds|thousands|millions|billions|trillions|dozens)\b)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)s?\b")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DATE = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\b{_MONTH}(?:\s+(?:of\s+)?\d{{4}})?(?=\W)|\b{_WEEKDAY}\b"
)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s?(?:[ap]\.m\.|[AaPp]M\b)(?:\s?(?:[A-Z]{2,4})\b)?")
_RELATIVE_TIME = re.compile(
    r"\b(?:yesterday|today|tonight|this (?:morning|week|month|year)|(?:last|past|next) (?:\w+ )?"
    r"(?:week|weekend|month|year|decade|century|night|\d+ (?:days|weeks|months|years))s?|since \d{4}"
    r"|(?:a|one|two|three|four|five|ten|\d+) (?:days?|weeks?|months?|years?|decades?) ago|so far this \w+)\b",
    re.IGNORECASE,
)
# "voted", "reported" (not "need", "indeed", "agreed"): the simple past of regular verbs.
_REGULAR_PAST = re.compile(r"\b(?!un)[a-z]{3,}(?<![aeiou]e)(?<!ne)ed\b")
_OPENER = re.compile(r"^[^A-Za-z]*([A-Za-z]+)\s*,")
_GOING_TO = re.compile(r"\b(?:going to|gonna)\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_COURTESY_PHRASE = re.compile(r"\b(?:let me|let's|let us|ladies and gentlemen)\b", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”]")
# "Salinas: At this time, ...": a turn of a transcript, the words of the one named.
_TURN = re.compile(r"^[^\s:]+(?:\s+[^\s:]+){0,2}:\s")
# Web addresses, @handles and #hashtags of a post: their digits are no figures, their words no
# names ("https://t.co/AbC123", "#COVID19"). A handle still names who is addressed or quoted.
_SOCIAL = re.compile(r"https?://\S+|\bwww\.\S+|(?<![\w@])[@#]\w+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w+")
_POSSESSIVE = re.compile(r"['’]s?$")
_TRAILING = " \"'”’)]»"
_NOT_NAMES = frozenset({"I", "AM", "PM", *TIME_ZONES})
_CALENDAR = MONTHS | WEEKDAYS
# Ordinary words that a text may write in capitals for emphasis ("our GREAT troops").
_EMPHASIS = SHOUTED | EVALUATIVE | COMPARATIVES | TRENDS
_NAME_BLOCKERS = '"“‘:(—–'
_LINKS = frozenset({"of", "de", "van", "von", "al", "bin"})
# One name: capitalised words, abbreviations ("U.S."), initials ("N.") and "of" or "de" between
# capitalised words.
_NAME_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.|[A-Z][\w’'-]*\.?)"
# A possessive ends a name: "Wisconsin’s Commerce secretary" names Wisconsin, then Commerce.
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:(?<!['’]s)(?<!['’])\s+(?:(?:of|de|van|von|al|bin)\s+)?{_NAME_WORD})*")
ACRONYM_LETTERS = 5
_LOOK_BACK = 64
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.)+$")
SHORT_WORDS = 5
NAMES_COUNTED = 3
LENGTH_COUNTED = 40
QUESTION = "a question, not a statement"
FRAGMENT = "a fragment without a verb, not a statement"
OPINION = "an opinion only, nothing to check"
# Features of a sentence that claims nothing (statements.py): it scores as if it held nothing else.
CLAIMS_NOTHING = frozenset({"question", "fragment", "opinion"})
# Features that give a figure or a time: they lead the model's features.
_FIGURES_AND_TIMES = ("figure", "number_words", "money", "percent", "year", "date", "relative_time")
# What makes a judgement checkable after all ("I think we lost 500 jobs in 2020").
_FACTS = frozenset({*_FIGURES_AND_TIMES, "record", "trend", "comparative", "causal"})


@dataclass(frozen=True)
class Feature:
    name: str
    value: float
    reason: str


@dataclass(frozen=True)
class _Cue:
    """A feature that fires on one of its words (or else its phrase); what fired is named in the reason."""

    name: str
    words: frozenset[str]
    reason: str
    phrase: re.Pattern[str] | None = None


_WORD_CUES = (
    _Cue("comparative", COMPARATIVES, "compares or ranks ({})"),
    _Cue("trend", TRENDS, "says a number changed ({})"),
    _Cue("causal", CAUSAL, "says what caused it ({})"),
    _Cue("record", RECORD_VERBS, "a matter of public record ({})"),
    _Cue("past", PAST_VERBS, "says what happened ({})", _REGULAR_PAST),
    _Cue("measurable", MEASURABLE, "a subject with published figures ({})"),
    _Cue("belief", BELIEFS, "opinion, nothing to check ({})"),
    _Cue("evaluative", EVALUATIVE, "opinion, nothing to check ({})"),
    _Cue("obligation", OBLIGATION, "says what should be, not what is ({})"),
    _Cue("future", FUTURE, "promise or prediction, not checkable yet ({})", _GOING_TO),
    _Cue("hedge", HEDGES, "hedged or hypothetical ({})"),
    _Cue("first_person", FIRST_SINGULAR, "first-person statement ({})"),
    _Cue("we", FIRST_PLURAL, "speaks for a group ({})"),
    _Cue("you", SECOND_PERSON, "addresses the listener ({})"),
    _Cue("third_person", THIRD_PERSON, "about someone else ({})"),
    _Cue("plan", PLANS, "intention or proposal, not a fact ({})"),
    _Cue("courtesy", COURTESY, "courtesy or stage direction ({})", _COURTESY_PHRASE),
)
# Every feature the model may weigh ("length" has no reason: it only calibrates the score).
FEATURE_NAMES = (
    *_FIGURES_AND_TIMES,
    "attributed",
    "reported",
    *(cue.name for cue in _WORD_CUES),
    "names",
    "quote",
    "question",
    "fragment",
    "opinion",
    "exclamation",
    "lead_in",
    "opener",
    "short",
    "length",
    "furniture",
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _parts(token: str) -> tuple[str, ...]:
    """A lower-cased word with its contraction split off: "we'll" -> ("we", "'ll")."""
    lowered = token.lower().replace("’", "'")
    if "'" not in lowered:
        return (lowered,)
    if lowered.endswith("n't"):
        return (lowered[:-3], "n't")
    head, _, tail = lowered.partition("'")
    return (head, f"'{tail}")


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0).strip() if match else None


def _plain_figure(text: str, *taken: re.Match[str] | None) -> str | None:
    """A number that is not a year, part of a date or time, money or a percentage (features of their own)."""
    for match in _FIGURE.finditer(text):
        if any(span and span.start() <= match.start() < span.end() for span in taken):
            continue
        found = match.group(0).strip()
        currency = match.start() > 0 and text[match.start() - 1] in "$€£"
        percent = text[match.end() : match.end() + 9].lower().lstrip().startswith(("%", "percent", "per cent"))
        if not (currency or percent or _YEAR.fullmatch(found)):
            return found
    return None


def _names(text: str) -> list[str]:
    """Named actors and places, each whole ("Kennedy Space Center", "Priya N. Kapoor").

    A run of capitalised words (with initials and a linking "of" inside) is one name. The word
    that opens the sentence or a quotation is capitalised anyway, so it only counts inside a
    longer name and never when it is a common opener ("The", "In"). Capitals that shout ("They
    DECIDED TO STOP") are no name.
    """
    found = []
    for match in _NAME_RUN.finditer(text):
        tokens = [_POSSESSIVE.sub("", token) for token in match.group(0).split()]
        if _shouting(tokens) or _shouted_around(text, match):
            continue
        # A bounded look-back keeps a long run-on text linear.
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()].rstrip()
        if (not before and match.start() <= _LOOK_BACK) or (before and before[-1] in _NAME_BLOCKERS):
            if len(tokens) == 1:
                continue
            while tokens and tokens[0] in SENTENCE_STARTERS:
                tokens.pop(0)
        while tokens and (tokens[-1] in _LINKS or _not_a_name(tokens[-1])):
            tokens.pop()
        while tokens and _not_a_name(tokens[0]):
            tokens.pop(0)
        name = " ".join(tokens)
        if name.rstrip(".") in SENTENCE_STARTERS:
            # "post.In trying", "2. A rise", "...The grandmother": a sentence starts there; "No. 1".
            continue
        left, _, right = name.partition(" of ")
        if right and len(left.split()) > 1:
            # "Priya N. Kapoor of Marlow Inc." is a person and a company; "Bank of America" is one name.
            found += [left, right.rstrip(".")]
        elif name:
            found.append(name if _ABBREVIATION_END.search(name) else name.rstrip("."))
    return found


def _has_social(text: str) -> bool:
    lowered = text.lower()
    return "@" in text or "#" in text or "http" in lowered or "www." in lowered


def _not_a_name(token: str) -> bool:
    """A word no name ends or starts with: "AM", a month, a word in capitals for emphasis ("FALSE")."""
    bare = token.rstrip(".").replace("’", "'").split("'")[0]
    return (
        bare in _NOT_NAMES
        or bare.lower() in _CALENDAR
        or (len(bare) > 1 and bare.isupper() and bare.lower() in _EMPHASIS)
    )


def _shouting(tokens: list[str]) -> bool:
    """Two words in capitals, or one too long for an acronym ("DECIDED"), are shouting, not a name."""
    capitals = [token for token in tokens if sum(char.isalpha() for char in token) > 1 and token.upper() == token]
    return len(capitals) > 1 or any(sum(char.isalpha() for char in token) > ACRONYM_LETTERS for token in capitals)


def _shouted_around(text: str, match: re.Match[str]) -> bool:
    """An all-capitals word beside other all-capitals words is shouting, however short ("TO")."""
    if not any(len(token) > 1 and token.isupper() for token in match.group(0).split()):
        return False
    after = text[match.end() : match.end() + _LOOK_BACK].split(maxsplit=1)
    before = text[max(0, match.start() - _LOOK_BACK) : match.start()].split()
    neighbours = [word for word in (before[-1:] + after[:1]) if any(char.isalpha() for char in word)]
    return any(word.strip(".,;:!?\"'”’").isupper() for word in neighbours)


def _attribution(text: str, tokens: list[str], speaker: str) -> str:
    """Who made the statement, and the words of the sentence that say so.

    A verb is shown only when the sentence has one ("said", not "States" of "United States"): a
    transcript turn ("Brandt: ...") or a quotation that goes on from the sentence before tells
    who speaks, not how, and no "said" is made up for it; a sentence with neither a verb of
    saying nor a quotation ("Hale painted the strike as illegal") is the reporter's framing.
    """
    if speaker.split()[-1] not in text:
        return f"attributed statement ({speaker}, named before)"
    verb = next((token for token in tokens if token in REPORTING_VERBS or token in SAYING_VERBS), None)
    if verb:
        return f"attributed statement ({speaker} {verb})"
    according = _ACCORDING.search(text)
    if according and speaker.split()[-1] in text[according.end() :]:
        return f"attributed statement (according to {speaker})"
    if not (_QUOTE.search(text) or _TURN.match(text) or text.rstrip().endswith(":")):
        # No verb of saying, no quotation, no turn of a transcript and no lead into one: the story
        # tells what they hold in its own words.
        return f"attributed statement ({speaker}, in the reporter's words)"
    return f"attributed statement ({speaker})"


def sentence_features(text: str, speaker: str | None, role: str | None = None) -> list[Feature]:
    """The features of one sentence; ``role`` names the page furniture it is (structure.py), if any."""
    handles = _HANDLE.findall(text) if "@" in text else []
    text = _SOCIAL.sub(lambda tag: " " * len(tag.group(0)), text) if _has_social(text) else text
    tokens = words(text)
    parts = [_parts(token) for token in tokens]
    flat = {part for split in parts for part in split}
    found: list[Feature] = []

    def add(name: str, value: float, reason: str = "") -> None:
        found.append(Feature(name, value, reason))

    date, clock = _DATE.search(text), _CLOCK.search(text)
    if figure := _plain_figure(text, date, clock):
        add("figure", 1.0, f"contains a figure ({figure})")
    if phrase := _first(_NUMBER_WORDS, text):
        add("number_words", 1.0, f"contains a figure ({phrase})")
    if money := _first(_MONEY, text):
        add("money", 1.0, f"amount of money ({money})")
    if percent := _first(_PERCENT, text):
        add("percent", 1.0, f"percentage ({percent})")
    if year := _first(_YEAR, text):
        add("year", 1.0, f"date ({year})")
    if date:
        add("date", 1.0, f"date ({date.group(0).strip().rstrip('.,')})")
    elif clock:
        add("date", 1.0, f"time of day ({clock.group(0).strip()})")
    if when := _first(_RELATIVE_TIME, text):
        add("relative_time", 1.0, f"time reference ({when})")
    if speaker:
        add("attributed", 1.0, _attribution(text, tokens, speaker))
    elif flat & REPORTING_VERBS or _ACCORDING.search(text):
        add("reported", 1.0, "reported speech")
    for cue in _WORD_CUES:
        if not flat.isdisjoint(cue.words):
            word = next(token for token, split in zip(tokens, parts, strict=True) if not cue.words.isdisjoint(split))
        else:
            said = _first(cue.phrase, text) if cue.phrase else None
            if not said:
                continue
            word = said
        add(cue.name, 1.0, cue.reason.format(word))
    if names := _names(text) + handles:
        shown = ", ".join(dict.fromkeys(names[:NAMES_COUNTED]))
        add("names", min(len(names), NAMES_COUNTED) / NAMES_COUNTED, f"names ({shown})")
    if _QUOTE.search(text):
        add("quote", 1.0, "contains a quotation")
    ending = text.rstrip(_TRAILING)
    if is_question(text):
        add("question", 1.0, QUESTION)
    elif is_fragment(text):
        add("fragment", 1.0, FRAGMENT)
    elif is_opinion(text) and _FACTS.isdisjoint(feature.name for feature in found):
        add("opinion", 1.0, OPINION)
    if ending.endswith("!"):
        add("exclamation", 1.0, "exclamation / rhetoric")
    if ending.endswith(":"):
        add("lead_in", 1.0, "introduces what follows")
    if (opener := _OPENER.match(text)) and opener.group(1).lower() in OPENERS:
        add("opener", 1.0, f"conversational opener ({opener.group(1)})")
    if len(text.split()) < SHORT_WORDS:
        add("short", 1.0, "too short to check on its own")
    if role:
        add("furniture", 1.0, role)
    add("length", min(len(tokens), LENGTH_COUNTED) / LENGTH_COUNTED)
    return found
