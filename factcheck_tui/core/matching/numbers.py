"""Numbers in one spelling: "three per cent", "3 percent" and "3%" all become ``3 percent``.

Claims recur with their figures written differently ("1.5 million", "1,500,000", "1.5m" in a
tweet), and a figure is among the rarest, most telling words of a claim, so every spelling of
the same quantity must turn into the same token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

UNITS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    word: 10 * (index + 2) for index, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Suffixes glued to a figure: "100k", "$5bn", "2.3tn". A bare "m" is left alone (metres, minutes).
SUFFIX_SCALES = {"k": 1_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen", "₹": "rupee"}

# Starts with a digit (the look-behind comes after it) so that it is found fast in a long text.
_GROUPED = re.compile(r"(\d(?<![\d.]\d)\d{0,2}(?:,\d{3})+)(?![\d,]*\d)")
# After a currency sign a glued "m" is millions: "$750m", "£40m".
_CURRENCY = re.compile(
    r"([$£€¥₹])\s?(\d[\d.]*)(m\b|(?:\s?(?:k|mn|mln|bn|tn|thousand|million|billion|trillion)\b)?)", re.IGNORECASE
)
_LARGE = "(thousand|million|billion|trillion)"
# "half a million", "a quarter of a million", "three quarters of a billion", "2 and a half million".
_FRACTIONS = (
    (
        re.compile(rf"\b(\d+|{'|'.join(list(UNITS)[1:])}) and a half {_LARGE}\b", re.IGNORECASE),
        lambda m: f"{UNITS.get(m.group(1).lower(), m.group(1))}.5 {m.group(2)}",
    ),
    (re.compile(rf"\b(?:a |one )?half (?:a |of a )?{_LARGE}\b", re.IGNORECASE), r"0.5 \1"),
    (re.compile(rf"\b(?:a |one )?quarter (?:of )?a {_LARGE}\b", re.IGNORECASE), r"0.25 \1"),
    (re.compile(rf"\bthree quarters (?:of )?a {_LARGE}\b", re.IGNORECASE), r"0.75 \1"),
)
# No leading \b: a number is met at its first digit anyway, and without it the pattern is found
# several times faster in a long text.
_SUFFIXED = re.compile(r"(\d+(?:\.\d+)?)(k|mn|mln|bn|tn)\b", re.IGNORECASE)


def _figure(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


class _Reader:
    """Reads one run of number words, emitting a figure each time a number ends."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.total = 0.0
        self.current: float | None = None
        self.last = ""  # kind of the previous word: "unit", "tens", "hundred", "scale" or "figure"

    def flush(self) -> None:
        if self.current is not None or self.total:
            self.out.append(_figure(self.total + (self.current or 0.0)))
        self.total, self.current, self.last = 0.0, None, ""

    def word(self, word: str, following: str | None) -> None:
        if word in UNITS or word in TENS:
            value = UNITS.get(word, TENS.get(word, 0))
            kind = "unit" if word in UNITS else "tens"
            # "twenty five", "hundred five", "thousand twenty": continuing; "one two": two numbers.
            joins = self.last in ("hundred", "scale") or (self.last == "tens" and kind == "unit" and value < 10)
            if not joins:
                self.flush()
            self.current = (self.current or 0.0) + value
            self.last = kind
        elif word in SCALES:
            if self.current is None or self.last == "scale":
                # "millions of people", "a thousand" without a count before it: not a figure here.
                self.flush()
                self.out.append(word)
                return
            if word == "hundred":
                self.current *= 100
                self.last = "hundred"
            else:
                self.total += self.current * SCALES[word]
                self.current = None
                self.last = "scale"
        elif word == "and" and self.last in ("hundred", "scale") and following in (*UNITS, *TENS):
            return
        elif word == "a" and following in SCALES:
            self.flush()
            self.current = 1.0
            self.last = "unit"
        elif word[0].isdigit():
            self.flush()
            self.current = float(word)
            self.last = "figure"
        else:
            self.flush()
            self.out.append(word)


NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES])


def _numeric(word: str) -> bool:
    return word in NUMBER_WORDS or word[0].isdigit()


def figures_from_words(words: list[str]) -> list[str]:
    """Lower-case tokens with number words read as figures: ["three", "hundred", "and", "five"]
    -> ["305"]. Words that are no number pass through unchanged."""
    hits = [index for index, word in enumerate(words) if word in NUMBER_WORDS or word[0].isdigit()]
    if not hits:
        return words
    out: list[str] = []
    copied = 0
    size = len(words)
    for position in hits:
        if position < copied:
            continue
        following = words[position + 1] if position + 1 < size else "."
        if words[position][0].isdigit() and not _numeric(following) and following not in ("and", "a"):
            # A lone figure, by far the commonest case: no number words to read.
            out.extend(words[copied:position])
            out.append(_figure(float(words[position])))
            copied = position + 1
            continue
        # A run of number words (with the "and"/"a" that may join them) goes through the reader;
        # everything between runs is copied as it is.
        start = position - 1 if position and words[position - 1] == "a" and words[position] in SCALES else position
        end = position + 1
        while end < size and (_numeric(words[end]) or words[end] in ("and", "a")):
            end += 1
        out.extend(words[copied:start])
        reader = _Reader()
        for index in range(start, end):
            reader.word(words[index], words[index + 1] if index + 1 < end else None)
        reader.flush()
        out.extend(reader.out)
        copied = end
    out.extend(words[copied:])
    return out


def _amount(match: re.Match[str]) -> str:
    amount, scale = match.group(2), match.group(3)
    if scale.lower() == "m":
        amount, scale = _figure(float(amount.rstrip(".")) * 1_000_000), ""
    return f"{amount}{scale} {CURRENCIES[match.group(1)]}"


def spell_amounts(text: str) -> str:
    """Currency amounts and fractions of large numbers in one form ("$5m" -> "5000000 dollar",
    "half a million" -> "0.5 million"), each only when its trigger is in the text."""
    if "$" in text or (not text.isascii() and any(symbol in text for symbol in CURRENCIES)):
        text = _CURRENCY.sub(_amount, text)
    if "alf" in text or "uarter" in text:
        for pattern, replacement in _FRACTIONS:
            text = pattern.sub(replacement, text)
    return text


def plain_figures(text: str) -> str:
    """Grouped digits and glued scales as plain figures ("1,500" -> "1500", "100k" -> "100000"):
    cheap enough to run over a whole archive joined into one text."""
    if "," in text:
        text = _GROUPED.sub(lambda m: m.group(1).replace(",", ""), text)
    return _SUFFIXED.sub(lambda m: _figure(float(m.group(1)) * SUFFIX_SCALES[m.group(2).lower()]), text)


def _is_year(value: float) -> bool:
    return value == int(value) and 1800 <= value <= 2100


def is_year(figure: str) -> bool:
    """A figure that reads as a year ("2019"): it dates a claim rather than measuring something."""
    return len(figure) == 4 and figure.isdigit() and _is_year(float(figure))


# Rounding may move a figure by this share at most: "about 150" for 146, not "20" for 15.
ROUNDING = 0.1


def _rounds_to(precise: float, rounded: float, written: str) -> bool:
    """Is ``rounded`` (spelt ``written``) what ``precise`` becomes at the precision it is written in?"""
    if "." in written:
        step = 10.0 ** -len(written.split(".")[1])
    else:
        step = 10.0 ** (len(written) - len(written.rstrip("0")))
    return abs(precise - rounded) <= min(step / 2, ROUNDING * abs(rounded))


def figures_agree(first: str, second: str) -> bool:
    """The same quantity, perhaps rounded: "4.2" and "4", "146" and "150". Years must be equal."""
    if first == second:
        return True
    try:
        one, two = float(first), float(second)
    except ValueError:
        return False
    if _is_year(one) or _is_year(two):
        return False
    return _rounds_to(one, two, second) or _rounds_to(two, one, first)


# Spans of time in hours, so that "one day's notice" and "24 hours" give the same figure.
HOURS_IN = {
    "hour": 1,
    "hours": 1,
    "day": 24,
    "days": 24,
    "week": 24 * 7,
    "weeks": 24 * 7,
}


_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def figure_spans(words: Sequence[str]) -> list[tuple[str, tuple[int, ...]]]:
    """Each figure of a claim's content words with the positions of the words that spell it, a
    span of time counted in hours ("1 day" → 24, from positions of "1" and "day")."""
    spans: list[tuple[str, tuple[int, ...]]] = []
    for position, word in enumerate(words):
        if not word[0].isdigit():
            continue
        hours = HOURS_IN.get(words[position + 1]) if position + 1 < len(words) else None
        if hours is not None and _PLAIN.fullmatch(word):
            spans.append((_figure(float(word) * hours), (position, position + 1)))
        else:
            spans.append((word, (position,)))
    return spans


def claim_figures(words: Sequence[str]) -> frozenset[str]:
    """The figures of a claim's content words, a span of time counted in hours ("1 day" → 24)."""
    return frozenset(figure for figure, _ in figure_spans(words))
