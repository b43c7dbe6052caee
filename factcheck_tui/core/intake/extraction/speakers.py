"""Who said it: speaker attribution for quotes and reported speech.

Looks for a name next to a reporting verb ("Amazon wrote", "Mark Harkins, a senior fellow at
Georgetown University, said", "...," said Harkins.", "according to the CBO"). "He" or "she"
("he vowed") resolves to the person last named, as a speaker or as the subject of a sentence
("Councilmember Victor Hale called the plan ... He said ..."); "we" and "I" are the writer. A
sentence that opens a quotation without attribution inherits the speaker of the sentence or the
introducing line before it.
"""

from __future__ import annotations

import re

from factcheck_tui.core.intake.extraction.lexicon import MONTHS, PRONOUNS, REPORTING_VERBS, SENTENCE_STARTERS, WEEKDAYS

_VERBS = "|".join([r"issued an? (?:statement|release)", *sorted(REPORTING_VERBS, key=len, reverse=True)])
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|de|van|von|al|bin|of|the)"
_NAME = rf"(?:[A-Z][\w’'.-]*(?:\s+{_NAME_WORD}){{0,5}})"
# "has twice said", "also recently wrote": auxiliaries and adverbs between a name and its verb.
_ADVERB = (
    r"(?:\s+(?:has|have|had|also|then|later|previously|initially|first|once|again|repeatedly|twice|often"
    r"|\w+ly)){0,3}"
)
_DAYS = "|".join(day.capitalize() for day in sorted(WEEKDAYS))
_WHEN = rf"(?:\s+(?:on\s+)?(?:{_DAYS}|today|yesterday))?"
# "Mark Harkins, a senior fellow at Georgetown University, said ...": the name before an apposition.
_APPOSITION_VERB = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:(?:an?|the|who|whose|\w+(?:-\w+)?\s+(?:of|at|for|from)|[a-z]+ing)\b|[A-Z]-[A-Z])"
    rf"[^,;:\"“”()]{{0,120}}?,"
    rf"{_ADVERB}\s+(?P<verb>{_VERBS})\b"
)
_NAME_VERB = re.compile(rf"(?P<name>{_NAME}|\b(?:[Hh]e|[Ss]he)\b){_ADVERB}{_WHEN}\s+(?P<verb>{_VERBS})\b")
# "Cornyn's statement added": the statement speaks for its owner.
_OWNER_VERB = re.compile(
    rf"(?P<name>{_NAME})[’']s\s+(?:\w+\s+)?(?:statement|office|campaign|spokesman|spokeswoman|spokesperson|"
    rf"lawyer|attorney|website|account|letter|tweet|post|release|filing|report|ad|ads|mailer|commercial|video"
    rf"|flier|flyer){_ADVERB}\s+(?P<verb>{_VERBS})\b"
)
# "A Your Choice Colorado ad says", "the Putnam campaign said": the ad or campaign speaks for its owner.
_SOURCE_VERB = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+|recent\s+)?(?P<name>{_NAME})\s+(?:campaign\s+|television\s+|TV\s+|radio\s+)?"
    rf"(?:ad|ads|mailer|commercial|campaign|flier|flyer|video){_ADVERB}\s+(?P<verb>{_VERBS}|purports|shows)\b"
)
# '..., said Harkins.' — the name closes the clause; "said Roy's claim" or "says Vitter took" is not it.
# Lower-case role words may stand between the verb and the name ("said union president Carla Mendes").
_ROLE_WORD = r"(?:(?!(?:on|in|at|by|to|for|with|from|during|after|before|that|this|last|next|of|and|but)\b)[a-z]+\s+)"
_VERB_NAME = re.compile(
    rf"\b(?P<verb>{_VERBS})\s+{_ROLE_WORD}{{0,3}}(?P<name>{_NAME})(?![’']s\b)(?=\s*(?:[,.;:!?)]|$))"
)
# "according to House records": the documents are the source, so they stay in its name.
_SOURCE_WORDS = frozenset(
    "records data figures report reports estimates statistics officials documents filings poll polls".split()
)
_SOURCE_NOUNS = rf"(?:\s+(?:{'|'.join(_SOURCE_WORDS)}))?"
_ACCORDING = re.compile(rf"\baccording to (?:the )?(?P<name>{_NAME}{_SOURCE_NOUNS})")
_PATTERNS = (_APPOSITION_VERB, _SOURCE_VERB, _NAME_VERB, _OWNER_VERB, _VERB_NAME, _ACCORDING)
_CUE_WORD = REPORTING_VERBS | {"according", "issued", "purports", "shows"}
_WORDS = re.compile(r"[a-z]+")
# Patterns where the name opens the clause, so a preposition before it makes it no speaker.
_NAME_FIRST = (_APPOSITION_VERB, _NAME_VERB, _OWNER_VERB)
# Role and title words stripped from the front of a speaker's name ("Analyst Priya Kapoor").
_TITLES = frozenset(
    """ceo cfo coo founder chief policy officer president vice senator sen. rep. representative governor
    gov. mayor minister prime secretary director chairman chairwoman chair spokesman spokeswoman
    spokesperson professor prof. dr. mr. mrs. ms. judge justice general gen. speaker leader former
    commissioner administrator analyst economist researcher scientist expert lawyer attorney sheriff
    lieutenant lt. sgt. sergeant detective inspector councilmember councilman councilwoman deputy
    acting interim senior executive manager candidate activist author editor reporter columnist
    superintendent principal coach the a an in on at after but and when while explaining democrat democratic
    republican independent libertarian gop host narrator anchor moderator state u.s. federal assemblyman
    assemblywoman delegate congressman congresswoman councilor alderman nominee challenger incumbent
    commentator pundit contributor correspondent strategist pollster consultant adviser advisor aide
    businessman businesswoman billionaire majority minority house senate whip""".split()
)
# "in Kenya said": a name after a preposition is a place or an object, never the speaker.
_PREPOSITIONS = frozenset("in at from of to for on with by about against into near".split())
_PARTY_TAG = re.compile(r"^[A-Z]-[A-Z]")
_PARENTHESES = re.compile(r"\([^()]{0,80}\)")
# Person names anywhere in a sentence: two to four capitalised words or initials ("Albert I. Jones").
_PERSON = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3}\b")
_STOP_NAMES = frozenset({"It", "This", "That", "There", "They", "He", "She", "We", "I", "You"})
# "..., officials said Sunday." names a day, not a speaker.
_CALENDAR = MONTHS | WEEKDAYS | {"today", "yesterday"}
_OPEN_QUOTE = ('"', "“")
# Words that make a capitalised subject an organisation, which "he" or "she" cannot mean.
_ORGANISATION_WORDS = frozenset(
    """council department office agency authority board committee company corporation inc ltd party
    university college school hospital police court city county state government ministry union
    association institute foundation bank group news times post""".split()
)
_CLOSE_QUOTE = re.compile(r"[\"”]")
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b")
# "On Aug. 15, in an interview, he assessed the plan this way:": "he" is the clause's subject.
_PRONOUN_CLAUSE = re.compile(r"(?:^|,\s+)(?:[Hh]e|[Ss]he)\s+[a-z]")
# A quotation of four words or more: a title in quotes ("The Choice") is not someone speaking.
_QUOTED_WORDS = re.compile(r"[\"“](?:[^\"“”\s]+\s+){3,}")
# Capitalised only because they open the sentence: "Like Apple, Amazon cited ..." has no person
# called "Like Apple" as its subject.
_OPENING_WORDS = frozenset(
    """Like Unlike As After Before In On At By For From With Without Within During Since Until When
    While Where If Although Though Because But And Or So Yet However Despite Under Over About Among
    Between Through Following According Also Instead Meanwhile Later Earlier Last Next""".split()
)


def _clean(name: str) -> str | None:
    tokens = name.replace("’s", "").split()
    if " of " in f" {name} " and len(name.split(" of ")[0].split()) >= 2:
        # "Priya Kapoor of Marlow Inc." is Priya Kapoor; "Bank of America" stays whole.
        tokens = name.split(" of ")[0].split()
    if tokens and tokens[0].lower().split("’")[0].split("'")[0] in PRONOUNS:
        return None
    if any(_PARTY_TAG.match(token) for token in tokens):
        return None
    titles = [index for index, token in enumerate(tokens[:-1]) if token.lower() in _TITLES]
    if titles and titles[-1] < len(tokens) - 1 and tokens[titles[-1] + 1][0].isupper():
        # "Louisiana State University Professor Robert Mann" is Robert Mann.
        tokens = tokens[titles[-1] + 1 :]
    while tokens and (tokens[0].lower() in _TITLES or tokens[0].endswith(",")):
        tokens.pop(0)
        if tokens[:1] == ["of"]:
            # "Governor of Washington Chris Gregoire": the office goes with the title.
            del tokens[:2]
    while tokens and tokens[-1][0].islower() and tokens[-1] not in _SOURCE_WORDS:
        tokens.pop()
    cleaned = " ".join(tokens).strip(" ,.")
    if not cleaned or cleaned in _STOP_NAMES or cleaned.lower() in _TITLES or cleaned.lower() in _CALENDAR:
        return None
    return cleaned


def speaker_in(sentence: str, last_speaker: str | None) -> str | None:
    """The speaker named first in one sentence, with "he" and "she" resolved to ``last_speaker``."""
    found: list[tuple[int, int, str]] = []
    if _CUE_WORD.isdisjoint(_WORDS.findall(sentence.lower())):
        # Every pattern needs a reporting verb or "according to": most sentences stop here.
        return None
    # "Jennifer Shilling (D-La Crosse) tweeted": asides in brackets stand between a name and its verb.
    sentence = _PARENTHESES.sub(lambda aside: " " * len(aside.group(0)), sentence)
    for priority, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(sentence):
            raw = match.group("name")
            if pattern in _NAME_FIRST and _after_preposition(sentence, match.start("name")):
                continue
            name = last_speaker if raw.lower() in ("he", "she") else _clean(raw)
            if name:
                found.append((match.start(), priority, name))
                break
    return min(found)[2] if found else None


def _after_preposition(sentence: str, position: int) -> bool:
    """ "in Kenya", "on the Daily Show": the word before the name (articles aside) is a preposition."""
    before = sentence[max(0, position - 24) : position].split()
    while before and before[-1].lower() in ("the", "a", "an"):
        before.pop()
    return bool(before) and before[-1] in _PREPOSITIONS


def _person_names(sentence: str, *, subjects: bool = False) -> list[str]:
    """Full names of people in a sentence ("Sen. Chip Roy" is Chip Roy; "Fox News" is no person).

    With ``subjects``, only names that can be the subject: none after a preposition ("in an
    interview on KQEN AM").
    """
    names = []
    for match in _PERSON.finditer(sentence):
        if subjects and _after_preposition(sentence, match.start()):
            continue
        tokens = match.group(0).replace("’s", "").replace("'s", "").split()
        while tokens and (tokens[0] in _OPENING_WORDS or tokens[0] in SENTENCE_STARTERS):
            tokens.pop(0)
        name = _clean(" ".join(tokens)) if len(tokens) >= 2 else None
        if name and len(name.split()) >= 2 and not _organisation(name) and not _common_words(name):
            names.append(name)
    return names


def _common_words(name: str) -> bool:
    """ "Republican-controlled House", "Super Tuesday": capitalised, but not a person's name."""
    return any(
        token.lower() in _CALENDAR or any(part[:1].islower() for part in token.split("-")[1:]) for token in name.split()
    )


def _organisation(name: str) -> bool:
    return any(token.lower().strip(".") in _ORGANISATION_WORDS for token in name.split())


def full_names(speakers: list[str | None], sentences: list[str]) -> list[str | None]:
    """Each speaker named by surname alone gets the full name the story introduced: "Roy" is "Chip Roy".

    A surname shared by two people in the story goes to the one it names most often (ties: the
    one named first); a name the story never gives in full stays as it is.
    """
    by_surname: dict[str, dict[str, int]] = {}
    for sentence in sentences:
        for name in _person_names(sentence):
            counts = by_surname.setdefault(name.split()[-1], {})
            counts[name] = counts.get(name, 0) + 1
    resolved = []
    for speaker in speakers:
        candidates = by_surname.get(speaker, {}) if speaker and " " not in speaker else {}
        if candidates:
            speaker = max(candidates, key=lambda name: candidates[name])
        resolved.append(speaker)
    return resolved


def _person_subject(sentence: str) -> str | None:
    """The person a sentence names first ("Councilmember Victor Hale, one of ...": Victor Hale)."""
    names = _person_names(_PARENTHESES.sub("", sentence), subjects=True)
    return names[0] if names else None


def attribute(sentences: list[str], block_ids: list[int]) -> list[str | None]:
    """Speakers for a story's sentences in order; ``block_ids`` says which line each one is on."""
    speakers: list[str | None] = []
    # The person "he" or "she" would mean: the last one named as a speaker or as a subject.
    last: str | None = None
    block_quote: tuple[str, int] | None = None
    quote_open = False
    for index, sentence in enumerate(sentences):
        block = block_ids[index]
        speaker = speaker_in(sentence, last)
        if speaker is None and block_quote and block_quote[1] == block:
            speaker = block_quote[0]
        continues_quote = quote_open and block == block_ids[index - 1]
        if speaker is None and (_opens_with_quotation(sentence) or continues_quote) and index:
            # The quotation goes on, or a new one follows the sentence that named its speaker
            # (or that told what the person last named did: 'She went on. "The last time ..."').
            speaker = speakers[index - 1] or (last if _tells_of(sentences[index - 1], last) else None)
        subject = _person_subject(sentence)
        if speaker is None and (_QUOTED_WORDS.search(sentence) or sentence.rstrip().endswith(":")):
            # 'He then listed his plans, including, "I will cut taxes ..."': the subject quotes.
            if _PRONOUN_SUBJECT.match(sentence) or (
                sentence.rstrip().endswith(":") and _PRONOUN_CLAUSE.search(sentence)
            ):
                speaker = last
            elif subject and sentence.startswith(subject.split()[0]):
                speaker = subject
        speakers.append(speaker)
        if speaker and (speaker.split()[-1] in sentence or subject is None):
            last = speaker
        elif subject:
            last = subject
        quote_open = _leaves_quote_open(sentence, continues_quote)
        if speaker and sentence.rstrip().endswith(":"):
            block_quote = (speaker, block + 1)
        elif block_quote and block_quote[1] < block:
            block_quote = None
    return full_names(speakers, sentences)


def _tells_of(sentence: str, person: str | None) -> bool:
    """Whether a sentence is about ``person``: it opens with "he" or "she", or names them."""
    if not person:
        return False
    return bool(_PRONOUN_SUBJECT.match(sentence)) or (
        re.search(rf"\b{re.escape(person.split()[-1])}\b", sentence) is not None
    )


def _opens_with_quotation(sentence: str) -> bool:
    """'"We will win," ...' opens with a quotation; '"The Choice" doesn't ...' opens with a title."""
    if not sentence.startswith(_OPEN_QUOTE):
        return False
    close = _CLOSE_QUOTE.search(sentence, 1)
    return close is None or sentence[close.start() - 1] in ".,!?…"


def _leaves_quote_open(sentence: str, started_inside: bool) -> bool:
    """Whether a quotation is still open after this sentence (it continues into the next one)."""
    straight = sentence.count('"')
    curly = sentence.count("“") - sentence.count("”")
    return (straight % 2 == 1) != started_inside if straight else (curly > 0 or (started_inside and curly == 0))
