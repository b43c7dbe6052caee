"""Who said it: speaker attribution for quotes and reported speech.

Looks for a name next to a reporting verb ("Amazon wrote", "said Harkins", "according to the CBO").
A pronoun speaker ("he vowed") resolves to the last named speaker; a sentence that opens a quote
without attribution inherits the speaker of the sentence or introducing line before it.
"""

from __future__ import annotations

import re

from factcheck_tui.core.extraction.lexicon import PRONOUNS, REPORTING_VERBS

_VERBS = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|de|van|von|al|bin|of|the)"
_NAME = rf"(?:[A-Z][\w’'.-]*(?:\s+{_NAME_WORD}){{0,4}})"
_ADVERB = r"(?:\s+(?:also|then|later|previously|initially|first|once|again|repeatedly|\w+ly))?"
_NAME_VERB = re.compile(rf"(?P<name>{_NAME}|\b(?:he|she|they|it|we)\b){_ADVERB}\s+(?P<verb>{_VERBS})\b")
_VERB_NAME = re.compile(rf"\b(?P<verb>{_VERBS})\s+(?P<name>{_NAME})")
_ACCORDING = re.compile(rf"\baccording to (?:the )?(?P<name>{_NAME})")
# Role and title words stripped from the front of a speaker's name ("Analyst Priya Kapoor").
_TITLES = frozenset(
    """ceo cfo coo founder chief policy officer president vice senator sen. rep. representative governor
    gov. mayor minister prime secretary director chairman chairwoman chair spokesman spokeswoman
    spokesperson professor prof. dr. mr. mrs. ms. judge justice general gen. speaker leader former
    commissioner administrator analyst economist researcher scientist expert lawyer attorney sheriff
    lieutenant lt. sgt. sergeant detective inspector councilmember councilman councilwoman deputy
    acting interim senior executive manager candidate activist author editor reporter columnist
    superintendent principal coach the a an in on at after but and when while explaining""".split()
)
_STOP_NAMES = frozenset({"It", "This", "That", "There", "They", "He", "She", "We", "I", "You"})
_OPEN_QUOTE = ("\"", "“")


def _clean(name: str) -> str | None:
    tokens = name.replace("’s", "").split()
    if " of " in f" {name} " and len(name.split(" of ")[0].split()) >= 2:
        # "Priya Kapoor of Marlow Inc." is Priya Kapoor; "Bank of America" stays whole.
        tokens = name.split(" of ")[0].split()
    while tokens and (tokens[0].lower() in _TITLES or tokens[0].endswith(",")):
        tokens.pop(0)
    while tokens and tokens[-1][0].islower():
        tokens.pop()
    cleaned = " ".join(tokens).strip(" ,.")
    if not cleaned or cleaned in _STOP_NAMES or cleaned.lower() in _TITLES:
        return None
    return cleaned


def speaker_in(sentence: str, last_speaker: str | None) -> str | None:
    """The speaker named in one sentence, with pronouns resolved to ``last_speaker``."""
    for pattern in (_NAME_VERB, _VERB_NAME, _ACCORDING):
        for match in pattern.finditer(sentence):
            raw = match.group("name")
            if raw.lower() in PRONOUNS:
                if last_speaker and pattern is _NAME_VERB:
                    return last_speaker
                continue
            name = _clean(raw)
            if name:
                return name
    return None


def attribute(sentences: list[str], block_ids: list[int]) -> list[str | None]:
    """Speakers for a story's sentences in order; ``block_ids`` says which line each one is on."""
    speakers: list[str | None] = []
    last: str | None = None
    quote_speaker: str | None = None
    block_quote: tuple[str, int] | None = None
    quote_open = False
    for index, sentence in enumerate(sentences):
        block = block_ids[index]
        speaker = speaker_in(sentence, last)
        if speaker is None and block_quote and block_quote[1] == block:
            speaker = block_quote[0]
        continues_quote = quote_open and block == block_ids[index - 1]
        if speaker is None and quote_speaker and (sentence.startswith(_OPEN_QUOTE) or continues_quote):
            speaker = quote_speaker
        speakers.append(speaker)
        if speaker:
            last = speaker
        quote_open = _leaves_quote_open(sentence, continues_quote)
        quote_speaker = speaker if speaker and _has_quote(sentence) else None
        if speaker and sentence.rstrip().endswith(":"):
            block_quote = (speaker, block + 1)
        elif block_quote and block_quote[1] < block:
            block_quote = None
    return speakers


def _has_quote(sentence: str) -> bool:
    return any(mark in sentence for mark in ("\"", "“", "”"))


def _leaves_quote_open(sentence: str, started_inside: bool) -> bool:
    """Whether a quotation is still open after this sentence (it continues into the next one)."""
    straight = sentence.count('"')
    curly = sentence.count("“") - sentence.count("”")
    return (straight % 2 == 1) != started_inside if straight else (curly > 0 or (started_inside and curly == 0))
