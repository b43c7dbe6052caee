"""Is a speaker a person or an organisation? ClaimReview says which (``Person`` / ``Organization``).

A claim stores its speaker as a name only, so the kind is read from the name: the words
organisations use (the speaker detector's list, and a few of the publisher's own), company
suffixes, acronyms (NRCC, IRS, USA TODAY), groups of people ("Amazon Employees"), and a name of
one word (a person is named by at least a given name and a surname in a report: "Amazon"). An
account's handle (``@transit_desk``, ``@SenMarkHale``) is read by the words it joins.
"""

from __future__ import annotations

import re

from factcheck_tui.core.intake.extraction.speakers import TITLES, organisation

_ORGANISATION_WORDS = frozenset(
    """ministry agency commission company corporation corp co inc incorporated ltd llc llp plc gmbh ag
    sa nv pty limited office authority police university bank institute foundation campaign pac
    senate parliament congress assembly legislature court hospital bureau federation organisation
    organization group club service network trust gop democrats republicans nation enterprises
    holdings industries partners associates employees workers staff officials members voters
    residents supporters critics activists protesters lawmakers researchers scientists experts
    doctors nurses teachers unions officers troops records data statistics report study survey desk
    team newsroom chamber""".split()
)
# A token written in capitals, two letters or more: an acronym ("NRCC", "AFL-CIO", "AT&T").
_ACRONYM = re.compile(r"[A-Z][A-Z&.\-]*[A-Z]\.?")


# Where a handle joins two words: "transit_desk", "SenMarkHale".
_HANDLE_JOINS = re.compile(r"_+|(?<=[a-z0-9])(?=[A-Z])")


def _handle_words(handle: str) -> list[str]:
    return [word.lower() for word in _HANDLE_JOINS.split(handle.lstrip("@")) if word]


def _tokens(name: str) -> list[str]:
    return [token.strip(",;:()'’\"") for token in name.split() if token.strip(",;:()'’\"")]


def is_organisation(name: str) -> bool:
    tokens = _tokens(name)
    if not tokens:
        return False
    if len(tokens) == 1 and tokens[0].startswith("@"):
        return any(word in _ORGANISATION_WORDS or organisation(word) for word in _handle_words(tokens[0]))
    if organisation(name) or any(token.lower().strip(".") in _ORGANISATION_WORDS for token in tokens):
        return True
    # Titles aside: "U.S. Rep. Ann Lee" is a person.
    people = [token for token in tokens if token.lower() not in TITLES and token.lower().strip(".") not in TITLES]
    if any(_ACRONYM.fullmatch(token) for token in people):
        return True
    # "Amazon" is not how a report names a person; "Sen. Paul" is (a title says it is one).
    return len(people) == 1 and len(people) == len(tokens)


def schema_type(name: str) -> str:
    """The schema.org type of a speaker: ``Organization`` or ``Person``."""
    return "Organization" if is_organisation(name) else "Person"
