"""Reviewer fixes to the claim list, on a real repository: offsets stay exact, history keeps the old text."""

from __future__ import annotations

import pytest

from factcheck_tui.core.errors import InputError, StaleWriteError, WorkflowError
from factcheck_tui.core.models import Claim, Origin, Status
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import claim_edits, review


def by_text(claims: list[Claim], prefix: str) -> Claim:
    return next(claim for claim in claims if claim.text.startswith(prefix))


def assert_in_place(repo: Repository, claim: Claim) -> None:
    body = repo.get_story(claim.story_id).body
    assert claim.start is not None and claim.end is not None
    assert body[claim.start : claim.end] == claim.text


def test_split_keeps_the_id_for_the_first_part_and_both_parts_stay_in_place(repo: Repository, strike_story) -> None:
    story, claims = strike_story
    union = by_text(claims, "The union said 87 percent")
    at = union.text.index(", which raises") + 1

    first, second = claim_edits.split_claim(repo, union.id, at, actor="ana", expected_version=union.version)

    assert first.id == union.id
    assert first.text == "The union said 87 percent of its 3,200 members backed the new contract,"
    assert second.text == "which raises wages by 14% over four years."
    assert second.id not in {claim.id for claim in claims}
    assert_in_place(repo, first)
    assert_in_place(repo, second)
    assert second.start > first.end
    assert any(reason.startswith("percentage (14%)") for reason in second.reasons)
    text_change = next(change for change in first.history if change.field == "text")
    assert (text_change.old, text_change.new, text_change.by) == (union.text, first.text, "ana")
    assert second.id in text_change.note
    assert second.history[0].field == "created" and union.id in second.history[0].note
    stored = repo.list_claims(story.id)
    assert [claim.id for claim in stored].index(second.id) == [claim.id for claim in stored].index(first.id) + 1


def test_split_outside_the_text_or_leaving_only_spaces_is_refused(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    claim = by_text(claims, "Is this the end")
    for at in (0, len(claim.text), 99_999):
        with pytest.raises(InputError, match=f"{claim.id}: cannot split at {at}"):
            claim_edits.split_claim(repo, claim.id, at, actor="ana")
    assert repo.get_claim(claim.id).version == claim.version


def test_merge_joins_neighbours_into_the_exact_span_and_dismisses_the_second(repo: Repository, strike_story) -> None:
    story, claims = strike_story
    question = by_text(claims, "Is this the end")
    answer = by_text(claims, "Not everyone thinks so")
    review.add_evidence(repo, answer.id, url="https://union.example/statement", actor="ben")

    merged = claim_edits.merge_claims(repo, question.id, answer.id, actor="ana")

    assert merged.id == question.id
    assert merged.text == "Is this the end of the dispute? Not everyone thinks so."
    assert (merged.start, merged.end) == (question.start, answer.end)
    assert_in_place(repo, merged)
    assert [item.url for item in merged.evidence] == ["https://union.example/statement"]
    gone = repo.get_claim(answer.id)
    assert gone.dismissed
    assert question.id in gone.history[-1].note
    assert answer.id not in {claim.id for claim in repo.list_claims(story.id)}


def test_merge_in_either_order_reads_in_document_order(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    question = by_text(claims, "Is this the end")
    answer = by_text(claims, "Not everyone thinks so")
    merged = claim_edits.merge_claims(repo, answer.id, question.id, actor="ana")
    assert merged.id == answer.id
    assert merged.text == "Is this the end of the dispute? Not everyone thinks so."


def test_undoing_a_merge_or_a_split_gives_back_the_score_and_reasons_too(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    question = by_text(claims, "Is this the end")
    answer = by_text(claims, "Not everyone thinks so")
    union = by_text(claims, "The union said 87 percent")
    merged = claim_edits.merge_claims(repo, question.id, answer.id, actor="ana")
    assert (merged.score, merged.reasons) != (question.score, question.reasons)
    back = review.undo(repo, question.id, merged.version, actor="ana")
    assert (back.text, back.score, back.reasons, back.checkworthy) == (
        question.text,
        question.score,
        question.reasons,
        question.checkworthy,
    )
    first, _ = claim_edits.split_claim(repo, union.id, union.text.index(", which") + 1, actor="ana")
    assert first.score != union.score
    whole = review.undo(repo, union.id, first.version, actor="ana")
    assert (whole.score, whole.reasons) == (union.score, union.reasons)


def test_undoing_a_merge_keeps_the_check_worthy_mark_the_reviewer_set(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    question = by_text(claims, "Is this the end")
    answer = by_text(claims, "Not everyone thinks so")
    marked = repo.update_claim(question.id, lambda claim: claim.model_copy(update={"checkworthy": True}), "ana")
    merged = claim_edits.merge_claims(repo, question.id, answer.id, actor="ana")
    back = review.undo(repo, question.id, merged.version, actor="ana")
    assert back.checkworthy and marked.checkworthy and back.score == question.score


def test_merge_refuses_claims_of_two_stories_and_a_claim_with_itself(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    with pytest.raises(InputError, match="different stories"):
        claim_edits.merge_claims(repo, claims[0].id, "zzzzz-1", actor="ana")
    with pytest.raises(InputError, match="with itself"):
        claim_edits.merge_claims(repo, claims[0].id, claims[0].id, actor="ana")


def test_edit_rescores_keeps_the_old_text_in_history_and_finds_the_new_text_in_the_body(
    repo: Repository, strike_story
) -> None:
    _, claims = strike_story
    reyes = by_text(claims, "Port director Dr. Alan Reyes")

    vague = claim_edits.edit_claim_text(repo, reyes.id, "  Alan   Reyes thinks the strike was bad. ", actor="ana")
    assert vague.text == "Alan Reyes thinks the strike was bad."
    assert (vague.start, vague.end) == (None, None)
    assert vague.score < reyes.score
    assert not any(reason.startswith("amount of money") for reason in vague.reasons)

    back = claim_edits.edit_claim_text(repo, reyes.id, reyes.text, actor="ana", expected_version=vague.version)
    assert (back.start, back.end, back.score) == (reyes.start, reyes.end, reyes.score)
    assert [change.old for change in back.history if change.field == "text"] == [reyes.text, vague.text]
    with pytest.raises(StaleWriteError):
        claim_edits.edit_claim_text(repo, reyes.id, "Something else.", actor="ben", expected_version=vague.version)
    with pytest.raises(InputError, match="needs some text"):
        claim_edits.edit_claim_text(repo, reyes.id, "   ", actor="ana")


def test_add_places_a_typed_claim_in_the_body_when_it_is_there(repo: Repository, strike_story) -> None:
    story, _ = strike_story
    found = claim_edits.add_claim(repo, story.id, "an 11-day strike that had stranded 42 container ships", actor="ana")
    assert found.origin is Origin.MANUAL
    assert_in_place(repo, found)
    assert any(reason.startswith("contains a figure") for reason in found.reasons)
    typed = claim_edits.add_claim(repo, story.id, "The mayor said the port lost 2,000 jobs.", actor="ana")
    assert (typed.start, typed.end) == (None, None)
    assert typed.checkworthy
    assert repo.list_claims(story.id)[-1].id == typed.id


def test_dismiss_and_restore_are_recorded_and_keep_the_review(repo: Repository, strike_story) -> None:
    story, claims = strike_story
    byline = by_text(claims, "By Sam Whitaker")
    review.set_verdict(repo, byline.id, "False", scale=DEFAULT_SCALE, actor="ana")
    dismissed = claim_edits.dismiss_claim(repo, byline.id, actor="ana", note="byline, not a claim")
    assert dismissed.dismissed and dismissed.history[-1].note == "byline, not a claim"
    assert byline.id not in {claim.id for claim in repo.list_claims(story.id)}
    restored = claim_edits.restore_claim(repo, byline.id, actor="ben", expected_version=dismissed.version)
    assert not restored.dismissed and restored.verdict == "False"
    assert [change.new for change in restored.history if change.field == "dismissed"] == [True, False]


def test_a_reviewer_corrects_the_speaker(repo, strike_story) -> None:
    from factcheck_tui.core.workflow.claim_edits import set_speaker

    _, claims = strike_story
    target = next(claim for claim in claims if claim.speaker and claim.speaker != "Carla Mendes")
    fixed, *_ = set_speaker(repo, target.id, "  Carla   Mendes ", actor="ana", expected_version=target.version)
    assert fixed.speaker == "Carla Mendes"
    assert [(change.old, change.new) for change in fixed.history if change.field == "speaker"] == [
        (target.speaker, "Carla Mendes")
    ]
    assert set_speaker(repo, target.id, "", actor="ana")[0].speaker is None


def test_a_speaker_correction_reaches_the_story_claims_with_the_same_wrong_speaker(repo, strike_story) -> None:
    from factcheck_tui.core.workflow.claim_edits import set_speaker

    story, claims = strike_story
    wrong = claims[9].speaker
    carrying = [claim for claim in claims if claim.speaker == wrong]
    assert wrong and len(carrying) > 1
    others = [claim for claim in claims if claim.speaker != wrong]
    fixed = set_speaker(repo, carrying[-1].id, "Lena Ortiz", actor="ben")
    assert [claim.id for claim in fixed] == [carrying[-1].id] + [claim.id for claim in carrying[:-1]]
    assert all(claim.speaker == "Lena Ortiz" and claim.history[-1].note for claim in fixed)
    after = {claim.id: claim for claim in repo.list_claims(story.id)}
    assert all(after[claim.id].speaker == claim.speaker for claim in others)

    # A speaker set by a reviewer is theirs: correcting one of them again leaves the others alone.
    again = set_speaker(repo, carrying[0].id, "Ann Price", actor="ana")
    assert [claim.id for claim in again] == [carrying[0].id]
    assert repo.get_claim(carrying[1].id).speaker == "Lena Ortiz"


def test_clearing_a_speaker_or_a_done_claim_is_never_corrected_with_another_claim(repo, strike_story) -> None:
    from factcheck_tui.core.workflow.claim_edits import set_speaker

    _, claims = strike_story
    wrong = claims[9].speaker
    first, second, third, *_ = [claim for claim in claims if claim.speaker == wrong]
    # Nobody's words here says nothing of the name elsewhere in the story.
    assert [claim.id for claim in set_speaker(repo, first.id, "", actor="ben")] == [first.id]
    assert repo.get_claim(second.id).speaker == wrong
    # A claim whose review is done keeps the speaker it was published with.
    review.set_verdict(repo, second.id, "False", scale=DEFAULT_SCALE, actor="ana", conclusion="Checked.")
    review.set_status(repo, second.id, Status.DONE, actor="ana")
    corrected = set_speaker(repo, third.id, "Lena Ortiz", actor="ben")
    assert third.id in [claim.id for claim in corrected] and second.id not in [claim.id for claim in corrected]
    assert repo.get_claim(second.id).speaker == wrong


def test_merging_a_rated_claim_needs_a_decision_about_its_verdict(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    question = by_text(claims, "Is this the end")
    answer = by_text(claims, "Not everyone thinks so")
    review.set_verdict(repo, question.id, "Mostly true", scale=DEFAULT_SCALE, actor="ana", conclusion="Fair.")
    assert claim_edits.review_at_stake(repo.get_claim(question.id), answer) == [
        f"{question.id} is rated Mostly true and has a conclusion"
    ]

    with pytest.raises(WorkflowError, match="given for other words"):
        claim_edits.merge_claims(repo, question.id, answer.id, actor="ana")
    assert not repo.get_claim(answer.id).dismissed

    again = claim_edits.merge_claims(
        repo, question.id, answer.id, actor="ana", review=claim_edits.MergedReview.RATE_AGAIN
    )
    assert again.verdict is None and again.conclusion == "Fair." and again.status == "In progress"
    review.undo(repo, question.id, again.version, actor="ana")
    kept = claim_edits.merge_claims(repo, question.id, answer.id, actor="ana", review=claim_edits.MergedReview.KEEP)
    assert kept.verdict == "Mostly true"


def test_merging_unrated_claims_needs_no_decision(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    question = by_text(claims, "Is this the end")
    answer = by_text(claims, "Not everyone thinks so")
    assert claim_edits.review_at_stake(question, answer) == []
    assert claim_edits.merge_claims(repo, question.id, answer.id, actor="ana").verdict is None


def test_a_merged_claim_keeps_the_fuller_speaker_name(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    reyes = by_text(claims, "Port director Dr. Alan Reyes")
    added = by_text(claims, "He added that the backlog")
    claim_edits.set_speaker(repo, reyes.id, "Dr. Alan Reyes", actor="ana")
    # The joined text names him "Alan Reyes" as he speaks: the name the reviewer gave stays.
    merged = claim_edits.merge_claims(repo, reyes.id, added.id, actor="ana")
    assert merged.speaker == "Dr. Alan Reyes"


def test_fuller_speaker_prefers_the_longer_name_that_contains_the_other_else_the_first() -> None:
    assert claim_edits.fuller_speaker("Kamala Harris", "Harris") == "Kamala Harris"
    assert claim_edits.fuller_speaker("Harris", "Kamala Harris") == "Kamala Harris"
    assert claim_edits.fuller_speaker("Kamala Harris", "Donald Trump") == "Kamala Harris"
    assert claim_edits.fuller_speaker(None, "Carla Mendes", "Mendes") == "Carla Mendes"
    assert claim_edits.fuller_speaker(None, None, None) is None


def test_the_split_point_of_a_merged_claim_is_where_the_merge_joined_it(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    question = by_text(claims, "Is this the end")
    answer = by_text(claims, "Not everyone thinks so")
    merged = claim_edits.merge_claims(repo, question.id, answer.id, actor="ana")
    assert claim_edits.split_point(merged) == merged.text.index("Not everyone")
    first, second = claim_edits.split_claim(repo, merged.id, claim_edits.split_point(merged), actor="ana")
    assert (first.text, second.text) == (question.text, answer.text)
    # Merged the other way round (the later claim keeps its id), the join is the same place.
    other = claim_edits.merge_claims(repo, second.id, first.id, actor="ana")
    assert claim_edits.split_point(other) == other.text.index("Not everyone")


def test_without_a_merge_the_split_point_starts_a_sentence_or_a_word(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    union = by_text(claims, "The union said 87 percent")
    at = claim_edits.split_point(union)
    assert 0 < at < len(union.text) and union.text[at - 1] == " " and union.text[at] != " "
    edited = claim_edits.edit_claim_text(repo, union.id, "Wages rose. Prices rose faster than wages did.", actor="ana")
    assert claim_edits.split_point(edited) == edited.text.index("Prices")
