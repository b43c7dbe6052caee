"""Which claims a reviewer wants: one model for the CLI's flags, the TUI's filters and report scopes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from factcheck_tui.core.config import SavedFilter
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.models import Claim, Status
from factcheck_tui.core.scale import VerdictScale


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
    # Compared by ``normalise_tag`` and ``reviewer_key``: the sets hold those forms.
    tags: frozenset[str] = frozenset()
    assignees: frozenset[str] = frozenset()
    # Reports under second review publish only claims another reviewer approved.
    approved_only: bool = False
    since: date | None = None
    until: date | None = None
    text: str = ""

    @property
    def narrows(self) -> bool:
        """True when the filter picks claims by what was decided about them, not only by being reviewed."""
        return bool(
            self.verdicts
            or self.statuses
            or self.reviewers
            or self.tags
            or self.assignees
            or self.approved_only
            or self.since
            or self.until
        )

    def matches(self, claim: Claim) -> bool:
        return self.miss(claim) is None

    def miss(self, claim: Claim) -> str | None:
        """Why the claim is left out, as a phrase that follows a count ("3 without a verdict"), or
        None when it matches: the first unmet choice, checked in the order a reviewer thinks of them."""
        if self.dismissed is not None and claim.dismissed != self.dismissed:
            return "dismissed" if claim.dismissed else "not dismissed"
        if self.reviewed is not None and claim.reviewed != self.reviewed:
            return "with a verdict" if claim.reviewed else "without a verdict"
        if self.checkworthy_only and not claim.checkworthy:
            return "not check-worthy"
        if self.verdicts and claim.verdict not in self.verdicts:
            return f"with a verdict other than {' or '.join(sorted(self.verdicts))}"
        if self.statuses and claim.status not in self.statuses:
            return f"with a status other than {' or '.join(sorted(status.value for status in self.statuses))}"
        if self.reviewers and reviewer_key(claim.reviewer or "") not in self.reviewers:
            return "reviewed by someone else"
        if self.tags and not self.tags.intersection(claim.tags):
            return f"not tagged {' or '.join(sorted(self.tags))}"
        if self.assignees and reviewer_key(claim.assignee or "") not in self.assignees:
            return "assigned to someone else"
        if self.approved_only and claim.approved_by is None:
            return "not approved by a second reviewer"
        if self.since or self.until:
            day = review_date(claim)
            if day is None or (self.since and day < self.since) or (self.until and day > self.until):
                return "rated outside the chosen dates"
        if self.text:
            haystack = (
                f"{claim.id} {claim.text} {claim.speaker or ''} {claim.verdict or ''} {' '.join(claim.tags)}".casefold()
            )
            if not all(word in haystack for word in self.text.casefold().split()):
                return "not matching the search"
        return None

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
        if self.statuses:
            parts.append(" or ".join(sorted(status.value for status in self.statuses)))
        if self.verdicts:
            parts.append(f"verdict {' or '.join(sorted(self.verdicts))}")
        if self.tags:
            parts.append(f"tagged {' or '.join(sorted(self.tags))}")
        if self.assignees:
            parts.append(f"assigned to {' or '.join(sorted(self.assignees))}")
        if self.text:
            parts.append(f"“{self.text}”")
        return ", ".join(parts) if parts else "all claims"


def reviewer_key(name: str) -> str:
    """How reviewer names compare: case and spacing do not matter."""
    return " ".join(name.split()).casefold()


def normalise_tag(text: str) -> str:
    """Tags are one lower-case word or hyphenated phrase: "Health care" and "health-care" are one tag."""
    tag = "-".join(text.casefold().split())
    if not tag or "," in tag:
        raise InputError(f"{text!r} is not a tag (a word or a hyphenated phrase, no commas)")
    return tag


def choice_filter(
    scale: VerdictScale,
    *,
    tags: Iterable[str] = (),
    assignees: Iterable[str] = (),
    statuses: Iterable[str] = (),
    verdicts: Iterable[str] = (),
    checkworthy: bool = False,
    unreviewed: bool = False,
    search: str = "",
) -> ClaimFilter:
    """A filter from what a reviewer typed (the ``claims`` flags, a saved filter); bad values are InputErrors."""
    try:
        chosen_statuses = frozenset(Status.parse(status) for status in statuses)
    except ValueError as error:
        raise InputError(
            f"unknown status {error.args[0]!r}; choose one of: {', '.join(member.value for member in Status)}"
        ) from None
    return ClaimFilter(
        checkworthy_only=checkworthy,
        reviewed=False if unreviewed else None,
        verdicts=frozenset(scale.resolve(verdict) for verdict in verdicts),
        statuses=chosen_statuses,
        tags=frozenset(normalise_tag(tag) for tag in tags),
        assignees=frozenset(reviewer_key(name) for name in assignees),
        text=search.strip(),
    )


def saved_filter(saved: SavedFilter, scale: VerdictScale) -> ClaimFilter:
    return choice_filter(
        scale,
        tags=saved.tag,
        assignees=saved.assignee,
        statuses=saved.status,
        verdicts=saved.verdict,
        checkworthy=saved.checkworthy,
        unreviewed=saved.unreviewed,
        search=saved.search,
    )
