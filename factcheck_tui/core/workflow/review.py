"""What a reviewer does to a claim. Both front ends call these; none of it lives in a widget."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from factcheck_tui.core.errors import InputError, NotFoundError, StaleWriteError, WorkflowError
from factcheck_tui.core.ids import parse_claim_id
from factcheck_tui.core.models import Claim, Evidence, Status, utcnow
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import clean_text, one_line
from factcheck_tui.core.urls import normalise_url
from factcheck_tui.core.workflow.approval import withdraw_approval
from factcheck_tui.core.workflow.claim_edits import rescored
from factcheck_tui.core.workflow.evidence_changes import EVIDENCE, undone

# How much of the conclusion a refusal quotes, so that the reviewer knows which text it is.
CLASH_QUOTE_CHARS = 40


def mark_started(claim: Claim, actor: str) -> None:
    """The reviewer who touches a claim takes it; an untouched claim moves to In progress."""
    claim.reviewer = actor
    if claim.status is Status.UNREVIEWED:
        claim.status = Status.IN_PROGRESS


class NoteMode(StrEnum):
    """What a conclusion given with a verdict does to another reviewer's conclusion already there."""

    # Refuse: nobody's text is replaced unseen (the command line shows nobody the text it replaces).
    KEEP_THEIRS = "keep"
    REPLACE = "replace"
    # Add the new text below theirs, as a paragraph of its own.
    APPEND = "append"


def conclusion_author(claim: Claim) -> str:
    """Who wrote the claim's conclusion as it stands: the newest change to it (else the claim's last saver)."""
    changes = [change for change in claim.history if change.field == "conclusion"]
    return max(changes, key=lambda change: change.version).by if changes else claim.updated_by


def conclusion_clash(claim: Claim, conclusion: str, actor: str) -> str | None:
    """Why writing ``conclusion`` over the claim's would replace another reviewer's text (None if it
    would not: no conclusion yet, the same text, or the actor's own)."""
    wanted = clean_text(conclusion).strip()
    if not claim.conclusion or wanted == claim.conclusion:
        return None
    author = conclusion_author(claim)
    if author == actor:
        return None
    return (
        f"{claim.id}: its conclusion was written by {author or 'another reviewer'} "
        f"(“{one_line(claim.conclusion, CLASH_QUOTE_CHARS)}”); nothing saved: "
        "--replace-note replaces it (history keeps it), --append-note adds yours below it"
    )


def verdict_edit(
    label: str | None,
    *,
    actor: str,
    conclusion: str | None = None,
    urls: Sequence[str] = (),
    note_mode: NoteMode = NoteMode.REPLACE,
) -> Callable[[Claim], Claim]:
    """The edit that gives a claim a verdict (already resolved on the scale) and what comes with it.
    With ``NoteMode.KEEP_THEIRS`` a conclusion that would replace another reviewer's refuses the edit."""

    def edit(claim: Claim) -> Claim:
        published = (claim.verdict, claim.conclusion)
        if conclusion is not None and note_mode is NoteMode.KEEP_THEIRS:
            problem = conclusion_clash(claim, conclusion, actor)
            if problem is not None:
                raise WorkflowError(problem)
        claim.verdict = label
        if label is None and claim.status is Status.DONE:
            # A claim without a verdict is not done; it is back to being worked on.
            claim.status = Status.IN_PROGRESS
        if conclusion is not None:
            claim.conclusion = _written(claim.conclusion, conclusion, note_mode)
        for url in urls:
            claim.evidence.append(Evidence(id=claim.next_evidence_id(), url=url, added_at=utcnow(), added_by=actor))
        if (claim.verdict, claim.conclusion) != published:
            withdraw_approval(claim)
        mark_started(claim, actor)
        return claim

    return edit


def _written(current: str, conclusion: str, note_mode: NoteMode) -> str:
    """The conclusion once ``conclusion`` is written in ``note_mode``."""
    wanted = clean_text(conclusion).strip()
    if note_mode is NoteMode.APPEND and current and wanted and wanted not in current:
        return f"{current}\n\n{wanted}"
    if note_mode is NoteMode.APPEND and current:
        return current
    return wanted


def status_problem(claim: Claim, status: Status) -> str | None:
    """Why ``claim`` cannot take ``status`` (None if it can): status and verdict must agree."""
    if status is Status.DONE and claim.verdict is None:
        return "Done needs a verdict: give it one first"
    if status is Status.UNREVIEWED and claim.verdict is not None:
        return f"it is rated {claim.verdict}, so it is not Unreviewed: clear the verdict first"
    return None


def unexplained_done(claims: Sequence[Claim]) -> str | None:
    """The warning for claims marked Done with a verdict but no conclusion: what they publish
    (reports, ClaimReview's ``ratingExplanation``) gives readers the verdict and nothing behind it.
    Done is still allowed: an archived check copied with its link may be all a desk needs."""
    bare = [claim for claim in claims if claim.status is Status.DONE and claim.verdict and not claim.conclusion.strip()]
    if not bare:
        return None
    which = f"{bare[0].id} is" if len(bare) == 1 else f"{len(bare)} claims are"
    return f"{which} Done without a conclusion: reports and ClaimReview will publish the verdict with no explanation"


def next_status(claim: Claim) -> Status:
    """The status after ``claim``'s in the workflow's cycle, skipping those its verdict rules out."""
    status = claim.status.cycled()
    while status_problem(claim, status) is not None:
        status = status.cycled()
    return status


def set_verdict(
    repo: Repository,
    claim_id: str,
    verdict: str | None,
    *,
    scale: VerdictScale,
    actor: str,
    conclusion: str | None = None,
    evidence_urls: Sequence[str] = (),
    expected_version: int | None = None,
    note_mode: NoteMode = NoteMode.REPLACE,
) -> Claim:
    """Set (or with ``None`` clear) a claim's verdict; optionally its conclusion and evidence too."""
    label = scale.resolve(verdict) if verdict is not None else None
    urls = [normalise_url(clean_text(url)) for url in evidence_urls]
    edit = verdict_edit(label, actor=actor, conclusion=conclusion, urls=urls, note_mode=note_mode)
    return repo.update_claim(claim_id, edit, actor, expected_version=expected_version)


def status_edit(status: Status, *, actor: str, second_review: bool = False) -> Callable[[Claim], Claim]:
    """The edit that moves a claim to ``status``. Under second review only an approval makes a claim
    Done (see ``desk.approve``); leaving Done takes the approval back."""

    def edit(claim: Claim) -> Claim:
        if status is Status.DONE and second_review and claim.status is not Status.DONE:
            raise WorkflowError(
                f"{claim.id}: with second review on, a claim is Done only when another reviewer approves it; "
                "mark it Needs second review"
            )
        problem = status_problem(claim, status) if status is not claim.status else None
        if problem is not None:
            raise WorkflowError(f"{claim.id} cannot be {status.value}: {problem}")
        claim.status = status
        if status is not Status.DONE:
            claim.approved_by = None
            claim.approved_at = None
        claim.reviewer = actor
        return claim

    return edit


def set_status(
    repo: Repository,
    claim_id: str,
    status: Status,
    *,
    actor: str,
    expected_version: int | None = None,
    second_review: bool = False,
) -> Claim:
    edit = status_edit(status, actor=actor, second_review=second_review)
    return repo.update_claim(claim_id, edit, actor, expected_version=expected_version)


def set_conclusion(
    repo: Repository, claim_id: str, text: str, *, actor: str, expected_version: int | None = None
) -> Claim:
    wanted = clean_text(text).strip()

    def edit(claim: Claim) -> Claim:
        if claim.conclusion != wanted:
            claim.conclusion = wanted
            withdraw_approval(claim)
        mark_started(claim, actor)
        return claim

    return repo.update_claim(claim_id, edit, actor, expected_version=expected_version)


def add_evidence(
    repo: Repository,
    claim_id: str,
    *,
    url: str = "",
    source: str = "",
    note: str = "",
    actor: str,
    expected_version: int | None = None,
) -> Claim:
    item = _evidence_fields(url, source, note)

    def edit(claim: Claim) -> Claim:
        claim.evidence.append(Evidence(id=claim.next_evidence_id(), added_at=utcnow(), added_by=actor, **item))
        mark_started(claim, actor)
        return claim

    return repo.update_claim(claim_id, edit, actor, expected_version=expected_version)


def update_evidence(
    repo: Repository,
    claim_id: str,
    evidence_id: str,
    *,
    url: str = "",
    source: str = "",
    note: str = "",
    actor: str,
    expected_version: int | None = None,
    expected_item: Evidence | None = None,
) -> Claim:
    """Change one evidence item. ``expected_item`` (the item as the reviewer saw it) refuses the
    edit only if that item changed meanwhile, so other reviewers' unrelated edits never block it."""
    item = _evidence_fields(url, source, note)

    def edit(claim: Claim) -> Claim:
        target = _find_evidence(claim, evidence_id, expected_item)
        claim.evidence = [
            existing.model_copy(update=item) if existing is target else existing for existing in claim.evidence
        ]
        return claim

    return repo.update_claim(claim_id, edit, actor, expected_version=expected_version)


def remove_evidence(
    repo: Repository,
    claim_id: str,
    evidence_id: str,
    *,
    actor: str,
    expected_version: int | None = None,
    expected_item: Evidence | None = None,
) -> Claim:
    def edit(claim: Claim) -> Claim:
        target = _find_evidence(claim, evidence_id, expected_item)
        claim.evidence = [existing for existing in claim.evidence if existing is not target]
        return claim

    return repo.update_claim(claim_id, edit, actor, expected_version=expected_version)


# The fields that say what a claim's text is and where it sits in its story.
PLACE_FIELDS = ("text", "start", "end")


def undo(repo: Repository, claim_id: str, version: int, *, actor: str, current: int | None = None) -> Claim:
    """Revert the save that produced ``version``, if nobody has changed the claim since: it is still
    at ``version``, or at ``current`` when later undos have put it back as it was at ``version``.

    A reverted text (a split, a merge, an edit) earns its score and reasons again in its story:
    they are not in the history, and a merge's would otherwise stay on the text it took back.
    """
    story_id, number = parse_claim_id(claim_id)
    with repo.transaction(story_id, actor) as tx:
        claim = tx.claim(number)
        expected = version if current is None else current
        if claim.version != expected:
            raise StaleWriteError(claim.id, expected, claim.version, claim.updated_by or None)
        changes = [change for change in claim.history if change.version == version and change.field != "created"]
        if not changes:
            raise InputError(f"{claim.id}: version {version} has nothing to undo")
        reverted = claim.model_dump()
        for change in changes:
            if change.field == EVIDENCE:
                reverted[EVIDENCE] = undone(reverted[EVIDENCE], change.old, change.new)
            else:
                reverted[change.field] = change.old
        restored = Claim.model_validate(reverted)
        if any(change.field in PLACE_FIELDS for change in changes):
            restored = rescored(restored, tx.story.body, checkworthy=restored.checkworthy)
        return tx.save(restored, f"undo of version {version}")


def _evidence_fields(url: str, source: str, note: str) -> dict[str, str]:
    url, source, note = clean_text(url), clean_text(source), clean_text(note)
    fields = {"url": normalise_url(url) if url.strip() else "", "source": source.strip(), "note": note.strip()}
    if not any(fields.values()):
        raise InputError("evidence needs a URL, a source name or a note")
    return fields


def _find_evidence(claim: Claim, evidence_id: str, expected: Evidence | None = None) -> Evidence:
    for item in claim.evidence:
        if item.id == evidence_id.strip().lower():
            if expected is not None and (item.url, item.source, item.note) != (
                expected.url,
                expected.source,
                expected.note,
            ):
                raise StaleWriteError(f"{claim.id} evidence {item.id}", None, None, claim.updated_by or None)
            return item
    raise NotFoundError(f"{claim.id} has no evidence {evidence_id}")
