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
    still even s t d m o y rt via amp dont doesnt didnt isnt arent wasnt werent cant couldnt wont
    wouldnt shouldnt hasnt havent hadnt""".split()
)
# Who said it is not what was said: "X said Y", "Y, X told reporters" and "according to X, Y"
# are one claim, and "said" shared by two unrelated claims is no evidence. Verbs that are part
# of what is claimed stay: "tweeted", "posted", "claimed", "denied", "promised"...
ATTRIBUTION = frozenset(
    """said says say told tells added adds stated states noted notes explained explains asserted
    asserts declared declares insisted insists argued argues replied replies according""".split()
)

# A country's adjective and its name are one term: "Chinese hackers" is "hackers from China".
# American is the USA (see ``_USA``); the adjectives of faiths go with the faith.
PLACE_ADJECTIVES = {
    adjective: place
    for place, adjectives in {
        "usa": "american", "afghanistan": "afghan", "africa": "african", "australia": "australian",
        "austria": "austrian", "brazil": "brazilian", "britain": "british", "canada": "canadian",
        "china": "chinese", "cuba": "cuban", "egypt": "egyptian", "england": "english", "europe": "european",
        "france": "french", "germany": "german", "greece": "greek", "india": "indian", "iran": "iranian",
        "iraq": "iraqi", "ireland": "irish", "israel": "israeli", "italy": "italian", "japan": "japanese",
        "korea": "korean", "mexico": "mexican", "netherlands": "dutch", "nigeria": "nigerian",
        "norway": "norwegian", "pakistan": "pakistani", "palestine": "palestinian", "poland": "polish",
        "russia": "russian", "scotland": "scottish", "spain": "spanish", "sweden": "swedish",
        "syria": "syrian", "turkey": "turkish", "ukraine": "ukrainian", "venezuela": "venezuelan",
        "vietnam": "vietnamese", "islam": "muslim islamic", "christianity": "christian",
        "judaism": "jewish", "catholicism": "catholic",
    }.items()
    for adjective in adjectives.split()
}

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


# Words in quotation marks: curly or straight double quotes, and curly single quotes that open
# after a space ("Did Trump Say ‘Never a Fan’?") so that an apostrophe ("don’t") never opens one.
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"|(?<!\w)‘([^’]+)’(?!\w)")


# A quote often joins two statements: "Crime is down 20 percent, but people don't feel safer."
_CLAUSES = re.compile(r",\s*(?:but|while|although|though|yet)\s+|;\s*", re.IGNORECASE)


def quoted(text: str) -> list[str]:
    """The passages of ``text`` in quotation marks, clause by clause: in news copy, the very words
    of a claim."""
    if '"' not in text and "“" not in text and "‘" not in text:
        return []
    passages = (next(group for group in match.groups() if group) for match in _QUOTED.finditer(text))
    return [clause for passage in passages for clause in _CLAUSES.split(passage)]


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


# Which way a claim says a quantity moved. "Crime is up 8 percent" and "crime is down 20 percent"
# share their words but not their claim. "More" and "less" are left out: "more than 4 percent"
# is a hedge on a figure, not a change.
UP, DOWN = 1, 2
_DIRECTIONS = {
    **dict.fromkeys(
        """up rise rises rising rose risen increase increased increases increasing grow grows grew grown
        growing growth gain gains gained climb climbs climbed jump jumps jumped soar soars soared surge
        surges surged double doubled tripled quadrupled higher highest boost boosted""".split(),
        UP,
    ),
    **dict.fromkeys(
        """down fall falls falling fell fallen drop drops dropped dropping decline declines declined
        declining decrease decreased decreases decreasing shrink shrinks shrank shrunk plunge plunged
        slump slumped cut cuts slash slashed halved reduce reduced lower lowest lose loses lost loss""".split(),
        DOWN,
    ),
}


def direction(all_words: list[str]) -> int:
    """UP, DOWN, both (UP | DOWN) or 0, from the words of a text (stop words included: "up")."""
    found = 0
    for word in all_words:
        found |= _DIRECTIONS.get(word, 0)
    return found


def _place(word: str) -> str:
    if word[-1] == "s" and word[:-1] in PLACE_ADJECTIVES:  # "Americans", "Muslims"
        return PLACE_ADJECTIVES[word[:-1]]
    return PLACE_ADJECTIVES.get(word, word)


def content_words(text: str) -> list[str]:
    """The words that carry meaning, in order (duplicates kept), not yet stemmed."""
    return content_of(words(text))


def content_of(all_words: list[str]) -> list[str]:
    return [_place(word) for word in all_words if word not in STOP_WORDS and word not in ATTRIBUTION]


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
