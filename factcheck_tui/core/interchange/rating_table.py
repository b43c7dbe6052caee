"""Common publishers' rating labels, mapped onto the default verdict scale.

Keys are labels as ``normalise_label`` spells them (lower case, no accents, punctuation turned to
spaces); values are labels of the default scale (True, Mostly true, Mixed, Mostly false, False,
Misleading, Missing context, Unverifiable). A newsroom whose own scale spells a verdict differently
still gets a match: an ordered verdict is carried over by its position on the scale.

Deliberately absent, so that they are reported as unmapped rather than guessed: ratings that are
not about truth (PolitiFact's Flip-O-Meter "Full Flop", "Half Flip", "No Flip"; Snopes' "Legend",
"Research in progress"), and "Satire", which says what a piece is, not whether it is true.
"""

from __future__ import annotations

RATING_TABLE: dict[str, str] = {
    # PolitiFact Truth-O-Meter
    "true": "True",
    "mostly true": "Mostly true",
    "half true": "Mixed",
    "mostly false": "Mostly false",
    "false": "False",
    "pants on fire": "False",
    # Snopes
    "mixture": "Mixed",
    "correct attribution": "True",
    "misattributed": "False",
    "miscaptioned": "Misleading",
    "unproven": "Unverifiable",
    "unfounded": "Unverifiable",
    "outdated": "Missing context",
    "fake": "False",
    "scam": "False",
    # AFP, Reuters, Lead Stories and Meta's partner ratings
    "partly false": "Mixed",
    "partly true": "Mixed",
    "partially false": "Mixed",
    "partially true": "Mixed",
    "half truth": "Mixed",
    "misleading": "Misleading",
    "missing context": "Missing context",
    "lacks context": "Missing context",
    "needs context": "Missing context",
    "out of context": "Missing context",
    "photo out of context": "Missing context",
    "video out of context": "Missing context",
    "altered": "False",
    "altered photo": "False",
    "altered video": "False",
    "manipulated": "False",
    "manipulated media": "False",
    "digitally altered": "False",
    "fabricated": "False",
    "hoax": "False",
    "no evidence": "Unverifiable",
    "unverified": "Unverifiable",
    "unsupported": "Unverifiable",
    "unsubstantiated": "Unverifiable",
    "insufficient evidence": "Unverifiable",
    "inconclusive": "Unverifiable",
    # AFP's other languages
    "faux": "False",
    "vrai": "True",
    "trompeur": "Misleading",
    "plutot faux": "Mostly false",
    "plutot vrai": "Mostly true",
    "manque de contexte": "Missing context",
    "falso": "False",
    "verdadero": "True",
    "enganoso": "Misleading",
    "parcialmente falso": "Mixed",
    "sin contexto": "Missing context",
    "falsch": "False",
    "richtig": "True",
    "irrefuhrend": "Misleading",
    "fehlender kontext": "Missing context",
    # Full Fact (its verdicts are short sentences)
    "correct": "True",
    "this is correct": "True",
    "accurate": "True",
    "incorrect": "False",
    "this is incorrect": "False",
    "this is false": "False",
    "wrong": "False",
    "not quite": "Mostly false",
    "this is misleading": "Misleading",
    "overstated": "Mostly false",
    "exaggerated": "Mostly false",
    "we dont know": "Unverifiable",
    "we don t know": "Unverifiable",
    # FactCheck.org style conclusions
    "distorts the facts": "Misleading",
    "spins the facts": "Misleading",
    "cherry picks": "Misleading",
    "cherry picked": "Misleading",
    "not the whole story": "Missing context",
    "baseless": "False",
    "no basis": "False",
    # The Washington Post Fact Checker
    "geppetto checkmark": "True",
    "one pinocchio": "Mostly true",
    "two pinocchios": "Mixed",
    "three pinocchios": "Mostly false",
    "four pinocchios": "False",
    "bottomless pinocchio": "False",
    # Plain English variants
    "mostly correct": "Mostly true",
    "mostly accurate": "Mostly true",
    "largely accurate": "Mostly true",
    "largely true": "Mostly true",
    "mixed": "Mixed",
    "mostly incorrect": "Mostly false",
    "largely false": "Mostly false",
    "unverifiable": "Unverifiable",
}
