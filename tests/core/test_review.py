from __future__ import annotations

import pytest

from factcheck_tui.core.errors import InputError, NotFoundError, StaleWriteError, WorkflowError
from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import DEFAULT_SCALE, VerdictLabel, VerdictScale
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review


def test_verdict_is_resolved_against_the_scale_and_starts_the_review(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    saved = review.set_verdict(repo, claims[2].id, "mostly TRUE", scale=DEFAULT_SCALE, actor="ana")
    assert saved.verdict == "Mostly true"
    assert saved.status is Status.IN_PROGRESS
    assert saved.reviewer == "ana"


def test_verdict_by_number_and_unknown_verdict(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    assert review.set_verdict(repo, claims[2].id, "5", scale=DEFAULT_SCALE, actor="ana").verdict == "False"
    with pytest.raises(InputError, match="unknown verdict 'Pants on fire'; the scale is: True, Mostly true"):
        review.set_verdict(repo, claims[2].id, "Pants on fire", scale=DEFAULT_SCALE, actor="ana")


def test_a_newsroom_scale_replaces_the_default(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    politifact = VerdictScale(
        labels=[
            VerdictLabel(label=name, rating=6 - index)
            for index, name in enumerate(["True", "Mostly True", "Half True", "Mostly False", "False", "Pants on Fire"])
        ]
    )
    assert politifact.worst_rating == 0 or politifact.worst_rating == 1
    assert (
        review.set_verdict(repo, claims[2].id, "pants on fire", scale=politifact, actor="ana").verdict
        == "Pants on Fire"
    )


def test_verdict_with_conclusion_and_evidence_in_one_save(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    saved = review.set_verdict(
        repo,
        claims[2].id,
        "False",
        scale=DEFAULT_SCALE,
        actor="ana",
        conclusion="The union's own count was 71 percent.",
        evidence_urls=["union.example/vote-results", "https://port.example/press"],
    )
    assert saved.version == 2
    assert [item.url for item in saved.evidence] == ["https://union.example/vote-results", "https://port.example/press"]
    assert [item.id for item in saved.evidence] == ["e1", "e2"]
    assert {change.field for change in saved.history if change.version == 2} == {
        "verdict",
        "conclusion",
        "evidence",
        "status",
    }


def test_evidence_is_added_edited_and_removed(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[3].id
    claim = review.add_evidence(repo, cid, url="https://a.example/x", source="A", note="shows x", actor="ana")
    assert (claim.evidence[0].source, claim.evidence[0].added_by) == ("A", "ana")
    claim = review.update_evidence(repo, cid, "e1", url="https://a.example/y", source="A2", note="", actor="ben")
    assert (claim.evidence[0].url, claim.evidence[0].source, claim.evidence[0].added_by) == (
        "https://a.example/y",
        "A2",
        "ana",
    )
    claim = review.remove_evidence(repo, cid, "e1", actor="ana")
    assert claim.evidence == []
    with pytest.raises(NotFoundError):
        review.remove_evidence(repo, cid, "e1", actor="ana")
    with pytest.raises(InputError, match="not a web address"):
        review.add_evidence(repo, cid, url="not a url", actor="ana")
    with pytest.raises(InputError, match="needs a URL, a source name or a note"):
        review.add_evidence(repo, cid, actor="ana")


def test_undo_reverts_the_last_save_and_records_it(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[2].id
    review.set_verdict(repo, cid, "True", scale=DEFAULT_SCALE, actor="ana")
    saved = review.set_verdict(repo, cid, "False", scale=DEFAULT_SCALE, actor="ana", conclusion="No.")
    restored = review.undo(repo, cid, saved.version, actor="ana")
    assert (restored.verdict, restored.conclusion) == ("True", "")
    assert restored.version == saved.version + 1
    assert restored.history[-1].note == f"undo of version {saved.version}"


def test_undo_refuses_when_someone_changed_the_claim_since(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[2].id
    mine = review.set_verdict(repo, cid, "True", scale=DEFAULT_SCALE, actor="ana")
    review.set_status(repo, cid, Status.DONE, actor="ben")
    with pytest.raises(StaleWriteError, match="changed by ben"):
        review.undo(repo, cid, mine.version, actor="ana")
    assert repo.get_claim(cid).verdict == "True"


def test_evidence_edits_merge_with_other_reviewers_unless_the_same_item_changed(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[3].id
    seen = review.add_evidence(repo, cid, url="https://a.example/1", source="A", actor="ana").evidence[0]
    review.add_evidence(repo, cid, url="https://b.example/2", source="B", actor="ben")
    # Ben's new item does not block Ana's edit of the item she saw...
    edited = review.update_evidence(
        repo, cid, "e1", url="https://a.example/1", source="A (2024)", actor="ana", expected_item=seen
    )
    assert [item.source for item in edited.evidence] == ["A (2024)", "B"]
    # ...but an edit of that very item since she looked does.
    with pytest.raises(StaleWriteError, match="evidence e1 was changed by ana since you opened it; reload it"):
        review.remove_evidence(repo, cid, "e1", actor="ben", expected_item=seen)
    assert len(repo.get_claim(cid).evidence) == 2


def test_status_and_verdict_agree(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[4].id
    with pytest.raises(WorkflowError, match="Done needs a verdict"):
        review.set_status(repo, cid, Status.DONE, actor="ana")
    rated = review.set_verdict(repo, cid, "False", scale=DEFAULT_SCALE, actor="ana")
    assert rated.status is Status.IN_PROGRESS
    with pytest.raises(WorkflowError, match="clear the verdict first"):
        review.set_status(repo, cid, Status.UNREVIEWED, actor="ana")
    done = review.set_status(repo, cid, Status.DONE, actor="ana")
    # The cycle of a rated claim goes round without Unreviewed; an unrated one's without Done.
    assert review.next_status(done) is Status.IN_PROGRESS
    cleared = review.set_verdict(repo, cid, None, scale=DEFAULT_SCALE, actor="ana")
    assert cleared.status is Status.IN_PROGRESS
    waiting = review.set_status(repo, cid, Status.NEEDS_SECOND_REVIEW, actor="ana")
    assert review.next_status(waiting) is Status.UNREVIEWED


def test_history_reads_as_words_with_a_word_diff_for_text() -> None:
    from factcheck_tui.core.models import Change
    from factcheck_tui.core.workflow.history import describe_change

    edit = Change(
        by="ana", field="conclusion", old="Port figures say 95 million a day.", new="Port figures say 60 million a day."
    )
    assert describe_change(edit) == "conclusion: Port figures say [-95-] {+60+} million a day."
    assert describe_change(Change(by="ana", field="dismissed", old=False, new=True)) == "dismissed the claim"
    assert (
        describe_change(Change(by="ana", field="copied_from", old=None, new="p0rt5-6"))
        == "verdict copied from: — → p0rt5-6"
    )
    for field in ("start", "end", "checkworthy", "approved_at", "copied_from"):
        assert field not in describe_change(Change(by="ana", field=field, old=1, new=2))
