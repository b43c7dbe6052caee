"""What matching hands to the front ends: ranked matches, clusters and reviewers' link decisions."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from factcheck_tui.core.models import utcnow


class Level(StrEnum):
    """How sure matching is: a "possible" duplicate is shown, a "likely" one is marked."""

    POSSIBLE = "possible"
    LIKELY = "likely"


# What each level tells a reviewer, in words the match listing and the duplicates pane share.
# The figures behind them are in the README (bench/eval_matching.py).
LIKELY_MEANING = "almost always the same claim, perhaps in other words: marked ◆"
POSSIBLE_MEANING = "often the same claim reworded, sometimes only the same subject: worth a look"
WEAK_MEANING = "shares words or a subject; seldom the same claim: listed only when you search"
MEANINGS = (LIKELY_MEANING, POSSIBLE_MEANING, WEAK_MEANING)


def level_name(score: float, possible: float, likely: float) -> str:
    """ "likely", "possible" or "weak", as people read a score (``--json`` keeps the two levels)."""
    return "likely" if score >= likely else "possible" if score >= possible else "weak"


def level_meaning(score: float, possible: float, likely: float) -> str:
    """One line saying what a score's level means: "possible: often the same claim reworded, …"."""
    name = level_name(score, possible, likely)
    return f"{name}: {dict(zip(('likely', 'possible', 'weak'), MEANINGS, strict=True))[name]}"


def level_meanings(possible: float, likely: float) -> list[tuple[str, str]]:
    """(level with its score range, what it means), strongest first."""
    ranges = (f"likely (≥ {likely:.2f})", f"possible ({possible:.2f}–{likely:.2f})", f"weak (< {possible:.2f})")
    return list(zip(ranges, MEANINGS, strict=True))


class Decision(StrEnum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class ClaimRef(BaseModel):
    """An indexed claim as lists show it: where it was said, when, and what was found."""

    model_config = ConfigDict(frozen=True)

    claim_id: str
    story_id: str
    text: str
    verdict: str | None = None
    published: date | None = None
    story_title: str = ""
    outlet: str = ""
    archive: bool = False
    review_title: str | None = None


# A claim in a duplicate cluster carries no more than the reference.
ClusterMember = ClaimRef


class Match(ClaimRef):
    """One earlier claim that may be the same as the one asked about."""

    score: float
    level: Level
    # Set when a reviewer confirmed that this pair is the same claim.
    confirmed: bool = False

    def json_record(self) -> dict[str, object]:
        """The shape named in the issue for ``factcheck match --json``."""
        return {
            "claim_id": self.claim_id,
            "story_id": self.story_id,
            "text": self.text,
            "score": round(self.score, 4),
            "level": self.level.value,
            "verdict": self.verdict,
        }


class Cluster(BaseModel):
    """Claims in different stories that say the same thing, joined by likely or confirmed links."""

    model_config = ConfigDict(frozen=True)

    members: list[ClusterMember]
    # The weakest link that holds the cluster together (1.0 when every link was confirmed).
    score: float

    @property
    def story_ids(self) -> list[str]:
        return sorted({member.story_id for member in self.members})

    @property
    def verdicts(self) -> list[str]:
        return sorted({member.verdict for member in self.members if member.verdict})


class LinkDecision(BaseModel):
    """A reviewer's answer to "are these two the same claim?", with who and when."""

    claim_id: str
    other_id: str
    decision: Decision
    by: str
    at: datetime = Field(default_factory=utcnow)
    score: float | None = None
    note: str = ""
