"""Domain models: the one definition of every record the app stores or shows."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import (
    BaseModel,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from factcheck_tui.core.furniture import is_furniture
from factcheck_tui.core.workflow.evidence_changes import item_history


def utcnow() -> datetime:
    """Timestamps are stored in UTC with a second's precision: readable in the JSON files."""
    return datetime.now(UTC).replace(microsecond=0)


def arrival_time() -> datetime:
    """When a story came in, to the microsecond: the stories lists order stories of one day by
    arrival, and a batch of imports lands several in the same second."""
    return datetime.now(UTC)


class Status(StrEnum):
    """Workflow status of a claim; independent of its verdict."""

    UNREVIEWED = "Unreviewed"
    IN_PROGRESS = "In progress"
    NEEDS_SECOND_REVIEW = "Needs second review"
    DONE = "Done"

    def cycled(self) -> Status:
        members = list(Status)
        return members[(members.index(self) + 1) % len(members)]

    @classmethod
    def parse(cls, text: str) -> Status:
        wanted = " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()
        for member in cls:
            if member.value.casefold() == wanted:
                return member
        raise ValueError(text)


class Origin(StrEnum):
    """How a claim came into the database."""

    EXTRACTED = "extracted"
    MANUAL = "manual"
    IMPORTED = "imported"


class StoryKind(StrEnum):
    ARTICLE = "article"
    ARCHIVE = "archive"


class Evidence(BaseModel):
    id: str
    url: str = ""
    source: str = ""
    note: str = ""
    added_at: datetime = Field(default_factory=utcnow)
    added_by: str = ""


class Change(BaseModel):
    """One field change in a claim's history; ``old`` makes it revertible by undo."""

    at: datetime = Field(default_factory=utcnow)
    by: str
    field: str
    old: Any = None
    new: Any = None
    version: int = 0
    note: str = ""


class Claim(BaseModel):
    id: str
    story_id: str
    number: int
    text: str
    start: int | None = None
    end: int | None = None
    score: float = 0.0
    checkworthy: bool = False
    reasons: list[str] = Field(default_factory=list)
    speaker: str | None = None
    status: Status = Status.UNREVIEWED
    verdict: str | None = None
    conclusion: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    reviewer: str | None = None
    # The desk's side of a claim: who is to check it, who signed off its review (second review),
    # the desk's own labels, and working notes that are never published.
    assignee: str | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    tags: list[str] = Field(default_factory=list)
    notes: str = ""
    history: list[Change] = Field(default_factory=list)
    origin: Origin = Origin.EXTRACTED
    dismissed: bool = False
    # Past fact-checks brought in from an archive: where and when the check was published,
    # its headline, and the rating as the publisher spelled it before mapping onto our scale.
    review_url: str | None = None
    review_title: str | None = None
    reviewed_on: date | None = None
    original_label: str | None = None
    copied_from: str | None = None
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str = ""

    @model_validator(mode="before")
    @classmethod
    def _evidence_history_by_item(cls, data: Any) -> Any:
        """Histories stored before evidence changes were recorded item by item are split as read."""
        return item_history(data)

    @property
    def reviewed(self) -> bool:
        return self.verdict is not None

    @property
    def furniture(self) -> bool:
        """Page furniture (a byline, the outlet's note), unless the reviewer flagged it check-worthy."""
        return not self.checkworthy and is_furniture(self.reasons)

    def document_order(self) -> tuple[float, int]:
        """Claims without a place in the body (added by hand) sort after the extracted ones."""
        return (self.start if self.start is not None else float("inf"), self.number)

    def next_evidence_id(self) -> str:
        used = [int(item.id[1:]) for item in self.evidence if item.id[1:].isdigit()]
        return f"e{max(used, default=0) + 1}"


_PAGE_FIELDS = ("byline", "source_page")


class Story(BaseModel):
    id: str
    title: str
    outlet: str = ""
    url: str = ""
    published: date | None = None
    body: str
    kind: StoryKind = StoryKind.ARTICLE
    source_file: str = ""
    imported_at: datetime = Field(default_factory=arrival_time)
    imported_by: str = ""
    version: int = 1
    byline: str = ""
    # The HTML page the body was read from, as fetched: the text can be derived again offline.
    source_page: str = ""

    @model_serializer(mode="wrap")
    def _without_empty_page_fields(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        """Stories imported from text files are written exactly as before the page fields existed."""
        data = handler(self)
        for name in _PAGE_FIELDS:
            if not data.get(name):
                data.pop(name, None)
        return data

    @property
    def fingerprint(self) -> str:
        """Same text, same fingerprint: how a second import of one article is recognised."""
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()[:16]


class ClaimTally(NamedTuple):
    """What a story's summary counts of one claim. Read from a model, or straight from the claim's
    stored record: a save in a 5,000-claim story then validates only the claims it changes.
    (A tuple: every save makes one per claim of the story.)"""

    # Where the claim stands in the story (``Claim.document_order``): ties go to the first.
    order: tuple[float, int]
    dismissed: bool
    checkworthy: bool
    verdict: str | None
    assignee: str | None
    updated_at: datetime
    version: int
    updated_by: str

    @classmethod
    def of(cls, claim: Claim) -> ClaimTally:
        return cls(
            claim.document_order(),
            claim.dismissed,
            claim.checkworthy,
            claim.verdict,
            claim.assignee,
            claim.updated_at,
            claim.version,
            claim.updated_by,
        )

    @classmethod
    def of_record(cls, row: Any) -> ClaimTally | None:
        """The tally of a stored claim record in the form this app writes; None for anything else
        (a hand-edited record, say), which the caller then validates as a whole."""
        if not isinstance(row, dict):
            return None
        dismissed, checkworthy = row.get("dismissed", False), row.get("checkworthy", False)
        verdict, assignee = row.get("verdict"), row.get("assignee")
        updated_at, version, updated_by = row.get("updated_at"), row.get("version", 1), row.get("updated_by", "")
        start, number = row.get("start"), row.get("number")
        if not (
            (start is None or type(start) is int)
            and type(number) is int
            and type(dismissed) is bool
            and type(checkworthy) is bool
            and (verdict is None or type(verdict) is str)
            and (assignee is None or type(assignee) is str)
            and type(updated_at) is str
            and type(version) is int
            and type(updated_by) is str
        ):
            return None
        try:
            stamp = datetime.fromisoformat(updated_at)
        except ValueError:
            return None
        if stamp.tzinfo is None:
            return None
        order = (start if start is not None else float("inf"), number)
        return cls(order, dismissed, checkworthy, verdict, assignee, stamp, version, updated_by)


class StorySummary(BaseModel):
    """What the stories screen shows of a story, kept in the catalog so it opens fast."""

    id: str
    title: str
    outlet: str = ""
    url: str = ""
    published: date | None = None
    kind: StoryKind = StoryKind.ARTICLE
    imported_at: datetime
    claim_count: int = 0
    checkworthy_count: int = 0
    reviewed_count: int = 0
    verdict_counts: dict[str, int] = Field(default_factory=dict)
    updated_at: datetime
    fingerprint: str = ""
    # Who the live claims are assigned to (sorted, each once) and who saved the story's claims last.
    assignees: list[str] = Field(default_factory=list)
    updated_by: str = ""

    @classmethod
    def of(cls, story: Story, claims: list[Claim]) -> StorySummary:
        return cls.of_tallies(story, [ClaimTally.of(claim) for claim in claims])

    @classmethod
    def of_tallies(cls, story: Story, claims: list[ClaimTally]) -> StorySummary:
        """``claims`` in the story's order (``ClaimTally.order``), as ``of`` takes them."""
        live = [claim for claim in claims if not claim.dismissed]
        verdicts: dict[str, int] = {}
        for claim in live:
            if claim.verdict:
                verdicts[claim.verdict] = verdicts.get(claim.verdict, 0) + 1
        updated = max((claim.updated_at for claim in claims), default=story.imported_at)
        # Times have a second's precision: within one second, the claim changed more often counts as later.
        last = max(claims, key=lambda claim: (claim.updated_at, claim.version), default=None)
        return cls(
            id=story.id,
            title=story.title,
            outlet=story.outlet,
            url=story.url,
            published=story.published,
            kind=story.kind,
            imported_at=story.imported_at,
            claim_count=len(live),
            checkworthy_count=sum(claim.checkworthy for claim in live),
            reviewed_count=sum(claim.checkworthy and claim.verdict is not None for claim in live),
            verdict_counts=verdicts,
            updated_at=max(updated, story.imported_at),
            fingerprint=story.fingerprint,
            assignees=sorted({claim.assignee for claim in live if claim.assignee}, key=str.casefold),
            updated_by=last.updated_by if last is not None else story.imported_by,
        )


class ClaimDigest(BaseModel):
    """The searchable part of a claim, kept in small shards for matching and cross-story lists."""

    id: str
    story_id: str
    text: str
    verdict: str | None = None
    status: Status = Status.UNREVIEWED
    checkworthy: bool = False
    dismissed: bool = False
    # Never offered as a duplicate, like a dismissed claim: a byline or an outlet's note recurs
    # word for word in every story of that outlet. Digests written before it lack it (False).
    furniture: bool = False
    reviewer: str | None = None
    assignee: str | None = None
    review_title: str | None = None
    published: date | None = None
    updated_at: datetime
    version: int = 1

    @classmethod
    def of(cls, story: Story, claim: Claim) -> ClaimDigest:
        return cls(
            id=claim.id,
            story_id=claim.story_id,
            text=claim.text,
            verdict=claim.verdict,
            status=claim.status,
            checkworthy=claim.checkworthy,
            dismissed=claim.dismissed,
            furniture=claim.furniture,
            reviewer=claim.reviewer,
            assignee=claim.assignee,
            review_title=claim.review_title,
            published=claim.reviewed_on or story.published,
            updated_at=claim.updated_at,
            version=claim.version,
        )
