"""Who said it, in one sentence: a name next to a reporting verb, and the names of people.

Looks for a name next to a reporting verb ("Amazon wrote", "Mark Harkins, a senior fellow at
Georgetown University, said", "...," said Harkins.", "according to the CBO"). "He" or "she"
("he vowed") is the person the caller says was last named; "we" and "I" are the writer.
``story_speakers`` carries speakers across a story.
"""

from __future__ import annotations

import re

from factcheck_tui.core.intake.extraction.lexicon import MONTHS, PRONOUNS, REPORTING_VERBS, SENTENCE_STARTERS, WEEKDAYS

VERBS = "|".join([r"issued an? (?:statement|release)", *sorted(REPORTING_VERBS, key=len, reverse=True)])
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|de|van|von|al|bin|of|for|the|&)"
NAME = rf"(?:[A-Z][\w’'.-]*(?:\s+{_NAME_WORD}){{0,5}})"
# "has twice said", "also recently wrote": auxiliaries and adverbs between a name and its verb.
ADVERB = (
    r"(?:\s+(?:has|have|had|also|then|later|previously|initially|first|once|again|repeatedly|twice|often"
    r"|\w+ly)){0,3}"
)
_DAYS = "|".join(day.capitalize() for day in sorted(WEEKDAYS))
_WHEN = rf"(?:\s+(?:on\s+)?(?:{_DAYS}|today|yesterday))?"
# "Mark Harkins, a senior fellow at Georgetown University, said ...": the name before an apposition.
_APPOSITION_VERB = re.compile(
    rf"(?P<name>{NAME}),\s+(?:(?:[a-z][\w-]*|\w+(?:-\w+)?\s+(?:of|at|for|from))\b|[A-Z]-[A-Z])"
    rf"[^,;:\"“”()]{{0,120}}?,"
    rf"{ADVERB}\s+(?P<verb>{VERBS})\b"
)
_NAME_VERB = re.compile(rf"(?P<name>{NAME}|\b(?:[Hh]e|[Ss]he)\b){ADVERB}{_WHEN}\s+(?P<verb>{VERBS})\b")
# "Cornyn's statement added": the statement speaks for its owner.
_OWNER_VERB = re.compile(
    rf"(?P<name>{NAME})[’']s\s+(?:\w+\s+)?(?:statement|office|campaign|spokesman|spokeswoman|spokesperson|"
    rf"lawyer|attorney|website|account|letter|tweet|post|release|filing|report|ad|ads|mailer|commercial|video"
    rf"|flier|flyer){ADVERB}\s+(?P<verb>{VERBS}|purports|shows)\b"
)
# "A Your Choice Colorado ad says", "the Putnam campaign said": the ad or campaign speaks for its owner.
_SOURCE_VERB = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+|recent\s+)?(?P<name>{NAME})\s+(?:campaign\s+|television\s+|TV\s+|radio\s+)?"
    rf"(?:ad|ads|mailer|commercial|campaign|flier|flyer|video){ADVERB}\s+(?P<verb>{VERBS}|purports|shows)\b"
)
# '..., said Harkins.' — the name closes the clause; "said Roy's claim" or "says Vitter took" is not it.
# Lower-case role words may stand between the verb and the name ("said union president Carla Mendes").
_ROLE_WORD = r"(?:(?!(?:on|in|at|by|to|for|with|from|during|after|before|that|this|last|next|of|and|but|about|against|over|into|toward|towards|like|as)\b)[a-z]+\s+)"
# '..., said Wasserman Schultz in an interview': after "said" or "wrote" the name may go on into when
# or where it was said; after "told" or "asked" a name so followed is the one spoken to.
_VERB_NAME = re.compile(rf"\b(?P<verb>{VERBS})\s+{_ROLE_WORD}{{0,3}}(?P<name>{NAME})(?![’']s\b)(?=\s*(?:[,.;:!?)]|$))")
_VERB_NAME_WHEN = re.compile(
    rf"\b(?:said|says|wrote|writes|added|adds|stated|states)\s+(?P<name>{NAME})(?![’']s\b)"
    rf"(?=\s+(?:in|on|during|at|after|while|last|this)\s)"
)
# "according to House records": the documents are the source, so they stay in its name.
_SOURCE_WORDS = frozenset(
    "records data figures report reports estimates statistics officials documents filings poll polls".split()
)
_SOURCE_NOUNS = rf"(?:\s+(?:{'|'.join(_SOURCE_WORDS)}))?"
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?:the )?(?P<name>{NAME}{_SOURCE_NOUNS})")
# An ad or a post speaks for whoever put it out, never for the person it is about: "says the
# television ad from Citizens for Fair Fees", "A mailer paid for by the Ellery League says", "In a
# post shared by the advocacy group X, workers said".
_MADE = (
    r"(?:ad|ads|commercial|mailer|flier|flyer|spot|video|billboard|post|posts|tweet|e-?mail|letter|release"
    r"|statement|newsletter|meme|image),?\s+(?:(?:paid\s+for|posted|shared|released|sponsored|run|put\s+out"
    rf"|produced|sent|published|written)\s+)?(?:by|from)\s+(?:[a-z][\w-]*\s+){{0,3}}(?P<name>{NAME})"
)
MADE_BY = re.compile(_MADE)
_THE_MADE = rf"(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:[\w-]+\s+){{0,3}}?{_MADE}"
_VERB_MADE_BY = re.compile(rf"\b(?P<verb>{VERBS})\s+{_THE_MADE}")
_MADE_BY_VERB = re.compile(rf"(?:^|[,;]\s+){_THE_MADE}(?:,[^,;:]{{1,80}},)?{ADVERB}\s+(?P<verb>{VERBS})\b")
_CLAIMING = (
    "say|says|said|claim|claims|claimed|state|states|stated|reads|read|purports|alleges|alleged|asserts|warns|insists"
)
# "A Facebook post claimed Pelosi said ...", "Viral posts claim ...", "The post, which Yahoo reports
# duped actors, says ...": a post no one is named as writing makes the claim, not a name inside it.
_UNNAMED_SOURCE_VERB = re.compile(
    r"(?:^|\b(?:[Aa]n?|[Tt]he|[Oo]ne\s+of\s+the|[Ss]ome|[Mm]any|[Ss]everal|[Vv]iral)\s+)(?:[\w-]+\s+){0,3}?"
    r"(?:posts?|memes?|images?|tweets?|e-?mails?|messages?|videos?|blogs?|stories|story|headlines?|websites?"
    r"|articles?|graphics?|photos?|screenshots?)(?:,\s+(?P<aside>[^,;:]{1,100}),)?"
    rf"{ADVERB}\s+(?:{_CLAIMING})\b(?!\s+(?:to|on|by|in|at|from)\b)"
)
# Set before the clause, it names the speaker only when the clause names no one else.
_MADE_BY_LEAD_IN = re.compile(rf"^(?:In|On|Through)\s+{_THE_MADE}[^,;:]{{0,60}},")
_PATTERNS = (
    _APPOSITION_VERB,
    _SOURCE_VERB,
    _NAME_VERB,
    _OWNER_VERB,
    _VERB_NAME,
    _VERB_NAME_WHEN,
    _ACCORDING,
    _VERB_MADE_BY,
    _MADE_BY_VERB,
)
# "RT @EllerySun: Port fees doubled", "@SenMarkHale: ...": a post shared or quoted with its author.
_POSTED_BY = re.compile(r"^(?:RT\s+)?(?P<handle>@\w+):\s")
_CUE_WORD = REPORTING_VERBS | {"according", "issued", "purports", "shows"}
_WORDS = re.compile(r"[a-z]+")
# Patterns where the name opens the clause, so a preposition before it makes it no speaker.
_NAME_FIRST = (_APPOSITION_VERB, _NAME_VERB, _OWNER_VERB)
# Role and title words stripped from the front of a speaker's name ("Analyst Priya Kapoor").
TITLES = frozenset(
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
    businessman businesswoman billionaire majority minority house senate whip marshal bishop major
    captain colonel pastor reverend rev. father actress actor singer rapper comedian musician filmmaker
    entrepreneur historian physician""".split()
)
# "in Kenya said": a name after a preposition is a place or an object, never the speaker.
# Only words that never open a clause: "after Smith said" and "than Paul said" name the speaker.
_PREPOSITIONS = frozenset(
    """in at from of to for on with by about against into near including via among across through throughout
    during within without despite beyond behind toward towards onto upon per over under""".split()
)
# "duped actors like Julia Roberts": names after these are examples, not the sentence's subject.
_EXAMPLES = _PREPOSITIONS | {"like", "than"}
_PARTY_WORDS = frozenset({"democrat", "republican", "independent", "libertarian"})
_PARTY_TAG = re.compile(r"^[A-Z]-[A-Z]")
PARENTHESES = re.compile(r"\([^()]{0,80}\)")
# Person names anywhere in a sentence: two to four capitalised words or initials ("Albert I. Jones").
_PERSON = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,5}\b")
_STOP_NAMES = frozenset(
    {"It", "This", "That", "There", "They", "He", "She", "We", "I", "You", "Let", "Another", "Several"}
)
# "U.S.", "D.C.": initials of a place, never a speaker.
_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?$")
# "..., officials said Sunday." names a day, not a speaker.
_CALENDAR = MONTHS | WEEKDAYS | {"today", "yesterday"}
# Words that make a capitalised subject an organisation, which "he" or "she" cannot mean.
_ORGANISATION_WORDS = frozenset(
    """council department office agency authority board committee company corporation inc ltd party
    university college school hospital police court city county state government ministry union
    association institute foundation bank group news times post show radio network channel station
    magazine journal plan program programme project act politifact bureau administration commission
    service center centre coalition society caucus fund club alliance federation statistics""".split()
)
_QUOTE_MARK = re.compile(r"[\"“”]")
_POSSESSIVE = re.compile(r"(?:[’']s?)$")
_NOUN_AFTER = re.compile(r"\s+(?:from|of|about|by)\b")
_NOUN_LIKE = frozenset("posts reports claims comments remarks notes charges tweets estimates".split())
# "Amazon Employees for Climate Justice": capitalised words that go on with "for" name a group.
_GROUP_GOES_ON = re.compile(r"\s+for\s+(?:the\s+)?[A-Z]")
_CLOSING_AFTER = frozenset(".,!?…")
# Capitalised only because they open the sentence: "Like Apple, Amazon cited ..." has no person
# called "Like Apple" as its subject.
OPENING_WORDS = frozenset(
    """Like Unlike As After Before In On At By For From With Without Within During Since Until When
    While Where If Although Though Because But And Or So Yet However Despite Under Over About Among
    Between Through Following According Also Instead Meanwhile Later Earlier Last Next Hey Dear Oh
    Yes Thanks Welcome Here Did Does Do Is Are Was Were Has Have Had Could Would Should""".split()
)


def clean_name(name: str) -> str | None:
    tokens = name.replace("’s", "").split()
    owner = [token for token in name.split(" of ")[0].split() if token not in SENTENCE_STARTERS]
    if " of " in f" {name} " and len(owner) >= 2 and not organisation(name.split(" of ")[0]):
        # "Priya Kapoor of Marlow Inc." is Priya Kapoor; "Bank of America" stays whole.
        tokens = name.split(" of ")[0].split()
    if tokens and tokens[0].lower().split("’")[0].split("'")[0] in PRONOUNS:
        return None
    if any(_PARTY_TAG.match(token) for token in tokens):
        return None
    while len(tokens) > 1 and tokens[0] in OPENING_WORDS:
        # "So Kaiser said": a capitalised opener is no part of the name.
        tokens.pop(0)
    titles = [index for index, token in enumerate(tokens[:-1]) if token.lower() in TITLES]
    groups = [index for index, token in enumerate(tokens) if token.lower().strip(".") in _ORGANISATION_WORDS]
    if titles and groups and groups[-1] > titles[-1]:
        # "the Ohio Republican Party claimed", "The Republican Party of Florida": an organisation keeps
        # its whole name (but "Louisiana State University Professor Robert Mann" is Robert Mann).
        titles = []
    if titles and titles[-1] < len(tokens) - 1 and tokens[titles[-1] + 1][0].isupper():
        # "Louisiana State University Professor Robert Mann" is Robert Mann.
        tokens = tokens[titles[-1] + 1 :]
    # "the State Department", "Democratic National Committee": an organisation keeps its capitalised words.
    keeps_capitals = organisation(" ".join(tokens))
    while tokens and (tokens[0].lower() in TITLES or tokens[0].endswith(",")):
        if keeps_capitals and tokens[0][0].isupper() and tokens[0] not in SENTENCE_STARTERS | OPENING_WORDS:
            break
        tokens.pop(0)
        if tokens[:1] == ["of"]:
            # "Governor of Washington Chris Gregoire": the office goes with the title.
            del tokens[:2]
    while tokens and tokens[-1][0].islower() and tokens[-1] not in _SOURCE_WORDS:
        tokens.pop()
    cleaned = " ".join(tokens).strip(" ,.")
    if len(tokens) > 1 and tokens[-1].lower() in _PARTY_WORDS:
        # "the Madison Democrat announced": a description, not a name (story_speakers reads the role).
        return None
    if (
        not cleaned
        or cleaned in _STOP_NAMES
        or _INITIALS.match(cleaned)
        or cleaned in SENTENCE_STARTERS
        or cleaned.lower() in TITLES
        or cleaned.lower() in _CALENDAR
    ):
        return None
    return cleaned


def speaker_in(sentence: str, last_speaker: str | None, *, inside_quote: bool = False) -> str | None:
    """The speaker named first in one sentence, with "he" and "she" resolved to ``last_speaker``.

    Only the words outside quotation marks can name the speaker: in '"According to the Treasury,
    ..." Bryan Steil tweeted' the quoted source is Steil's. ``inside_quote`` says that the sentence
    starts inside a quotation opened by an earlier one.
    """
    found: list[tuple[int, int, str]] = []
    if post := _POSTED_BY.match(sentence):
        return post.group("handle")
    if _CUE_WORD.isdisjoint(_WORDS.findall(sentence.lower())):
        # Every pattern needs a reporting verb or "according to": most sentences stop here.
        return None
    # "Jennifer Shilling (D-La Crosse) tweeted": asides in brackets stand between a name and its verb.
    sentence = outside_quotes(PARENTHESES.sub(lambda aside: " " * len(aside.group(0)), sentence), inside_quote)
    for priority, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(sentence):
            raw = match.group("name")
            if pattern in _NAME_FIRST and after_preposition(sentence, match.start("name")):
                continue
            if pattern is _APPOSITION_VERB and raw.split()[0] in OPENING_WORDS:
                # "In Ohio, the rate fell, Smith said": a place set before the clause is no speaker.
                continue
            if pattern is _NAME_VERB and (
                _POSSESSIVE.search(raw)
                or (match.group("verb") in _NOUN_LIKE and _NOUN_AFTER.match(sentence, match.end("verb")))
            ):
                # "Trump's claims were wrong", "Instagram posts from Joel": a noun ("claims", "posts"),
                # which says nothing.
                continue
            name = last_speaker if raw.lower() in ("he", "she") else clean_name(raw)
            if name:
                found.append((match.start(), priority, name))
                break
    unnamed = _UNNAMED_SOURCE_VERB.search(sentence)
    if unnamed and (not found or unnamed.start() <= min(found)[0]):
        # "The website, Sovereignty.net, says": unless a name stands beside it.
        aside = unnamed.group("aside")
        return clean_name(aside) if aside and re.fullmatch(NAME, aside) else None
    if not found and (lead_in := _MADE_BY_LEAD_IN.match(sentence)):
        return clean_name(lead_in.group("name"))
    return min(found)[2] if found else None


def outside_quotes(sentence: str, inside: bool = False) -> str:
    """``sentence`` with the words inside quotation marks blanked out (same length, so positions hold).

    A curly closing mark before any opening one, or a straight mark right after punctuation
    ('... win," Smith said'), shows that the sentence starts inside a quotation.
    """
    first = _QUOTE_MARK.search(sentence)
    if first is None:
        return sentence if not inside else ""
    inside = (
        inside
        or first.group(0) == "”"
        or (first.group(0) == '"' and sentence[first.start() - 1 : first.start()] in _CLOSING_AFTER)
    )
    pieces, cursor = [], 0
    for mark in _QUOTE_MARK.finditer(sentence):
        opens = mark.group(0) == "“" or (mark.group(0) == '"' and not inside)
        if opens == inside:
            # A second opening mark inside a quotation, or a closing one outside: leave it be.
            continue
        text = sentence[cursor : mark.start()]
        pieces.append(" " * len(text) if inside else text)
        pieces.append(mark.group(0))
        cursor = mark.end()
        inside = opens
    rest = sentence[cursor:]
    pieces.append(" " * len(rest) if inside else rest)
    return "".join(pieces)


def after_preposition(sentence: str, position: int, prepositions: frozenset[str] = _PREPOSITIONS) -> bool:
    """ "in Kenya", "on the Daily Show", "with former Mayor Pete Buttigieg": the word before the
    name (articles and titles aside) is a preposition."""
    before = sentence[max(0, position - 32) : position].split()
    while before and before[-1].lower() in TITLES and before[-1].lower() not in prepositions:
        before.pop()
    return bool(before) and before[-1].lower() in prepositions


def person_names(sentence: str, *, subjects: bool = False) -> list[str]:
    """Full names of people in a sentence ("Sen. Chip Roy" is Chip Roy; "Fox News" is no person).

    With ``subjects``, only names that can be the subject: none after a preposition ("in an
    interview on KQEN AM").
    """
    names = []
    for match in _PERSON.finditer(sentence):
        if (subjects and after_preposition(sentence, match.start(), _EXAMPLES)) or _GROUP_GOES_ON.match(
            sentence, match.end()
        ):
            continue
        tokens = match.group(0).replace("’s", "").replace("'s", "").split()
        # "HBO Real Sports With Bryant Gumbel": the person follows the last opening word or acronym.
        cut = [
            index
            for index, token in enumerate(tokens[:-1])
            if token in OPENING_WORDS
            or token in SENTENCE_STARTERS
            or (len(token) > 1 and token.isupper() and token.isalpha())
        ]
        tokens = tokens[cut[-1] + 1 :] if cut else tokens
        if len(tokens) > 3:
            # "Colorado Springs Fire Marshal Brett Lacey": a name is two words, or three with an initial.
            tokens = tokens[-3:] if tokens[-2].endswith(".") else tokens[-2:]
        name = clean_name(" ".join(tokens)) if len(tokens) >= 2 else None
        if name and len(name.split()) >= 2 and not organisation(name) and not _common_words(name):
            names.append(name)
    return names


def _common_words(name: str) -> bool:
    """ "Republican-controlled House", "Super Tuesday": capitalised, but not a person's name."""
    return any(
        token.lower() in _CALENDAR or any(part[:1].islower() for part in token.split("-")[1:]) for token in name.split()
    )


def organisation(name: str) -> bool:
    """ "Journal Sentinel", "Bureau of Justice Statistics": a name with a word organisations use;
    "Citizens for Fair Fees": a name of a group, for a cause."""
    tokens = name.split()
    return "for" in tokens[1:-1] or any(token.lower().strip(".") in _ORGANISATION_WORDS for token in tokens)
