"""The order a story's claims are listed in: as the story tells them, or the most check-worthy first."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from factcheck_tui.core.models import Claim


class ClaimOrder(StrEnum):
    STORY = "story"
    SCORE = "score"

    def describe(self) -> str:
        """How a list says which order it is in."""
        return "by score" if self is ClaimOrder.SCORE else "story order"


def ordered(claims: Iterable[Claim], order: ClaimOrder) -> list[Claim]:
    """``claims`` in ``order``. Sorting is stable and claims arrive in story order, so claims of
    one score stay in the order the story gives them (as do claims of several stories)."""
    listed = list(claims)
    if order is ClaimOrder.SCORE:
        listed.sort(key=lambda claim: -claim.score)
    return listed
