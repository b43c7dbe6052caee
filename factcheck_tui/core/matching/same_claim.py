"""Do two newsroom sentences make the same claim, or only share a subject?

The re-ranker learnt from tweets and past checks, where a pair that shares its rare words is
nearly always the same claim. Sentences of a newsroom's own stories are different: one story,
or two stories on one subject, repeat the same people, places and figures in sentences that
claim different things ("8,000 nurses will strike" / "8,000 teachers will strike", "Brandt's post
was flagged" / "The post was flagged"), and such pairs scored as likely duplicates. This check
looks only at two newsroom claims, never at a query against an imported past check, and can
only lower a score: when the sentences disagree on what is claimed, the pair is at most a
possible duplicate (``CEILING``, below the default "likely" mark), worth a look but not marked.

They disagree when:
- **something else is named**: each says a word the other has neither the word, its stem, nor
  a synonym for (WordLlama token vectors, cosine ``SYNONYM``), in the place of a thing (after
  "the", "its", a preposition or a figure, a capitalised name, or opening the sentence).
  Rewordings swap verbs all the time ("wasted"/"spent", "walk out"/"strike"), and token vectors
  cannot tell those from different claims, so only the things named count;
- **one denies what the other says**: one is negated ("has not raised") and the other not,
  while their content words otherwise agree;
- **one says whose it is**: one names an owner ("Brandt's post") that the other does not name
  at all ("The post"): the same subject, but not one claim.

Figures, years and directions that disagree are the re-ranker's own guard (``similarity``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from factcheck_tui.core.matching.terms import content_word, stems, words

# Two words whose token vectors have at least this cosine may stand for each other: "shut" and
# "closed" 0.57, "inmates" and "prisoners" 0.37, "jobless" and "unemployment" 0.34, but "nurses"
# and "teachers" 0.0, "passengers" and "cars" 0.13.
SYNONYM = 0.3
# A pair that disagrees scores at most this: a possible duplicate, not a likely one.
CEILING = 0.85
# Words sharing this many first letters are one word for this check ("councilman"/"council").
PREFIX = 5
# A negated sentence and a plain one contradict only when their content words otherwise agree:
# at most this many of each side's words unexplained by the other.
NEGATION_SLACK = 1

# A thing is named after these: determiners, possessives and prepositions ("to" is left out: it
# comes before verbs as often).
_DETERMINERS = frozenset("the a an its their his her our my your these those each every some any no".split())
_PREPOSITIONS = frozenset("of in on at for from by with about into over under between among per".split())
_THING, _ADDED = "thing", "added"
# Words that qualify the thing named rather than name it: the thing is the word after them
# ("a new logo", "the median homeowner").
_QUALIFIERS = frozenset(
    """new old former current median average typical total annual monthly weekly daily yearly
    last next first second third final previous recent other same whole entire more less many
    much few several larger smaller bigger higher lower only""".split()
)
# Words that stand in for any thing of their kind, so they never name a different one:
# "250,000 visitors" may be restated as "a quarter of a million people".
_GENERIC = frozenset("people person persons individuals others everyone someone anyone".split())
# A place's governing bodies stand for each other in news copy: "the council wasted $2.4 million"
# and "the city spent $2.4 million" are one claim.
_INSTITUTIONS = frozenset(
    "city council town county government administration authorities officials department agency".split()
)
# A day or month added to the other's claim dates it; it does not make another claim of it.
_DATES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december past""".split()
)
# Amounts, shares and spans of time are figures, which the re-ranker's own guard compares:
# "half" and "50 percent", "one day" and "24 hours" are not different things.
_AMOUNTS = frozenset(
    """half halves quarter quarters third thirds fifth fifths tenth percent percentage twice
    double triple times dollar dollars pound pounds euro euros hour hours day days week weeks
    month months year years decade decades""".split()
)
# Function words the index keeps as content (they carry no thing of their own).
_FUNCTION = frozenset("since ago despite like unlike toward towards within across around via whose".split())
_NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor without didn doesn don isn wasn aren weren
    hasn haven hadn won wouldn couldn shouldn cannot cant dont doesnt didnt isnt wasnt""".split()
)
# "Brandt's post": what follows a possessive is a thing, as after "his" (the index drops the "'s").
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
_SAYS = r"(?:said|says|say|told \w+|claimed|claims|claim|argued|argues|added|adds|insisted|insists|wrote|writes)"
_WHO = r"(?P<who>[^,;:\"“”.]{1,40}?)"
# "Reyes said ...", "..., critics say.", "..., said Okoro.", "According to Reyes, ...".
_ATTRIBUTIONS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^\s*{_WHO}\s+{_SAYS}(?:\s+that)?\b",
        rf"[,“”\"]+\s*{_WHO}\s+{_SAYS}\s*\.?\s*$",
        rf"[,“”\"]+\s*{_SAYS}\s+{_WHO}\s*\.?\s*$",
        rf"\b[Aa]ccording to\s+{_WHO}(?:[,.]|$)",
    )
)
_COMPARING = frozenset("than more less fewer".split())
# An owner named as the sentence opens ("Brandt's post was flagged"): whose subject it is.
_OWNER = re.compile(r"^\W*(?:\w+\W+){0,2}?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['\u2019]s\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
_FIGURE = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Sentence:
    """What this check reads of one claim: its content words, their stems, which of them name a
    thing, whether it is negated, and the owners it names."""

    content: tuple[str, ...]
    stems: tuple[str, ...]
    things: frozenset[str]
    # The things that a preposition adds ("in water fees"): a claim of its own when the other
    # sentence says all the rest.
    added: frozenset[str]
    negated: bool
    owners: frozenset[str]
    # The stems of who is said to have made the claim ("Councilman Reyes", "the union").
    speakers: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Sentence:
        return _sentence(text)


@lru_cache(maxsize=4096)
def _sentence(text: str) -> Sentence:
    # Who said it is not what was said: the attribution is read apart, and only explains words.
    speakers = []
    for pattern in _ATTRIBUTIONS:
        speakers += [match.group("who") for match in pattern.finditer(text)]
        text = pattern.sub(" ", text)
    tokens = words(_POSSESSIVE.sub(" his", text))
    # Capitalised words other than the first name people, places and bodies; one before another
    # is a title or a first name ("Mayor Whitfield", "Grace Lindqvist"): the last says who it is.
    capitalised = list(_CAPITALISED.finditer(text))
    titles = {match.group(0).lower() for match in capitalised if _CAPITALISED.match(text, match.end() + 1)}
    names = {match.group(0).lower() for match in capitalised if match.start() > 0} - titles
    content: list[str] = []
    things: set[str] = set()
    added: set[str] = set()
    # Where the next content word stands: in the place of a thing (after a determiner or a
    # figure, or opening the sentence), of a thing added by a preposition, or neither.
    place: str | None = _THING
    for token in tokens:
        word = content_word(token)
        if _FIGURE.search(token) or (place and word in _AMOUNTS):
            place = place or _THING
        elif token in _PREPOSITIONS:
            place = _ADDED
        elif token in _DETERMINERS:
            place = place or _THING
        elif not word or token in _NEGATIONS or word in _FUNCTION or word in _AMOUNTS:
            place = None
        else:
            content.append(word)
            qualifies = word in _QUALIFIERS or token in titles
            if ((place and not qualifies) or token in names) and word not in _GENERIC:
                things.add(word)
                if place is _ADDED and word not in _DATES:
                    added.add(word)
            place = place if qualifies else None
    return Sentence(
        content=tuple(content),
        stems=tuple(stems(content)),
        things=frozenset(things),
        added=frozenset(added),
        negated=_negated(tokens),
        owners=frozenset(owner.lower() for owner in _OWNER.findall(text)),
        speakers=tuple(stems([word for who in speakers for token in words(who) if (word := content_word(token))])),
    )


def _negated(tokens: list[str]) -> bool:
    """Does the sentence deny what it says? A comparison is not a denial: "no city taxes property
    more than Harbor City" says Harbor City taxes it most."""
    return any(token in _NEGATIONS for token in tokens) and not _COMPARING & set(tokens)


# For each of some words, its highest word-vector cosine with any of other words
# (``Encoder.best_similarities``).
Similarities = Callable[[Sequence[str], Sequence[str]], list[float]]


def _unexplained(first: Sentence, second: Sentence) -> list[str]:
    """The content words of ``first`` that ``second`` says neither as such, nor by stem, nor by
    their first letters."""
    other_stems = {*second.stems, *second.speakers}
    prefixes = {stem[:PREFIX] for stem in other_stems if len(stem) >= PREFIX}
    return [
        word
        for word, stem in zip(first.content, first.stems, strict=True)
        if stem not in other_stems and not (len(stem) >= PREFIX and stem[:PREFIX] in prefixes)
    ]


def _without_synonym(own: Sequence[str], other: Sequence[str], similarities: Similarities) -> list[str]:
    institution = any(word in _INSTITUTIONS for word in other)
    return [
        word
        for word, best in zip(own, similarities(own, other), strict=True)
        if best < SYNONYM and not (institution and word in _INSTITUTIONS)
    ]


def differences(first: str, second: str, similarities: Similarities) -> list[str]:
    """How two claims differ in what they claim, one short phrase per difference (none: they
    may be the same claim)."""
    one, two = Sentence.of(first), Sentence.of(second)
    only_one, only_two = _unexplained(one, two), _unexplained(two, one)
    found = []
    named_one = _without_synonym([word for word in only_one if word in one.things], only_two, similarities)
    named_two = _without_synonym([word for word in only_two if word in two.things], only_one, similarities)
    if named_one and named_two:
        found.append(f"names {' '.join(named_one)} / {' '.join(named_two)}")
    elif (len(named_one) == 1 and one.added >= set(named_one) and not only_two) or (
        len(named_two) == 1 and two.added >= set(named_two) and not only_one
    ):
        # One more thing the other does not name at all ("in water fees"); more than one is
        # more likely a fuller account of the same claim.
        found.append(f"only one says what of: {' '.join(named_one or named_two)}")
    if one.negated != two.negated:
        left_one = _without_synonym(only_one, only_two, similarities)
        left_two = _without_synonym(only_two, only_one, similarities)
        if len(left_one) <= NEGATION_SLACK and len(left_two) <= NEGATION_SLACK:
            found.append("one denies what the other says")
    for owners, other in ((one.owners, two), (two.owners, one)):
        found += [f"only one says it is {owner}'s" for owner in sorted(owners) if owner not in other.content]
    return found


def capped(score: float, first: str, second: str, similarities: Similarities, ceiling: float = CEILING) -> float:
    """``score`` of two newsroom claims, at most ``ceiling`` when they claim different things.
    Below the ceiling nothing can change, so the words are only read for a high score."""
    if score <= ceiling or not differences(first, second, similarities):
        return score
    return ceiling
