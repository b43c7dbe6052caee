"""Who said it, across a story: speakers carried from sentence to sentence and resolved to full names.

``speakers.speaker_in`` reads one sentence. Here the story supplies what one sentence cannot:
"he" or "she" is the person last named; a quotation that goes on, or a block quote after
'..., she said:', is the speaker's who opened it; "Roy" and "the councilwoman" are the full name
the story introduced; a transcript turn ("Wallace: ...") is the person named before the colon;
the narrator or "a male voice" of an ad speaks for whoever ran the ad, and never for the person
the ad quotes. When the story does not say who speaks, the sentence has no speaker rather than a
wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck_tui.core.intake.extraction.lexicon import REPORTING_VERBS, SAYING_VERBS, SENTENCE_STARTERS
from factcheck_tui.core.intake.extraction.speakers import (
    ADVERB,
    MADE_BY,
    NAME,
    OPENING_WORDS,
    PARENTHESES,
    TITLES,
    VERBS,
    after_preposition,
    clean_name,
    organisation,
    outside_quotes,
    person_names,
    speaker_in,
)

_OPEN_QUOTE = ('"', "“")
_CLOSE_QUOTE = re.compile(r"[\"”]")
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b")
# "On Aug. 15, in an interview, he assessed the plan this way:": "he" is the clause's subject.
# "Here is what she had to say:": so is she.
_PRONOUN_CLAUSE = re.compile(r"(?:^|,\s+|\bwhat\s+)(?:[Hh]e|[Ss]he)\s+[a-z]")
# A quotation of four words or more: a title in quotes ("The Choice") is not someone speaking.
_QUOTED_WORDS = re.compile(r"[\"“](?:[^\"“”\s]+\s+){3,}")
# A colon that ends the sentence or opens a quotation: what comes before it introduces a quote.
# 'Hale "missed nine of ten votes ...': a name, then a quotation that goes on the sentence about it.
_QUOTED_PREDICATE = re.compile(r"^(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*\s*[\"“][a-z]")
_COLON_QUOTE = re.compile(r":\s*(?:[\"“]|$)")
# "The Ellery Fund, a group that backed Hale, ...": a sentence about an organisation, set off by a comma.
_NEWSROOM_ASKS = re.compile(
    r"^(?:We|I)\s+(?:also\s+|then\s+|later\s+)?(?:asked|reached|contacted|turned|spoke|talked|interviewed|e-?mailed"
    r"|called|consulted|checked|wrote)\b"
)
_OPENING_GROUP = re.compile(rf"(?:The\s+)?(?P<name>{NAME}),")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_WORD = re.compile(r"[A-Z][\w’'-]+")
_ANY_WORD = re.compile(r"[^\W\d_][\w’'-]*(?:\.\w+)*")
# "Wallace: "Senator, you talked ..."": a turn of an interview transcript.
_TURN = re.compile(r"^(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}):\s+\S")
# Things a person or campaign puts out, which speak for them.
_OUTLETS = (
    r"ad|ads|commercial|mailer|flier|flyer|spot|video|billboard|tweet|post|statement|interview|speech|op-ed"
    r"|letter|e-?mail|release|message|appearance|debate|newsletter|episode|podcast|column|blog|fundraising \w+"
)
_ADS = re.compile(r"\b(?:ad|ads|commercial|mailer|flier|flyer|spot|billboard)\b")
# "The ad says ...", "A recent ad from AFSCME throws Toomey into the mix. It accuses him ...": the ad
# is the subject, and speaks for whoever ran it.
_AD_SUBJECT = re.compile(
    rf"^(?:(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:ad|commercial|mailer|spot|flier|flyer)(?:\s+for\s+(?P<client>{NAME}))?|(?P<it>It)){ADVERB}\s+(?:{VERBS})\b"
)
# "a TV ad", "a Spanish-language ad": where an ad ran, not who ran it.
_MEDIA = frozenset("TV Television Radio Web Online Digital Internet Cable Spanish English Spanish-language".split())
# "In a newly released television ad ..., Republican candidate David Perdue goes after ...".
_LEAD_IN = re.compile(rf"^(?:In|On|During)\s+(?:an?|his|her|their|its|the)\s+[^,]{{0,120}}?\b(?:{_OUTLETS})\b[^,]*,\s+")
# "The Deal campaign put together a 30-second ad", "Trump's television ad": whose ad it is.
_AD_OWNER = re.compile(
    rf"(?:\b(?:[Tt]he|[Aa]n?)\s+(?:new\s+|recent\s+)?(?P<name>{NAME})\s+(?:campaign|camp|(?:\w+\s+)?ad)\b"
    rf"|(?P<owner>{NAME})[’']s\s+(?:\w+\s+){{0,2}}(?:ad|ads|commercial|mailer|campaign|spot)\b)"
)
# '"Hmm," a male voice says.', 'a narrator opens with ...': the voice of an ad, not a person named.
_AD_VOICE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:narrator|announcer|voice|voice-over|voiceover)\b")
# "the councilwoman said", '..., the semi-retired accountant told delegates': a role that stands for
# the person last named. Not "the spokesman" or "an official": those are someone else.
_ROLES = (
    r"senator|congressman|congresswoman|representative|lawmaker|legislator|governor|mayor|councilman"
    r"|councilwoman|councilmember|council member|candidate|nominee|challenger|incumbent|accountant|physician"
    r"|doctor|businessman|businesswoman|billionaire|democrat|republican|commissioner|sheriff|chairman"
    r"|chairwoman|lieutenant governor|attorney general|comptroller|treasurer|assemblyman|assemblywoman"
)
_ROLE_VERB = re.compile(
    rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,3}}?(?P<role>(?i:{_ROLES}))(?:\s*,[^,]{{1,80}},)?{ADVERB}\s+(?:{VERBS}|released|issued)\b"
)
# "Councilwoman Cleta Winslow", "Sen. Chip Roy": the role a story gives a person before the name.
_TITLED = re.compile(
    rf"\b(?P<role>(?i:{_ROLES}|Sen|Rep|Gov))\.?\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,2}})"
)
_ROLE_WORDS = frozenset(word for role in _ROLES.split("|") for word in role.split()) | {"sen", "rep", "gov"}
_LOWER_WORD = re.compile(r"[a-z]+")
# Words for one office: "the congressman" is the person introduced as "Rep."
_SAME_ROLE = {
    "sen": "senator",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "gov": "governor",
    "councilman": "councilmember",
    "councilwoman": "councilmember",
    "council member": "councilmember",
}
# The capitalised words just before a position (a first name before a surname), within a bounded look-back.
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w’'.-]*\s+)+$")
_LOOK_BACK = 64
_SAYING = re.compile(
    rf",\s+(?:{'|'.join(sorted(SAYING_VERBS))}"
    r"|(?:going|went)\s+(?:(?:so|as)\s+far\s+as|on)\s+to\s+(?:say|claim|argue|declare|write|add))\b"
)
# "In response to the bans, Matze hailed ...": a phrase set before the clause and its subject.
_SET_BEFORE = re.compile(rf"^(?:{'|'.join(sorted(OPENING_WORDS))})\b[^,]{{0,100}},\s+(?=[A-Z])")
# A word that looks plural ("Attackers", "Employees", "Reuters"): capitalised at a sentence's start
# only, it is a common noun until the story writes it capitalised elsewhere.
_PLURAL = re.compile(r"[a-z](?<![su'’])s$")
# A headline in title case capitalises every word, so it shows nothing about which words are names.
_TITLE_CASE_SHARE = 0.6


@dataclass
class _People:
    """The people a story names in full, by surname, and how often it names each."""

    by_surname: dict[str, dict[str, int]] = field(default_factory=dict)
    # Per surname, the full name the story gives it most often (ties: the one named first).
    best: dict[str, str] = field(default_factory=dict)
    # The person named most often, by full name or surname: whom the story is about.
    main: str | None = None
    # Per sentence, the people it introduces with a role: [(role, full name)].
    titled: list[list[tuple[str, str]]] = field(default_factory=list)
    # Words the story writes capitalised inside a sentence (names), and words it writes in lower case.
    capitalised: set[str] = field(default_factory=set)
    lower: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, sentences: list[str]) -> _People:
        people = cls()
        for sentence in sentences:
            for name in person_names(sentence):
                counts = people.by_surname.setdefault(name.split()[-1], {})
                counts[name] = counts.get(name, 0) + 1
            people.titled.append(_titled(sentence))
            people._read_case(sentence)
        people.best = {
            surname: max(counts, key=lambda name: counts[name]) for surname, counts in people.by_surname.items()
        }
        mentions: dict[str, int] = {}
        for sentence in sentences:
            for match in _WORD.finditer(sentence):
                full = people.best.get(match.group(0).removesuffix("’s").removesuffix("'s"))
                if full:
                    mentions[full] = mentions.get(full, 0) + 1
        people.main = max(mentions, key=lambda name: mentions[name]) if mentions else None
        return people

    def _read_case(self, sentence: str) -> None:
        words = _ANY_WORD.findall(sentence)
        self.lower.update(word for word in words if word.islower())
        if sum(word[0].isupper() for word in words) > _TITLE_CASE_SHARE * len(words):
            return
        self.capitalised.update(word for word in words[1:] if word[0].isupper())

    def common_word(self, name: str, sentence: str) -> bool:
        """ "Attackers say ...", "Ad says ...": the one word that opens ``sentence``, capitalised only
        for that, and a word the story writes in lower case elsewhere or a plural, is no one's name.
        Acronyms and names written like "PolitiFact" or "AL.com" are names wherever they stand."""
        if (
            " " in name
            or name in self.capitalised
            or not name[1:].islower()
            or not name.isalpha()
            or not re.match(rf"{name}\b(?![’'])", sentence.lstrip(' "“'))
        ):
            return False
        return name.lower() in self.lower or _PLURAL.search(name) is not None

    def in_role(self, role: str, before: int) -> str | None:
        """ "the councilwoman" in sentence ``before``: the person last introduced as one, else the
        person the story is about (whom it goes on to describe: "the semi-retired accountant")."""
        office = _office(role)
        for index in range(before, -1, -1):
            named = [name for title, name in self.titled[index] if title == office]
            if named:
                return named[-1]
        return self.main

    def full(self, name: str) -> str:
        """ "Roy" is "Chip Roy"; a surname shared by two people is the one the story names most.

        A title the name lists missed stays out: "Actress Alyssa Milano" is the Alyssa Milano
        the story names.
        """
        tokens = name.split()
        if len(tokens) == 1:
            return self.best.get(name, name)
        if len(tokens) == 2 or (len(tokens) == 3 and (tokens[0] in SENTENCE_STARTERS or not name.istitle())):
            # "Your Choice Colorado" is a group's name, not "Choice Colorado" with a title.
            return name
        candidates = self.by_surname.get(tokens[-1], {}) if len(tokens) < 4 else {}
        if len(tokens) == 3:
            candidates = {full: count for full, count in candidates.items() if full == " ".join(tokens[-2:])}
        return max(candidates, key=lambda full: candidates[full]) if candidates else name

    def named(self, sentence: str, *, objects: bool = False, full: list[str] | None = None) -> list[tuple[int, str]]:
        """Where the sentence names people who can be its subject (or, with ``objects``, any
        people), by full name or by a surname the story gives in full somewhere. ``full`` are
        the sentence's ``person_names``, when the caller has them already."""
        found: dict[str, int] = {}
        for match in _WORD.finditer(sentence):
            surname = match.group(0).removesuffix("’s").removesuffix("'s")
            if surname in self.by_surname and (objects or not after_preposition(sentence, _run_start(sentence, match))):
                found.setdefault(self.full(surname), match.start())
        for name in person_names(sentence, subjects=not objects) if full is None else full:
            found[name] = min(found.get(name, len(sentence)), sentence.find(name.split()[0]))
        return sorted((position, name) for name, position in found.items())

    def subject(self, sentence: str) -> str | None:
        """The person a sentence is about: the one it opens with ("Romer, whom Obama recruited,
        stood by that"), else the first named in full ("Councilmember Victor Hale, one of ...")."""
        names = person_names(sentence, subjects=True)
        return self.clause_opening(sentence, names) or (names[0] if names else None)

    def clause_opening(self, sentence: str, full: list[str] | None = None) -> str | None:
        """The person a sentence opens with, or its clause after a phrase set before it ("In
        response to the bans, Matze hailed ...")."""
        set_before = _SET_BEFORE.match(sentence)
        return self.opening(sentence, full) or (self.opening(sentence[set_before.end() :]) if set_before else None)

    def pronoun(self, sentence: str, last: str | None) -> str | None:
        """Who "he" or "she" means: "We reached Ramos, and he said" is Ramos; else the person last named."""
        pronoun = _PRONOUN.search(sentence)
        if pronoun is None:
            return last
        before = [name for position, name in self.named(sentence, objects=True) if position < pronoun.start()]
        return before[-1] if before else last

    def opening(self, sentence: str, full: list[str] | None = None) -> str | None:
        """The person a sentence opens with, titles aside ("Sen. Roy said", "Trump made the claim")."""
        named = self.named(sentence, full=full)
        if not named or any(word.lower() not in TITLES for word in sentence[: named[0][0]].split()):
            return None
        return named[0][1]

    def turn(self, sentence: str) -> str | None:
        """The person whose turn a transcript line is ("McCain: ..."), when the story knows them."""
        match = _TURN.match(sentence)
        name = clean_name(match.group("name")) if match else None
        if not name:
            return None
        if name.split()[-1] in self.by_surname:
            return self.full(name.split()[-1])
        return name if person_names(name) == [name] else None

    def lead_in(self, sentence: str, last: str | None) -> str | None:
        """ "In an ad, X ...", "X defended his position, saying ...": X made the statement."""
        match = _LEAD_IN.match(sentence)
        if match:
            # The clause's subject made the statement, never a person it goes on to name: "In a
            # video, he criticized Nelson" is his, "..., the nominee painted John McCain as" not McCain's.
            rest = sentence[match.end() :]
            if _PRONOUN_SUBJECT.match(rest.capitalize()):
                return last
            return self.opening(rest)
        saying = _SAYING.search(sentence)
        if saying:
            before = sentence[: saying.start()]
            if _PRONOUN_SUBJECT.match(before):
                return last
            return _opening_group(before) or self.subject(before)
        return None


def attribute(sentences: list[str], block_ids: list[int]) -> list[str | None]:
    """Speakers for a story's sentences in order; ``block_ids`` says which line each one is on."""
    people = _People.of(sentences)
    speakers: list[str | None] = []
    # Whether each sentence names its speaker itself, rather than taking the one before.
    own: list[bool] = []
    # The person "he" or "she" would mean: the last one named as a speaker or as a subject.
    last: str | None = None
    ad_owner: str | None = None
    about_ad = False  # whether the sentence before is about an ad ("It says ..." is the ad speaking)
    block_quote: tuple[str, int] | None = None
    quote_open = False
    for index, sentence in enumerate(sentences):
        block = block_ids[index]
        continues_quote = quote_open and index > 0 and block == block_ids[index - 1]
        spoken = outside_quotes(PARENTHESES.sub(lambda aside: " " * len(aside.group(0)), sentence), continues_quote)
        voiced = _AD_VOICE.search(spoken) is not None
        speaker = people.turn(sentence) or (ad_owner if voiced else None)
        if speaker is None and not voiced:
            speaker = speaker_in(sentence, people.pronoun(spoken, last), inside_quote=continues_quote)
            role = _ROLE_VERB.search(spoken)
            if speaker is None and role:
                speaker = people.in_role(role.group("role"), index)
            speaker = speaker or people.lead_in(spoken, last)
            ad_speaks = _AD_SUBJECT.match(spoken)
            if speaker is None and ad_speaks and (about_ad or not ad_speaks.group("it")):
                # "A campaign ad for Hale says": Hale's, once the story names him in full.
                client = clean_name(ad_speaks.group("client") or "")
                client = people.full(client) if client else None
                speaker = client if client and " " in client else ad_owner
        if speaker and people.common_word(speaker, spoken):
            speaker = None
        own.append(speaker is not None)
        if speaker is None and block_quote and block_quote[1] == block:
            speaker = block_quote[0]
        # '"Kirk Douglas dead," stated a headline': attributed, to someone the story does not name.
        unnamed = speaker is None and not REPORTING_VERBS.isdisjoint(_LOWER_WORD.findall(spoken))
        inherits = _opens_with_quotation(sentence) or continues_quote
        if speaker is None and not voiced and not unnamed and inherits and index:
            # The quotation goes on, or a new one follows the sentence that named its speaker
            # (or that told what the person last named did: 'She went on. "The last time ..."').
            speaker = speakers[index - 1] or (last if _tells_of(sentences[index - 1], last) else None)
        subject = people.subject(spoken)
        if speaker is None and (_QUOTED_WORDS.search(sentence) or sentence.rstrip().endswith(":")):
            speaker = _introducer(sentence, spoken, last, people)
            own[-1] = speaker is not None
        speakers.append(speaker)
        if speaker and not organisation(speaker) and (speaker.split()[-1] in sentence or subject is None):
            # "he" or "she" is never "the Journal Sentinel": only people become the one last named.
            last = speaker
        elif subject:
            last = subject
        elif _NEWSROOM_ASKS.match(spoken) and len(asked := people.named(spoken, objects=True)) == 1:
            # "We turned to Karlyn Bowman, ...": the one the newsroom asked is the "she" who answers.
            last = asked[0][1]
        if _ADS.search(spoken):
            ad_owner = _owner_of_ad(spoken, people) or (speaker if not voiced else None) or ad_owner
        about_ad = _ADS.search(spoken) is not None
        quote_open = _leaves_quote_open(sentence, continues_quote)
        if speaker and sentence.rstrip().endswith(":"):
            block_quote = (speaker, block + 1)
        elif block_quote and block_quote[1] < block:
            block_quote = None
    _back_to_quotation_start(speakers, own, sentences, block_ids)
    return [people.full(speaker) if speaker else None for speaker in speakers]


def _back_to_quotation_start(
    speakers: list[str | None], own: list[bool], sentences: list[str], block_ids: list[int]
) -> None:
    """'"The fee will fall. Ships will come back," said Brandt.': a quotation of several sentences
    named at its end is Brandt's from its start, whoever spoke in the sentence before it."""
    unnamed: list[int] = []  # the sentences of the open quotation that name no speaker
    inside = False
    for index, sentence in enumerate(sentences):
        continues = inside and index > 0 and block_ids[index] == block_ids[index - 1]
        if not continues:
            unnamed = []
        if not own[index]:
            unnamed.append(index)
        elif unnamed:
            for earlier in unnamed:
                speakers[earlier] = speakers[index]
            unnamed = []
        inside = _leaves_quote_open(sentence, continues)
        if not inside:
            unnamed = []


def _introducer(sentence: str, spoken: str, last: str | None, people: _People) -> str | None:
    """Who quotes in a sentence that leads into a quotation without a reporting verb.

    'He then listed his plans, including, "I will cut taxes ..."' is his; 'Yet there was Evers
    during his speech, issuing this declaration:' and 'Let's review Obama's statement: "..."'
    name one person before the colon, who is the one quoted. In 'Hale "missed nine votes."' the
    quoted words are said of Hale, by someone else.
    """
    colon = _COLON_QUOTE.search(sentence)
    intro = sentence[: colon.start()] if colon else sentence
    if _PRONOUN_SUBJECT.match(sentence) or (colon and _PRONOUN_CLAUSE.search(intro)):
        return last
    if _QUOTED_PREDICATE.match(sentence):
        return None
    opening = people.opening(spoken) or _opening_group(spoken)
    if opening or not colon:
        return opening
    named = {name for _, name in people.named(spoken[: len(intro)])}
    return named.pop() if len(named) == 1 else None


def _opening_group(sentence: str) -> str | None:
    """ "The Ellery Fund, a group that backed Hale, said ..., saying": the fund, not Hale."""
    group = _OPENING_GROUP.match(sentence)
    name = clean_name(group.group("name")) if group else None
    return name if name and organisation(name) else None


def _run_start(sentence: str, surname: re.Match[str]) -> int:
    """Where the name that ends in ``surname`` starts: "with Ellen Brandt" names Brandt after "with"."""
    window = sentence[max(0, surname.start() - _LOOK_BACK) : surname.start()]
    run = _CAPITALISED_BEFORE.search(window)
    return surname.start() - len(window) + run.start() if run else surname.start()


def _titled(sentence: str) -> list[tuple[str, str]]:
    """The people a sentence introduces with a role: [(office, full name)]."""
    if _ROLE_WORDS.isdisjoint(_LOWER_WORD.findall(sentence.lower())):
        # The role pattern is slow to try at every position: most sentences name no role.
        return []
    titled = ((match.group("role"), clean_name(match.group("name"))) for match in _TITLED.finditer(sentence))
    return [(_office(role), name) for role, name in titled if name]


def _office(role: str) -> str:
    word = " ".join(role.lower().rstrip(".").split())
    return _SAME_ROLE.get(word, word)


def _owner_of_ad(spoken: str, people: _People) -> str | None:
    match = _AD_OWNER.search(spoken) or MADE_BY.search(spoken)
    raw = match and (match.groupdict().get("name") or match.groupdict().get("owner"))
    name = clean_name(raw) if raw else None
    return people.full(name) if name and name not in _MEDIA else None


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
