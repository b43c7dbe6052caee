"""Claim matching: "was this already checked?" across stories and the imported archive.

Front ends use ``MatchIndex`` (search, similar claims, clusters), ``LinkStore`` (reviewers'
confirm/reject decisions) and ``copy_verdict``; none of it knows about Textual.
"""

from factcheck_tui.core.matching.cancel import Cancel, MatchingCancelled
from factcheck_tui.core.matching.copying import copy_verdict
from factcheck_tui.core.matching.links import LinkStore
from factcheck_tui.core.matching.results import ClaimRef, Cluster, ClusterMember, Decision, Level, LinkDecision, Match
from factcheck_tui.core.matching.service import MatchIndex

__all__ = [
    "Cancel",
    "ClaimRef",
    "Cluster",
    "ClusterMember",
    "Decision",
    "Level",
    "LinkDecision",
    "LinkStore",
    "Match",
    "MatchIndex",
    "MatchingCancelled",
    "copy_verdict",
]
