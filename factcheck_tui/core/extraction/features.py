"""Interpretable features of a sentence; each one that fires also explains itself to the reviewer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck_tui.core.extraction.lexicon import (
    BOILERPLATE,
    CAUSAL,
    COMPARATIVES,
    MONTHS,
    NUMBER_WORDS,
    OPINION,
    REPORTING_VERBS,
    WEEKDAYS,
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FIGURE = re.compile(
    r"(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred"
    r"|hours?|days?|weeks?|months?|years?|minutes?|people|times))?",
    re.IGNORECASE,
)
_NUMBER_PHRASE = re.compile(
    r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|dozens of|hundreds of|thousands of"
    r"|millions of|billions of)\s+)?(?:hundred|thousand|million|billion|trillion|dozen|percent|per cent"
    r"|day|days|hours|weeks|months|years|times|half|twice|double)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_DATE = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:,\s+)?)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|"
    r"Nov\.|Dec\.)\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|\b(?:yesterday|last (?:week|month|year)|next (?:week|month|year))\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class Feature:
    name: str
    value: float
    reason: str


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0).strip() if match else None


def _figure(text: str) -> str | None:
    for match in _FIGURE.finditer(text):
        found = match.group(0).strip()
        if not _YEAR.fullmatch(found):
            return found
    return _first(_NUMBER_PHRASE, text)


def _names(tokens: list[str]) -> list[str]:
    """Capitalised words after the first: a cheap, dependable sign of named actors."""
    return [token for token in tokens[1:] if token[0].isupper() and token.lower() not in MONTHS | WEEKDAYS]


def sentence_features(text: str, speaker: str | None) -> list[Feature]:
    tokens = words(text)
    lowered = [token.lower() for token in tokens]
    lower_set = set(lowered)
    found: list[Feature] = []

    def add(name: str, value: float, reason: str) -> None:
        found.append(Feature(name, value, reason))

    if figure := _figure(text):
        add("figure", 1.0, f"contains a figure ({figure})")
    if date := (_first(_DATE, text) or _first(_YEAR, text)):
        add("date", 1.0, f"date ({date})")
    if speaker:
        verb = next((token for token in tokens if token.lower() in REPORTING_VERBS), "said")
        add("attributed", 1.0, f"attributed statement ({speaker} {verb})")
    elif lower_set & REPORTING_VERBS or "according to" in text.lower():
        add("reported", 1.0, "reported speech")
    if comparative := [token for token in lowered if token in COMPARATIVES or token.endswith("est") and len(token) > 6]:
        add("comparative", 1.0, f"comparative or superlative ({comparative[0]})")
    if causal := [token for token in lowered if token in CAUSAL]:
        add("causal", 1.0, f"causal claim ({causal[0]})")
    if names := _names(tokens):
        add("names", min(len(names), 3) / 3, f"names ({', '.join(dict.fromkeys(names[:3]))})")
    if opinion := [token for token in lowered if token in OPINION]:
        add("opinion", 1.0, f"opinion / no factual content ({opinion[0]})")
    if text.rstrip(" \"'”’)").endswith("?"):
        add("question", 1.0, "a question, not a statement")
    if text.rstrip(" \"'”’)").endswith("!"):
        add("exclamation", 1.0, "exclamation / rhetoric")
    if len(tokens) < 5:
        add("short", 1.0, "too short to check on its own")
    if lower_set & {"i", "me", "my"}:
        add("first_person", 1.0, "first-person statement")
    if any(marker in text.lower() for marker in BOILERPLATE):
        add("boilerplate", 1.0, "boilerplate")
    if _QUOTE.search(text):
        add("quote", 1.0, "contains a quotation")
    add("length", min(len(tokens), 40) / 40, "")
    return found
