from __future__ import annotations

from datetime import date

from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review
from factcheck_tui.core.workflow.claim_edits import dismiss_claim
from factcheck_tui.core.workflow.filters import ClaimFilter


def test_one_filter_serves_lists_and_reports(repo: Repository, strike_story) -> None:
    story, claims = strike_story
    worthy = [claim for claim in claims if claim.checkworthy]
    review.set_verdict(repo, worthy[0].id, "False", scale=DEFAULT_SCALE, actor="Ana ")
    review.set_verdict(repo, worthy[1].id, "True", scale=DEFAULT_SCALE, actor="ben")
    review.set_status(repo, worthy[1].id, Status.DONE, actor="ben")
    dismiss_claim(repo, claims[-1].id, actor="ben")
    everything = repo.list_claims(story.id, include_dismissed=True)

    def ids(wanted: ClaimFilter) -> set[str]:
        return {claim.id for claim in everything if wanted.matches(claim)}

    live = {claim.id for claim in everything if not claim.dismissed}
    assert ids(ClaimFilter()) == live
    assert ids(ClaimFilter(dismissed=True)) == {claims[-1].id}
    assert ids(ClaimFilter(dismissed=None)) == {claim.id for claim in everything}
    assert ids(ClaimFilter(reviewed=True)) == {worthy[0].id, worthy[1].id}
    assert worthy[0].id not in ids(ClaimFilter(reviewed=False, checkworthy_only=True))
    assert ids(ClaimFilter(verdicts=frozenset({"False"}))) == {worthy[0].id}
    assert ids(ClaimFilter(statuses=frozenset({Status.DONE}))) == {worthy[1].id}
    assert ids(ClaimFilter(reviewers=frozenset({"ana"}))) == {worthy[0].id}  # stored as typed: "Ana "
    today = repo.get_claim(worthy[0].id).history[-1].at.date()
    assert ids(ClaimFilter(since=today, until=today)) == {worthy[0].id, worthy[1].id}
    assert ids(ClaimFilter(until=date(2000, 1, 1))) == set()
    assert ids(ClaimFilter(text="reyes MILLION")) == {
        claim.id for claim in everything if "Reyes" in claim.text and "million" in claim.text and not claim.dismissed
    }
    assert ClaimFilter(reviewed=False, checkworthy_only=True).describe() == "check-worthy, unreviewed"
