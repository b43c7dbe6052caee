"""The desk's side of reviewing: who checks which claim, queues, second review, tags and notes.

Both front ends call these. Changes to many claims go through ``Repository.update_claims``: one
lock and one write per story, however many claims of it change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from factcheck_tui.core.config import Config
from factcheck_tui.core.errors import InputError, NotFoundError, WorkflowError
from factcheck_tui.core.ids import parse_claim_id, parse_story_id
from factcheck_tui.core.models import Change, Claim, Status, utcnow
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.filters import normalise_tag, reviewer_key

# A queue starts with the work under way (and claims sent back), then fresh claims, then those
# waiting for someone else's sign-off.
QUEUE_ORDER = {Status.IN_PROGRESS: 0, Status.UNREVIEWED: 1, Status.NEEDS_SECOND_REVIEW: 2}


def person_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise InputError("a reviewer's name cannot be empty")
    return name


def open_for_work(claim: Claim) -> bool:
    """What a story id stands for when assigning: its check-worthy claims still to be finished."""
    return claim.checkworthy and not claim.dismissed and claim.status is not Status.DONE


def worth_labelling(claim: Claim) -> bool:
    """What a story id stands for when tagging: its check-worthy claims, finished or not."""
    return claim.checkworthy and not claim.dismissed


def _target(raw: str) -> tuple[str, int | None]:
    """A claim id as (story, number), or a story id as (story, None)."""
    for parse in (parse_claim_id, lambda text: (parse_story_id(text), None)):
        try:
            return parse(raw)
        except InputError:
            continue
    raise InputError(f"{raw!r} is neither a claim id (like k3p9x-12) nor a story id (like k3p9x)")


def select_claims(repo: Repository, raw_ids: Iterable[str], story_claims: Callable[[Claim], bool]) -> list[Claim]:
    """The claims that ids name, each once and in the order given; a story id stands for its
    claims that ``story_claims`` picks. Every id is checked before anything is changed."""
    chosen: dict[str, Claim] = {}
    loaded: dict[str, list[Claim]] = {}

    def story(story_id: str, typed: str) -> list[Claim]:
        if story_id not in loaded:
            loaded[story_id] = repo.list_claims(typed, include_dismissed=True)
        return loaded[story_id]

    for raw in raw_ids:
        story_id, number = _target(raw)
        if number is None:
            picked = [claim for claim in story(story_id, raw) if story_claims(claim)]
            if not picked:
                raise InputError(f"story {story_id} has no check-worthy claim left for this")
            chosen.update((claim.id, claim) for claim in picked)
            continue
        claim = next(
            (claim for claim in story(story_id, raw.strip().rsplit("-", 1)[0]) if claim.number == number), None
        )
        if claim is None:
            raise NotFoundError(f"no claim {raw.strip()} in {repo.root}")
        chosen[claim.id] = claim
    return list(chosen.values())


Edit = Callable[[Claim], Claim]


def edit_all(
    repo: Repository, claims: Sequence[Claim], edit: Edit, actor: str, *, expected: bool = False, note: str = ""
) -> list[Claim]:
    """One edit to many claims, one write per story. ``expected`` refuses a claim someone changed
    since it was read (the TUI's marked claims); the CLI edits the newest copies."""
    versions = {claim.id: claim.version for claim in claims} if expected else None
    return repo.update_claims([(claim.id, edit) for claim in claims], actor, expected_versions=versions, note=note)


def assign_edit(assignee: str | None) -> Edit:
    """Give a claim to a reviewer (``None`` takes it back)."""
    name = person_name(assignee) if assignee is not None else None

    def edit(claim: Claim) -> Claim:
        claim.assignee = name
        return claim

    return edit


def tag_edit(tag: str, *, remove: bool = False) -> Edit:
    label = normalise_tag(tag)

    def edit(claim: Claim) -> Claim:
        kept = [existing for existing in claim.tags if existing != label]
        claim.tags = kept if remove else sorted([*kept, label])
        return claim

    return edit


def tags_edit(tags: Iterable[str]) -> Edit:
    """Replace a claim's tags (the TUI's tag editor)."""
    labels = sorted({normalise_tag(tag) for tag in tags})

    def edit(claim: Claim) -> Claim:
        claim.tags = labels
        return claim

    return edit


def parse_tags(text: str) -> list[str]:
    """Tags as typed in one field: separated by commas."""
    return sorted({normalise_tag(part) for part in text.split(",") if part.strip()})


def notes_edit(text: str) -> Edit:
    """The reviewer's working notes: kept with the claim and its history, never published."""

    def edit(claim: Claim) -> Claim:
        claim.notes = text.strip()
        return claim

    return edit


def assign(
    repo: Repository, claims: Sequence[Claim], assignee: str | None, *, actor: str, expected: bool = False
) -> list[Claim]:
    return edit_all(repo, claims, assign_edit(assignee), actor, expected=expected)


def add_tag(repo: Repository, claims: Sequence[Claim], tag: str, *, actor: str, expected: bool = False) -> list[Claim]:
    return edit_all(repo, claims, tag_edit(tag), actor, expected=expected)


def remove_tag(
    repo: Repository, claims: Sequence[Claim], tag: str, *, actor: str, expected: bool = False
) -> list[Claim]:
    return edit_all(repo, claims, tag_edit(tag, remove=True), actor, expected=expected)


def set_notes(repo: Repository, claim_id: str, text: str, *, actor: str, expected_version: int | None = None) -> Claim:
    return repo.update_claim(claim_id, notes_edit(text), actor, expected_version=expected_version)


# -- second review ------------------------------------------------------------------------


def verdict_change(claim: Claim) -> Change | None:
    """The history entry that gave the claim its current verdict: the newest verdict change."""
    return next((change for change in reversed(claim.history) if change.field == "verdict"), None)


def verdict_giver(claim: Claim) -> str | None:
    """Who gave the claim its current verdict."""
    change = verdict_change(claim)
    return change.by if change is not None else claim.reviewer


def approve_edit(actor: str) -> Edit:
    """A second reviewer signs off a claim marked Needs second review: it becomes Done."""

    def edit(claim: Claim) -> Claim:
        if claim.status is not Status.NEEDS_SECOND_REVIEW:
            raise WorkflowError(
                f"{claim.id} is {claim.status.value}; only a claim marked Needs second review can be approved"
            )
        if claim.verdict is None:
            raise WorkflowError(f"{claim.id} has no verdict to approve")
        giver = verdict_giver(claim)
        if giver is not None and reviewer_key(giver) == reviewer_key(actor):
            raise WorkflowError(f"{claim.id}: {actor} gave its verdict, so another reviewer must approve it")
        claim.status = Status.DONE
        claim.approved_by = actor
        claim.approved_at = utcnow()
        return claim

    return edit


def approve(repo: Repository, claim_id: str, *, actor: str, expected_version: int | None = None) -> Claim:
    return repo.update_claim(claim_id, approve_edit(actor), actor, expected_version=expected_version)


def send_back(repo: Repository, claim_id: str, note: str, *, actor: str, expected_version: int | None = None) -> Claim:
    """The second reviewer returns a claim with a note: In progress again, in its checker's queue."""
    reason = " ".join(note.split())
    if not reason:
        raise InputError("say why the claim goes back (--note TEXT)")

    def edit(claim: Claim) -> Claim:
        if claim.status not in (Status.NEEDS_SECOND_REVIEW, Status.DONE):
            raise WorkflowError(
                f"{claim.id} is {claim.status.value}; only a claim marked Needs second review or Done can be returned"
            )
        claim.status = Status.IN_PROGRESS
        claim.approved_by = None
        claim.approved_at = None
        claim.assignee = claim.assignee or verdict_giver(claim)
        return claim

    return repo.update_claim(claim_id, edit, actor, expected_version=expected_version, note=f"returned: {reason}")


# -- queues -------------------------------------------------------------------------------


def queue_order(claim: Claim) -> tuple[int, bool, float, str, int]:
    return (QUEUE_ORDER.get(claim.status, 3), not claim.checkworthy, -claim.score, claim.story_id, claim.number)


def queue(repo: Repository, reviewer: str) -> list[Claim]:
    """The claims assigned to ``reviewer`` that are not Done, most pressing first (a fixed order).

    The digests say which claims are assigned, so only the stories holding them are read.
    """
    wanted = reviewer_key(reviewer)
    stories: dict[str, set[str]] = {}
    for digest in repo.iter_digests():
        assignee = digest.get("assignee")
        if (
            assignee
            and reviewer_key(assignee) == wanted
            and digest.get("status") != Status.DONE.value
            and not digest.get("dismissed")
        ):
            stories.setdefault(digest["story_id"], set()).add(digest["id"])
    claims = []
    for story_id, ids in stories.items():
        claims += [
            claim
            for claim in repo.list_claims(story_id)
            if claim.id in ids and claim.assignee and reviewer_key(claim.assignee) == wanted
            if claim.status is not Status.DONE
        ]
    return sorted(claims, key=queue_order)


def desk_names(repo: Repository, config: Config) -> list[str]:
    """Names to offer when assigning: the configured reviewers, then everyone the archive knows."""
    names: dict[str, str] = {}
    for name in [*config.desk.reviewers, config.reviewer]:
        names.setdefault(reviewer_key(name), name)
    for digest in repo.iter_digests():
        for named in (digest.get("assignee"), digest.get("reviewer")):
            if named:
                names.setdefault(reviewer_key(named), named)
    for summary in repo.list_stories():
        if summary.updated_by:
            names.setdefault(reviewer_key(summary.updated_by), summary.updated_by)
    configured = [reviewer_key(name) for name in config.desk.reviewers]
    rest = sorted((key for key in names if key not in configured), key=lambda key: names[key].casefold())
    return [names[key] for key in [*configured, *rest]]
