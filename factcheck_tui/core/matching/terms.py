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

from factcheck_tui.core.matching.numbers import figures_from_words, plain_figures, spell_amounts

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
        "usa": "american",
        "afghanistan": "afghan",
        "africa": "african",
        "australia": "australian",
        "austria": "austrian",
        "brazil": "brazilian",
        "britain": "british",
        "canada": "canadian",
        "china": "chinese",
        "cuba": "cuban",
        "egypt": "egyptian",
        "england": "english",
        "europe": "european",
        "france": "french",
        "germany": "german",
        "greece": "greek",
        "india": "indian",
        "iran": "iranian",
        "iraq": "iraqi",
        "ireland": "irish",
        "israel": "israeli",
        "italy": "italian",
        "japan": "japanese",
        "korea": "korean",
        "mexico": "mexican",
        "netherlands": "dutch",
        "nigeria": "nigerian",
        "norway": "norwegian",
        "pakistan": "pakistani",
        "palestine": "palestinian",
        "poland": "polish",
        "russia": "russian",
        "scotland": "scottish",
        "spain": "spanish",
        "sweden": "swedish",
        "syria": "syrian",
        "turkey": "turkish",
        "ukraine": "ukrainian",
        "venezuela": "venezuelan",
        "vietnam": "vietnamese",
        "islam": "muslim islamic",
        "christianity": "christian",
        "judaism": "jewish",
        "catholicism": "catholic",
    }.items()
    for adjective in adjectives.split()
}

_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+|\b[\w.-]+\.(?:com|org|net|ly|co)/\S*", re.IGNORECASE)
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
# "U.S.", "US", "USA" and "United States" are one country; "us" in lower case is a stop word.
# These patterns start with a plain character, their look-behinds after it: the regular-expression
# engine then finds them by a fast scan, which matters over a whole archive joined into one text.
_USA = re.compile(r"U(?<=\bU)(?:\.S\.(?:A\.)?|SA?\b|nited States(?: of America)?\b)")
# "U.K.", "p.m.": the match starts at the first full stop ("U" stays), ".K." -> "K ".
_DOTTED = re.compile(r"\.(?<=\b[A-Za-z]\.)(?:[A-Za-z]\.)+")
_POSSESSIVE = re.compile(r"'(?<=\w')s?\b", re.IGNORECASE)
# Joins texts analysed together; a whitespace character of its own, so that no rewrite reaches
# from one text into the next, and a token of its own.
SEPARATOR = "\x1e"
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|\x1e")
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


def stems(words: list[str]) -> list[str]:
    stemmed: list[str] = _STEMMER.stemWords(words)  # PyStemmer has no type information
    return stemmed


def _percent(tokens: list[str]) -> list[str]:
    """ "per cent" and "pct" -> "percent" ("%" was spelt out before tokenising)."""
    out: list[str] = []
    for token in tokens:
        if token == "cent" and out and out[-1] == "per":
            out[-1] = "percent"
        else:
            out.append("percent" if token == "pct" else token)
    return out


def _rewrite_each(text: str) -> str:
    """The rewrites whose triggers few claims have: accents, URLs, tags, amounts, "%"."""
    if not text.isascii():
        text = _fold(text).translate(_APOSTROPHES)
    if "/" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "#" in text or "@" in text:
        text = _TAG.sub(_split_tag, text)
    text = spell_amounts(text)
    if "%" in text:
        text = text.replace("%", " percent ")
    return text


def _rewrite_all(text: str) -> str:
    """The rewrites most claims need, then case folding. Runs over one text or over many joined
    by ``SEPARATOR`` (no rewrite reaches across it), so a whole archive costs a few passes of
    the regular-expression engine over one long string."""
    if "U" in text:
        text = _USA.sub(" USA ", text)
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", text)
    if "'" in text:
        text = _POSSESSIVE.sub("", text)
    return plain_figures(text).casefold()


def _tokens(rewritten: str) -> list[str]:
    tokens = _TOKEN.findall(rewritten)
    if "per" in tokens or "pct" in tokens:
        tokens = _percent(tokens)
    return figures_from_words(tokens)


def words(text: str) -> list[str]:
    """Lower-case words and canonical figures, in order, stop words included."""
    return _tokens(_rewrite_all(_rewrite_each(text.replace(SEPARATOR, " ") if SEPARATOR in text else text)))


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


def content_word(word: str) -> str:
    """The content word a token stands for, or "" for a stop word."""
    return "" if word in STOP_WORDS or word in ATTRIBUTION else _place(word)


def content_words(text: str) -> list[str]:
    """The words that carry meaning, in order (duplicates kept), not yet stemmed."""
    return [content for content in map(content_word, words(text)) if content]


# What each token seen so far stands for: (content word or "", its stem, "u"/"d"/"" for its
# direction). Claims repeat a small vocabulary, so most tokens are looked up, not worked out.
_SEEN: dict[str, tuple[str, str, str]] = {SEPARATOR: (SEPARATOR, SEPARATOR, SEPARATOR)}
_SEEN_MAX = 1_000_000
_DIRECTION_MARKS = {UP: "u", DOWN: "d"}


def _learn(token: str) -> tuple[str, str, str]:
    if len(_SEEN) > _SEEN_MAX:
        _SEEN.clear()
        _SEEN[SEPARATOR] = (SEPARATOR, SEPARATOR, SEPARATOR)
    content = content_word(token)
    seen = _SEEN[token] = (
        content,
        _STEMMER.stemWord(content) if content else "",
        _DIRECTION_MARKS.get(_DIRECTIONS.get(token, 0), ""),
    )
    return seen


def analyse_many(texts: list[str]) -> list[tuple[str, str, int]]:
    """For each text: its content words and their stems (each space-joined) and its direction.

    All texts go through the pipeline together, joined by ``SEPARATOR``: a 100,000-claim archive
    costs a few passes of C code over one long string and one dictionary look-up per token,
    instead of a dozen Python calls per claim."""
    if not texts:
        return []
    joined = f" {SEPARATOR} ".join([_rewrite_each(text) for text in texts])
    if joined.count(SEPARATOR) != len(texts) - 1:
        joined = f" {SEPARATOR} ".join([_rewrite_each(text.replace(SEPARATOR, " ")) for text in texts])
    seen = _SEEN
    infos = [seen.get(token) or _learn(token) for token in _tokens(_rewrite_all(joined))]
    kept = [info for info in infos if info[0]]
    contents = " ".join([info[0] for info in kept]).split(SEPARATOR)
    stemmed = " ".join([info[1] for info in kept]).split(SEPARATOR)
    moves = "".join([info[2] for info in infos]).split(SEPARATOR)
    return [
        (content.strip(), stem_string.strip(), (UP if "u" in move else 0) | (DOWN if "d" in move else 0))
        for content, stem_string, move in zip(contents, stemmed, moves, strict=True)
    ]


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
