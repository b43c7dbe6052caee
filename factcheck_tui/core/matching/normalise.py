"""From claim or tweet text to the content words that matching compares.

Both sides of a comparison go through the same steps, so that what differs only in spelling
compares equal: Unicode forms, case, quotes and dashes, URLs, @mentions and #HashTags (split at
their capitals), figures and number words, possessives, stop words and word endings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

from factcheck_tui.core.matching.numbers import figures_from_words, normalise_numbers

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren as at be because been before
    being below between both but by can cannot could couldn did didn do does doesn doing don down
    during each either else ever every few for from further had hadn has hasn have haven having he
    her here hers herself him himself his how i if in into is isn it its itself just let ll me
    might more most must mustn my myself neither no nor not now of off on once only or other ought
    our ours ourselves out over own re same shall shan she should shouldn so some such than that
    the their theirs them themselves then there these they this those though through to too under
    until up upon us ve very was wasn we were weren what when where whether which while who whom
    whose why will with won would wouldn yet you your yours yourself yourselves also just really
    still even s t d m o y rt via amp""".split()
)

_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+|\b[\w.-]+\.(?:com|org|net|ly|co)/\S*", re.IGNORECASE)
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
# "U.S.", "US", "USA" and "United States" are one country; "us" in lower case is a stop word.
_USA = re.compile(r"\bU\.S\.(?:A\.)?|\bUSA?\b|\bUnited States(?: of America)?\b")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_POSSESSIVE = re.compile(r"(?<=\w)'s?\b", re.IGNORECASE)
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_STEMMER = Stemmer.Stemmer("english")


def _split_tag(match: re.Match[str]) -> str:
    # "#AustralianFires" -> "Australian Fires"; "@realDonaldTrump" -> "real Donald Trump".
    return " " + _CAMEL.sub(" ", match.group(1).replace("_", " ")) + " "


def _fold(text: str) -> str:
    """Compatibility forms and accents folded: "ﬁ" -> "fi", "é" -> "e", full-width digits -> ASCII."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def stems(words: list[str]) -> list[str]:
    return _STEMMER.stemWords(words)


def _percent(tokens: list[str]) -> list[str]:
    """ "per cent" and "pct" -> "percent" ("%" was spelt out before tokenising)."""
    out: list[str] = []
    for token in tokens:
        if token == "cent" and out and out[-1] == "per":
            out[-1] = "percent"
        else:
            out.append("percent" if token == "pct" else token)
    return out


def words(text: str) -> list[str]:
    """Lower-case words and canonical figures, in order, stop words included."""
    # Each rewrite runs only when its trigger character is present: most claims need few of them.
    if not text.isascii():
        text = _fold(text).translate(_APOSTROPHES)
    if "/" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "#" in text or "@" in text:
        text = _TAG.sub(_split_tag, text)
    if "U" in text:
        text = _USA.sub(" USA ", text)
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", text)
    if "'" in text:
        text = _POSSESSIVE.sub("", text)
    text = normalise_numbers(text).replace("%", " percent ")
    tokens = _TOKEN.findall(text.casefold())
    if "per" in tokens or "pct" in tokens:
        tokens = _percent(tokens)
    return figures_from_words(tokens)


def content_words(text: str) -> list[str]:
    """The words that carry meaning, in order (duplicates kept), not yet stemmed."""
    return [word for word in words(text) if word not in STOP_WORDS]


def content_terms(text: str) -> list[str]:
    """The stems of the words that carry meaning, in order (duplicates kept)."""
    return stems(content_words(text))


def canonical(terms: list[str] | tuple[str, ...]) -> str:
    """One comparable string: the sorted distinct stems (word order no longer matters)."""
    return " ".join(sorted(set(terms)))


GRAM = 4


@lru_cache(maxsize=200_000)
def word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(padded[i : i + GRAM] for i in range(max(1, len(padded) - GRAM + 1)))


def char_grams(content_words: list[str] | tuple[str, ...]) -> list[str]:
    """Character 4-grams of each word, padded at its edges: "wildfires" shares grams with
    "wildfire" and "#wildfireseason" where whole words would not."""
    return [gram for word in content_words for gram in word_grams(word)]
