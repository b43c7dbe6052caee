"""A reviewer fixes the machine's claim list: split, merge, edit, add, dismiss and restore claims.

Every fix is one transaction on the story, so it lands whole or not at all, and the repository's
diff records it in the claim's history (the text before a split or an edit stays there). Changed
text is scored again with the same model as at import, and its offsets into the story's body are
set wherever the text still occurs there, so the context pane can show it in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from factcheck_tui.core.errors import InputError, WorkflowError
from factcheck_tui.core.ids import parse_claim_id
from factcheck_tui.core.intake.extraction.pipeline import score_in_story
from factcheck_tui.core.intake.extraction.speakers import speaker_in
from factcheck_tui.core.models import Claim, Origin, Status
from factcheck_tui.core.storage.repository import Repository, StoryTransaction
from factcheck_tui.core.text import clean_text
from factcheck_tui.core.workflow.approval import withdraw_approval

Span = tuple[int | None, int | None]
# The notes a merge leaves in the two claims' histories, read back by ``merged_into``.
MERGED_WITH = "merged with "
MERGED_INTO = "merged into "
_NOWHERE: Span = (None, None)
# A sentence's end inside a claim (closing quote or bracket included), and a word's start.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=\S)")
_WORD_START = re.compile(r"(?<=\s)\S")


def split_claim(
    repo: Repository, claim_id: str, at: int, *, actor: str, expected_version: int | None = None
) -> tuple[Claim, Claim]:
    """Cut a claim's text at character ``at``: the first part keeps the id, the rest becomes a new claim."""
    with _claim(repo, claim_id, actor, expected_version) as (tx, claim):
        if not 0 < at < len(claim.text):
            raise InputError(f"{claim.id}: cannot split at {at}; pick a place inside its {len(claim.text)} characters")
        head, tail = claim.text[:at].rstrip(), claim.text[at:].lstrip()
        if not head or not tail:
            raise InputError(f"{claim.id}: splitting at {at} would leave an empty claim")
        tail_offset = len(claim.text) - len(tail)
        body = tx.story.body
        first = _rewritten(claim, head, _place(body, head, claim.start), body)
        near = claim.start + tail_offset if claim.start is not None else None
        second = tx.add(
            _rewritten(_fresh(claim, tail), tail, _place(body, tail, near), body), note=f"split from {claim.id}"
        )
        first = tx.save(first, note=f"split; the rest is now {second.id}")
        return first, second


class MergedReview(StrEnum):
    """What a merge does with a verdict or conclusion given for one of the claims' own words."""

    KEEP = "keep"  # the reviewer confirmed it still holds for the joined text
    RATE_AGAIN = "rate again"  # the verdict is taken off; the conclusion and evidence stay to work from


def review_at_stake(first: Claim, second: Claim) -> list[str]:
    """What a merge would carry over to words it was not given for, one line per claim, e.g.
    "ab12c-3 is rated Mostly true and has a conclusion". Empty when neither claim has been rated."""
    lines = []
    for claim in (first, second):
        rated = f"is rated {claim.verdict}" if claim.verdict else ""
        concluded = "has a conclusion" if claim.conclusion else ""
        if rated or concluded:
            lines.append(f"{claim.id} {' and '.join(part for part in (rated, concluded) if part)}")
    return lines


def split_point(claim: Claim) -> int:
    """Where the split dialog's cursor starts: at the join of the claim's last merge while the
    claim still reads as merged (splitting back takes one key), else at the start of the sentence,
    or failing that the word, nearest the middle (never inside a word)."""
    join = _merge_join(claim)
    if join is not None:
        return join
    text, middle = claim.text, len(claim.text) // 2
    sentences = [found.end() for found in _SENTENCE_END.finditer(text)]
    words = [found.start() for found in _WORD_START.finditer(text)]
    places = sentences or words
    return min(places, key=lambda at: abs(at - middle)) if places else middle


def _merge_join(claim: Claim) -> int | None:
    """Where the claim merged last begins in the merged text, if the text has not changed since."""
    change = next((change for change in reversed(claim.history) if change.field == "text"), None)
    if change is None or not change.note.startswith(MERGED_WITH) or change.new != claim.text:
        return None
    own, text = change.old, claim.text
    if not isinstance(own, str) or not own or len(own) >= len(text):
        return None
    if text.startswith(own):
        # This claim came first: the other starts after the spaces that follow it.
        return len(text) - len(text[len(own) :].lstrip())
    return len(text) - len(own) if text.endswith(own) else None


def merge_claims(
    repo: Repository,
    first_id: str,
    second_id: str,
    *,
    actor: str,
    expected_version: int | None = None,
    second_expected_version: int | None = None,
    review: MergedReview | None = None,
) -> Claim:
    """Join two claims of one story into ``first_id``; the second is dismissed with a note naming where it went.

    The text follows the body: neighbours become the exact stretch of body they cover. Evidence
    of the second claim moves over, and its verdict and conclusion fill the first's if empty. A
    verdict or conclusion was given for other words, so merging a rated claim needs ``review``
    to say what becomes of it (WorkflowError without); an approval is withdrawn either way. The
    merged claim keeps the fuller of the two speakers' names (see ``fuller_speaker``).
    """
    story_id, first_number = parse_claim_id(first_id)
    second_story, second_number = parse_claim_id(second_id)
    if second_story != story_id:
        raise InputError(f"{first_id} and {second_id} belong to different stories; only claims of one story merge")
    if second_number == first_number:
        raise InputError(f"{first_id}: cannot merge a claim with itself")
    with repo.transaction(story_id, actor) as tx:
        first = tx.claim(first_number, expected_version)
        second = tx.claim(second_number, second_expected_version)
        at_stake = review_at_stake(first, second)
        if at_stake and review is None:
            raise WorkflowError(
                f"{'; '.join(at_stake)}: that was given for other words; "
                "say whether the merged claim keeps it or is rated again"
            )
        earlier, later = sorted((first, second), key=Claim.document_order)
        text, span = _joined(tx.story.body, earlier, later)
        named = speaker_in(text, first.speaker)
        merged = _rewritten(
            first, text, span, tx.story.body, speaker=fuller_speaker(first.speaker, second.speaker, named)
        )
        for item in second.evidence:
            merged.evidence.append(item.model_copy(update={"id": merged.next_evidence_id()}))
        merged.verdict = merged.verdict or second.verdict
        merged.conclusion = merged.conclusion or second.conclusion
        if at_stake:
            withdraw_approval(merged)
        if review is MergedReview.RATE_AGAIN:
            merged.verdict = None
            if merged.status is not Status.UNREVIEWED:
                merged.status = Status.IN_PROGRESS
        merged = tx.save(merged, note=f"{MERGED_WITH}{second.id}")
        second.dismissed = True
        tx.save(second, note=f"{MERGED_INTO}{merged.id}")
        return merged


def merged_into(claim: Claim) -> str | None:
    """The id of the claim a dismissed claim was merged into (its words live on there), or None
    for a claim on the list or one dismissed for another reason."""
    if not claim.dismissed:
        return None
    dismissal = next((change for change in reversed(claim.history) if change.field == "dismissed"), None)
    if dismissal is None or not dismissal.note.startswith(MERGED_INTO):
        return None
    return dismissal.note.removeprefix(MERGED_INTO)


def fuller_speaker(*names: str | None) -> str | None:
    """The name to keep when claims are joined: the first one given, unless another given name
    contains all its words ("Kamala Harris" over "Harris", never "Harris" over "Kamala Harris")."""
    given = [name for name in names if name]
    if not given:
        return None
    kept = given[0]
    for name in given[1:]:
        if len(name) > len(kept) and _words(kept) <= _words(name):
            kept = name
    return kept


def _words(name: str) -> set[str]:
    return {word.strip(".,").casefold() for word in name.split()}


def edit_claim_text(
    repo: Repository, claim_id: str, text: str, *, actor: str, expected_version: int | None = None
) -> Claim:
    """Replace a claim's wording; it is scored again and placed in the body if the new text is there."""
    wanted = _wording(text, claim_id)
    with _claim(repo, claim_id, actor, expected_version) as (tx, claim):
        if wanted == claim.text:
            return claim
        return tx.save(
            _rewritten(claim, wanted, _place(tx.story.body, wanted, claim.start), tx.story.body), note="text edited"
        )


def set_speaker(
    repo: Repository, claim_id: str, speaker: str, *, actor: str, expected_version: int | None = None
) -> list[Claim]:
    """Correct who said it (empty: nobody, the story's own voice); the old name stays in history.

    The machine gives one wrong name to every sentence it reads as that speaker's, so when a
    reviewer gives another name, the story's other claims that carry the same machine-given
    speaker are corrected with it, in the same transaction (one undo step). Clearing a speaker
    says only that this sentence is nobody's (the story's own voice), not that the name is wrong
    elsewhere, so it changes no other claim. Nor is a speaker a reviewer set by hand, or that of a
    claim whose review is done, ever changed this way. Returns the claim first, then the others
    it corrected.
    """
    wanted = " ".join(clean_text(speaker).split()) or None
    with _claim(repo, claim_id, actor, expected_version) as (tx, claim):
        wrong = claim.speaker
        claim.speaker = wanted
        saved = [tx.save(claim, note="speaker corrected")]
        if wrong is None or wanted is None or wrong == wanted:
            return saved
        for other in tx.claims():
            if (
                other.number != claim.number
                and other.speaker == wrong
                and other.status is not Status.DONE
                and not _speaker_set_by_hand(other)
            ):
                fixed = other.model_copy(deep=True, update={"speaker": wanted})
                saved.append(tx.save(fixed, note=f"speaker corrected with {claim.id}"))
        return saved


def _speaker_set_by_hand(claim: Claim) -> bool:
    return any(change.field == "speaker" for change in claim.history)


def add_claim(repo: Repository, story_id: str, text: str, *, actor: str, speaker: str | None = None) -> Claim:
    """A claim the machine missed, typed by the reviewer; placed in the body if its text occurs there."""
    wanted = _wording(text, story_id)
    with repo.transaction(story_id, actor) as tx:
        draft = Claim(id="", story_id=tx.story.id, number=0, text=wanted, speaker=speaker, origin=Origin.MANUAL)
        return tx.add(
            _rewritten(draft, wanted, _place(tx.story.body, wanted, None), tx.story.body), note="added by the reviewer"
        )


def dismiss_claim(
    repo: Repository, claim_id: str, *, actor: str, expected_version: int | None = None, note: str = ""
) -> Claim:
    """Take a claim off the list (not a claim, a duplicate, ...); it stays stored and can be restored."""
    return _set_dismissed(repo, claim_id, True, actor, expected_version, clean_text(note).strip() or "dismissed")


def restore_claim(repo: Repository, claim_id: str, *, actor: str, expected_version: int | None = None) -> Claim:
    return _set_dismissed(repo, claim_id, False, actor, expected_version, "restored")


def dismissed_edit(dismissed: bool) -> Callable[[Claim], Claim]:
    """The edit behind dismissing (or restoring) many claims at once."""

    def edit(claim: Claim) -> Claim:
        claim.dismissed = dismissed
        return claim

    return edit


def _set_dismissed(
    repo: Repository, claim_id: str, dismissed: bool, actor: str, expected_version: int | None, note: str
) -> Claim:
    with _claim(repo, claim_id, actor, expected_version) as (tx, claim):
        claim.dismissed = dismissed
        return tx.save(claim, note=note)


@contextmanager
def _claim(
    repo: Repository, claim_id: str, actor: str, expected_version: int | None
) -> Iterator[tuple[StoryTransaction, Claim]]:
    story_id, number = parse_claim_id(claim_id)
    with repo.transaction(story_id, actor) as tx:
        yield tx, tx.claim(number, expected_version)


def _wording(text: str, where: str) -> str:
    wanted = " ".join(clean_text(text).split())
    if not wanted:
        raise InputError(f"{where}: a claim needs some text")
    return wanted


def _rewritten(claim: Claim, text: str, span: Span, body: str, *, speaker: str | None = None) -> Claim:
    """``claim`` with new text and place, scored again in its story. ``speaker`` if given, else a
    speaker named in the new text wins."""
    speaker = speaker or speaker_in(text, claim.speaker) or claim.speaker
    start, end = span
    placed = claim.model_copy(update={"text": text, "start": start, "end": end, "speaker": speaker})
    return rescored(placed, body, near=start if start is not None else claim.start)


def rescored(claim: Claim, body: str, *, near: int | None = None, checkworthy: bool | None = None) -> Claim:
    """``claim`` with the score and reasons its text earns at its place in the story (``near``,
    else its own start). ``checkworthy`` keeps a mark the reviewer set over the one the score gives."""
    score, earned, reasons = score_in_story(body, claim.text, claim.speaker, claim.start if near is None else near)
    mark = earned if checkworthy is None else checkworthy
    return claim.model_copy(update={"score": round(score, 4), "checkworthy": mark, "reasons": reasons})


def _fresh(claim: Claim, text: str) -> Claim:
    """A new claim cut from ``claim``: same origin and speaker, none of its review."""
    return Claim(id="", story_id=claim.story_id, number=0, text=text, speaker=claim.speaker, origin=claim.origin)


def _place(body: str, text: str, near: int | None) -> Span:
    """Where ``text`` occurs in the body, the occurrence nearest ``near`` if it occurs more than once."""
    best: int | None = None
    position = body.find(text)
    while position >= 0:
        if best is None or (near is not None and abs(position - near) < abs(best - near)):
            best = position
        position = body.find(text, position + 1)
    return (best, best + len(text)) if best is not None else _NOWHERE


def _joined(body: str, earlier: Claim, later: Claim) -> tuple[str, Span]:
    if earlier.start is not None and earlier.end is not None and later.start is not None and later.end is not None:
        placed = body[earlier.start : earlier.end] == earlier.text and body[later.start : later.end] == later.text
        if placed and earlier.end <= later.start and not body[earlier.end : later.start].strip():
            return body[earlier.start : later.end], (earlier.start, later.end)
    text = f"{earlier.text} {later.text}"
    return text, _place(body, text, earlier.start)
