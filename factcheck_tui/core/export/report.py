"""What a report holds: the selected stories and their checked claims, in a fixed order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck_tui.core.ids import parse_story_id
from factcheck_tui.core.models import Claim, Story, StoryKind
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage import Repository


@dataclass(frozen=True)
class StoryReport:
    story: Story
    claims: list[Claim]
    checkworthy_count: int

    @property
    def verdict_counts(self) -> list[tuple[str, int]]:
        counts = Counter(claim.verdict for claim in self.claims if claim.verdict)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@dataclass(frozen=True)
class Report:
    stories: list[StoryReport]
    scale: VerdictScale

    @property
    def claim_count(self) -> int:
        return sum(len(section.claims) for section in self.stories)


def build_report(
    repo: Repository,
    scale: VerdictScale,
    story_ids: Sequence[str] = (),
    *,
    include_unreviewed: bool = False,
) -> Report:
    """Stories in publication order (then title), each with its claims in document order."""
    wanted = [parse_story_id(story_id) for story_id in story_ids]
    if not wanted:
        wanted = [summary.id for summary in repo.list_stories() if summary.kind is StoryKind.ARTICLE]
    sections = []
    for story_id in wanted:
        story = repo.get_story(story_id)
        claims = repo.list_claims(story_id)
        chosen = [claim for claim in claims if include_unreviewed or claim.reviewed]
        sections.append(StoryReport(story, chosen, sum(claim.checkworthy for claim in claims)))
    sections.sort(key=lambda section: (section.story.published is None, section.story.published, section.story.title, section.story.id))
    return Report(sections, scale)
