from __future__ import annotations

from factcheck_tui.core import review
from factcheck_tui.core.history import describe_change
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository


def test_history_reads_as_sentences(repo: Repository, strike_story) -> None:
    _, claims = strike_story
    cid = claims[2].id
    review.set_verdict(repo, cid, "False", scale=DEFAULT_SCALE, actor="ana")
    review.add_evidence(repo, cid, url="https://a.example/1", source="Port authority", actor="ana")
    review.update_evidence(
        repo, cid, "e1", url="https://a.example/1", source="Port authority", note="Table 2", actor="ana"
    )
    claim = review.remove_evidence(repo, cid, "e1", actor="ana")
    lines = [describe_change(change) for change in claim.history]
    assert lines[0] == "created the claim"
    assert "verdict: — → False" in lines
    assert lines[-3:] == [
        "evidence: added e1 (Port authority)",
        "evidence: edited e1 (Port authority)",
        "evidence: removed e1 (Port authority)",
    ]
