"""Page furniture (bylines, the outlet's notes) is never offered as a duplicate, as query or as candidate.

An outlet repeats its notes word for word in every story: if they were matched, every pair of its
stories would show "checked before" on them.
"""

from __future__ import annotations

import orjson

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.story_import import extracted_claims
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Story
from factcheck_tui.core.storage.doctor import check_database
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.claim_edits import rescored

NOTE = "To comment on this item, write to the Harbour Ledger letters desk."
SHARED_CLAIM = "The ferry between Olsby and Marten Quay carried 40,000 passengers in August."


def _story(repo: Repository, title: str, lead: str) -> list:
    body = f"{lead} {SHARED_CLAIM}\n\n{NOTE}"
    story = Story(id="", title=title, body=body)
    _, claims = repo.add_story(story, extracted_claims(extract(body)), "tester")
    return claims


def _by_text(claims: list, text: str):
    return next(claim for claim in claims if claim.text == text)


def test_an_outlet_note_in_two_stories_is_no_duplicate_but_a_shared_claim_is(repo: Repository) -> None:
    first = _story(repo, "Ferry numbers", "Harbour officials met on Monday.")
    second = _story(repo, "Quay repairs", "Repairs to the quay began in spring.")
    assert _by_text(first, NOTE).furniture and not _by_text(first, SHARED_CLAIM).furniture
    index = MatchIndex.open(repo)
    found = index.matches_for([claim.id for claim in first])
    assert [match.claim_id for match in found[_by_text(first, SHARED_CLAIM).id]][:1] == [
        _by_text(second, SHARED_CLAIM).id
    ]
    assert _by_text(first, NOTE).id not in found
    assert _by_text(second, NOTE).id not in {match.claim_id for match in index.search(NOTE)}
    clustered = {member.claim_id for cluster in index.clusters() for member in cluster.members}
    assert _by_text(second, SHARED_CLAIM).id in clustered and _by_text(second, NOTE).id not in clustered


def test_a_note_the_reviewer_flags_check_worthy_is_matched_again(repo: Repository) -> None:
    _story(repo, "Ferry numbers", "Harbour officials met on Monday.")
    note = _by_text(_story(repo, "Quay repairs", "Repairs to the quay began in spring."), NOTE)
    body = repo.get_story(note.story_id).body
    repo.update_claim(note.id, lambda claim: rescored(claim, body, checkworthy=True), "tester")
    assert note.id in {match.claim_id for match in MatchIndex.open(repo).search(NOTE)}


def test_digests_written_before_the_mark_load_and_pass_the_doctor(repo: Repository) -> None:
    claims = _story(repo, "Ferry numbers", "Harbour officials met on Monday.")
    for path in repo.layout.digests.glob("*.json"):
        data = orjson.loads(path.read_bytes())
        for row in data["claims"].values():
            del row["furniture"]
        path.write_bytes(orjson.dumps(data))
    assert check_database(repo.root).healthy
    index = MatchIndex.open(repo)
    assert len(index) == len(claims)
