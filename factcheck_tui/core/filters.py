"""Which claims a reviewer wants: one model for the CLI's flags, the TUI's filters and report scopes."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    """Every field that is set narrows the claims; sets match any of their values, dates are inclusive.

    ``reviewed`` is True for claims with a verdict, False for those without, None for both;
    ``dismissed`` likewise (by default dismissed claims are left out).
    """

    checkworthy_only: bool = False
    reviewed: bool | None = None
    dismissed: bool | None = False
    verdicts: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    reviewers: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    text: str = ""

    @property
    def narrows(self) -> bool:
        """True when the filter picks claims by what was decided about them, not only by being reviewed."""
        return bool(self.verdicts or self.statuses or self.reviewers or self.since or self.until)

    def matches(self, claim: Claim) -> bool:
        if self.dismissed is not None and claim.dismissed != self.dismissed:
            return False
        if self.reviewed is not None and claim.reviewed != self.reviewed:
            return False
        if self.checkworthy_only and not claim.checkworthy:
            return False
        if self.verdicts and claim.verdict not in self.verdicts:
            return False
        if self.statuses and claim.status not in self.statuses:
            return False
        if self.reviewers and reviewer_key(claim.reviewer or "") not in self.reviewers:
            return False
        if self.since or self.until:
            day = review_date(claim)
            if day is None or (self.since and day < self.since) or (self.until and day > self.until):
                return False
        if self.text:
            haystack = f"{claim.id} {claim.text} {claim.speaker or ''} {claim.verdict or ''}".casefold()
            return all(word in haystack for word in self.text.casefold().split())
        return True

    def with_text(self, text: str) -> ClaimFilter:
        return replace(self, text=text.strip())

    def describe(self) -> str:
        parts = []
        if self.dismissed:
            parts.append("dismissed")
        if self.checkworthy_only:
            parts.append("check-worthy")
        if self.reviewed is False:
            parts.append("unreviewed")
        if self.verdicts:
            parts.append(f"verdict {' or '.join(sorted(self.verdicts))}")
        if self.text:
            parts.append(f"“{self.text}”")
        return ", ".join(parts) if parts else "all claims"


def reviewer_key(name: str) -> str:
    """How reviewer names compare: case and spacing do not matter."""
    return " ".join(name.split()).casefold()
