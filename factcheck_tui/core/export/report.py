"""What a report holds: the selected stories and their chosen claims, in a fixed order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck_tui.core.ids import parse_story_id
from factcheck_tui.core.matching.results import LinkDecision
from factcheck_tui.core.models import Claim, Story, StoryKind
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.filters import ClaimFilter


@dataclass(frozen=True)
class StoryReport:
    story: Story
    claims: list[Claim]
    checkworthy_count: int

    @property
    def reviewed_count(self) -> int:
        return sum(claim.reviewed for claim in self.claims)

    @property
    def verdict_counts(self) -> list[tuple[str, int]]:
        counts = Counter(claim.verdict for claim in self.claims if claim.verdict)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@dataclass(frozen=True)
class Report:
    stories: list[StoryReport]
    scale: VerdictScale
    # Reviewers' decisions on duplicate pairs among the reported claims (the JSON backup keeps them).
    links: list[LinkDecision] = field(default_factory=list)

    @property
    def claim_count(self) -> int:
        return sum(len(section.claims) for section in self.stories)

    @property
    def reviewed_count(self) -> int:
        return sum(section.reviewed_count for section in self.stories)

    def claims(self) -> list[tuple[Story, Claim]]:
        return [(section.story, claim) for section in self.stories for claim in section.claims]


def build_report(
    repo: Repository,
    scale: VerdictScale,
    story_ids: Sequence[str] = (),
    *,
    include_unreviewed: bool = False,
    claim_filter: ClaimFilter | None = None,
    include_archives: bool = False,
) -> Report:
    """Stories in publication order (then title), each with its chosen claims in document order.

    Named stories are always listed, even with nothing chosen in them. Without names every article
    story is a candidate (archives of imported checks too with ``include_archives``); when the
    filter narrows by verdict, status, reviewer or date, stories left with no claim are dropped.
    ``include_unreviewed`` is the short form of ``ClaimFilter(reviewed=None)``.
    """
    claim_filter = claim_filter or ClaimFilter(reviewed=None if include_unreviewed else True)
    # Each id once, in the order given, with the user's spelling kept for a "no such story" message.
    typed: dict[str, str] = {}
    for raw in story_ids:
        typed.setdefault(parse_story_id(raw), raw)
    named = list(typed)
    if named:
        candidates = named
    else:
        kinds = {StoryKind.ARTICLE, StoryKind.ARCHIVE} if include_archives else {StoryKind.ARTICLE}
        candidates = [summary.id for summary in repo.list_stories() if summary.kind in kinds]
    sections = []
    for story_id in candidates:
        story = repo.get_story(typed.get(story_id, story_id))
        claims = repo.list_claims(story_id, include_dismissed=True)
        chosen = [claim for claim in claims if claim_filter.matches(claim)]
        if not chosen and claim_filter.narrows and not named:
            continue
        checkworthy = sum(claim.checkworthy and not claim.dismissed for claim in claims)
        sections.append(StoryReport(story, chosen, checkworthy))
    sections.sort(
        key=lambda section: (
            section.story.published is None,
            section.story.published,
            section.story.title,
            section.story.id,
        )
    )
    return Report(sections, scale)
