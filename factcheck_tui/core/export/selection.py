"""Which claims a report holds: the filters a reviewer can set, and a claim's review date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factcheck_tui.core.models import Claim, Status


def review_date(claim: Claim) -> date | None:
    """The day the claim got its current verdict (in UTC), or when an imported check was published.

    Derived from the claim's own history, so the same data always gives the same date.
    """
    if claim.reviewed_on is not None:
        return claim.reviewed_on
    if claim.verdict is None:
        return None
    for change in reversed(claim.history):
        if change.field == "verdict":
            return change.at.date()
    return claim.updated_at.date()


@dataclass(frozen=True)
class ClaimFilter:
    """Verdict, status and reviewer filters match any of their values; the dates are inclusive."""

    verdicts: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    reviewers: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    include_unreviewed: bool = False
    include_dismissed: bool = False

    @property
    def narrows(self) -> bool:
        """True when the filter picks claims by their content, not only by being reviewed."""
        return bool(self.verdicts or self.statuses or self.reviewers or self.since or self.until)

    def accepts(self, claim: Claim) -> bool:
        if claim.dismissed and not self.include_dismissed:
            return False
        if not claim.reviewed and not self.include_unreviewed:
            return False
        if self.verdicts and claim.verdict not in self.verdicts:
            return False
        if self.statuses and claim.status not in self.statuses:
            return False
        if self.reviewers and (claim.reviewer or "").casefold() not in self.reviewers:
            return False
        if self.since or self.until:
            day = review_date(claim)
            if day is None or (self.since and day < self.since) or (self.until and day > self.until):
                return False
        return True
