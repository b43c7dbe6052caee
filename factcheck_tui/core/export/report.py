"""What a report holds: the selected stories and their chosen claims, in a fixed order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.ids import parse_claim_id, parse_story_id
from factcheck_tui.core.matching.results import LinkDecision
from factcheck_tui.core.models import Claim, Story, StoryKind
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.claim_edits import merged_into
from factcheck_tui.core.workflow.filters import ClaimFilter, reviewer_key
from factcheck_tui.core.workflow.stories import news_day

# Why a claim merged into another is not in the report, after its count: "2 merged into another claim".
MERGED = "merged into another claim"


@dataclass(frozen=True)
class StoryReport:
    story: Story
    claims: list[Claim]
    checkworthy_count: int
    # Claims of the story with a verdict (dismissed ones aside), whether the filters chose them or not:
    # "5 claims checked" stays true when a status filter shows none of them.
    checked_count: int

    @property
    def reviewed_count(self) -> int:
        """Claims with a verdict among those in the report."""
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
    # Why the other claims in scope stay out ("without a verdict", "not Done"), with their counts,
    # largest first; and how many stories were left out for having no claim in the report.
    left_out: list[tuple[str, int]] = field(default_factory=list)
    stories_left_out: int = 0
    # Display names by ``reviewer_key`` of the login (the config's ``[reviewers]``).
    reviewer_names: Mapping[str, str] = field(default_factory=dict)
    # The publisher of each earlier check a reported claim's verdict was copied from, by the check's
    # claim id: a report names the check by it, never by the id.
    check_publishers: Mapping[str, str] = field(default_factory=dict)

    @property
    def claim_count(self) -> int:
        return sum(len(section.claims) for section in self.stories)

    @property
    def reviewed_count(self) -> int:
        return sum(section.reviewed_count for section in self.stories)

    def claims(self) -> list[tuple[Story, Claim]]:
        return [(section.story, claim) for section in self.stories for claim in section.claims]

    def display_name(self, login: str) -> str | None:
        """The reviewer's name as the config's ``[reviewers]`` gives it, if it does."""
        return self.reviewer_names.get(reviewer_key(login))

    def reviewer_name(self, login: str) -> str:
        """The name a report prints for a reviewer: the display name, else the login."""
        return self.display_name(login) or login


def newest_first(sections: list[StoryReport]) -> list[StoryReport]:
    """How people read reports: by publication day, newest first (a story without one by the day it
    was imported), then by title."""
    by_title = sorted(sections, key=lambda section: (section.story.title, section.story.id))
    return sorted(by_title, key=lambda section: news_day(section.story), reverse=True)


def in_publication_order(sections: list[StoryReport]) -> list[StoryReport]:
    """The backup's order, kept as it always was for the scripts that read it: oldest first, undated last."""
    return sorted(
        sections,
        key=lambda section: (
            section.story.published is None,
            section.story.published,
            section.story.title,
            section.story.id,
        ),
    )


def _check_publishers(repo: Repository, sections: list[StoryReport]) -> dict[str, str]:
    """The outlet of the archive each copied check came from, when the archive names one."""
    publishers: dict[str, str] = {}
    for source in sorted({claim.copied_from for section in sections for claim in section.claims if claim.copied_from}):
        try:
            outlet = repo.get_story(parse_claim_id(source)[0]).outlet
        except FactcheckError:
            continue  # deleted since, or not an id: the report still names the check by its link
        if outlet:
            publishers[source] = outlet
    return publishers


def build_report(
    repo: Repository,
    scale: VerdictScale,
    story_ids: Sequence[str] = (),
    *,
    include_unreviewed: bool = False,
    claim_filter: ClaimFilter | None = None,
    include_archives: bool = False,
    all_stories: bool = False,
    reviewer_names: Mapping[str, str] | None = None,
    backup_order: bool = False,
) -> Report:
    """Stories newest first (oldest first with ``backup_order``), each with its chosen claims in document order.

    Named stories are always listed, even with nothing chosen in them. Without names every article
    story is a candidate (archives of imported checks too with ``include_archives``), and a story
    with no chosen claim is left out unless ``all_stories``. ``include_unreviewed`` is the short
    form of ``ClaimFilter(reviewed=None)``.
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
    left_out: Counter[str] = Counter()
    stories_left_out = 0
    for story_id in candidates:
        story = repo.get_story(typed.get(story_id, story_id))
        claims = repo.list_claims(story_id, include_dismissed=True)
        chosen = []
        for claim in claims:
            why = claim_filter.miss(claim)
            if why is None:
                chosen.append(claim)
            else:
                # A merged claim's words are in the claim it joined: it was not dismissed as wrong.
                left_out[MERGED if why == "dismissed" and merged_into(claim) else why] += 1
        if not chosen and not named and not all_stories:
            stories_left_out += 1
            continue
        live = [claim for claim in claims if not claim.dismissed]
        sections.append(
            StoryReport(
                story,
                chosen,
                checkworthy_count=sum(claim.checkworthy for claim in live),
                checked_count=sum(claim.reviewed for claim in live),
            )
        )
    return Report(
        in_publication_order(sections) if backup_order else newest_first(sections),
        scale,
        check_publishers=_check_publishers(repo, sections),
        left_out=sorted(left_out.items(), key=lambda item: (-item[1], item[0])),
        stories_left_out=stories_left_out,
        reviewer_names={reviewer_key(login): name for login, name in (reviewer_names or {}).items()},
    )
