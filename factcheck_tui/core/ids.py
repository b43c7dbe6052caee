"""Short, typeable ids a reviewer can read out over chat: story ``k3p9x``, claim ``k3p9x-12``."""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck_tui.core.errors import InputError

# Crockford's base32 leaves out i, l, o and u so that no two characters are confused aloud.
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
STORY_ID_LENGTH = 5
_CONFUSABLE = str.maketrans({"i": "1", "l": "1", "o": "0"})
_CLAIM_ID = re.compile(r"^([0-9a-z]{5})-(\d{1,6})$")


def new_story_id(taken: Callable[[str], bool]) -> str:
    import secrets  # only new stories need it; loading it costs every other command

    while True:
        candidate = "".join(secrets.choice(ALPHABET) for _ in range(STORY_ID_LENGTH))
        if not taken(candidate):
            return candidate


def claim_id(story_id: str, number: int) -> str:
    return f"{story_id}-{number}"


def normalise_id(raw: str) -> str:
    return raw.strip().lower().translate(_CONFUSABLE)


def parse_story_id(raw: str) -> str:
    story_id = normalise_id(raw)
    if len(story_id) != STORY_ID_LENGTH or any(ch not in ALPHABET for ch in story_id):
        raise InputError(f"{raw!r} is not a story id (five letters and digits, like k3p9x)")
    return story_id


def parse_claim_id(raw: str) -> tuple[str, int]:
    match = _CLAIM_ID.match(normalise_id(raw))
    if not match or any(ch not in ALPHABET for ch in match.group(1)):
        raise InputError(f"{raw!r} is not a claim id (a story id, a dash and a number, like k3p9x-12)")
    return match.group(1), int(match.group(2))
