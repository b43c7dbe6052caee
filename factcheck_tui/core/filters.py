"""Which claims a reviewer wants to see; the CLI's flags and the TUI's filters are the same thing."""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck_tui.core.models import Claim


@dataclass(frozen=True)
class ClaimFilter:
    checkworthy_only: bool = False
    unreviewed_only: bool = False
    verdict: str | None = None
    text: str = ""

    def matches(self, claim: Claim) -> bool:
        if self.checkworthy_only and not claim.checkworthy:
            return False
        if self.unreviewed_only and claim.reviewed:
            return False
        if self.verdict is not None and claim.verdict != self.verdict:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = f"{claim.id} {claim.text} {claim.speaker or ''} {claim.verdict or ''}".casefold()
            return all(word in haystack for word in needle.split())
        return True

    def with_text(self, text: str) -> ClaimFilter:
        return replace(self, text=text.strip())

    def describe(self) -> str:
        parts = []
        if self.checkworthy_only:
            parts.append("check-worthy")
        if self.unreviewed_only:
            parts.append("unreviewed")
        if self.verdict:
            parts.append(f"verdict {self.verdict}")
        if self.text:
            parts.append(f"“{self.text}”")
        return ", ".join(parts) if parts else "all claims"
