"""A second reviewer's approval, and when it no longer holds."""

from __future__ import annotations

from factcheck_tui.core.models import Claim, Status


def withdraw_approval(claim: Claim) -> None:
    """A second reviewer approved what the claim said then; a changed verdict or conclusion needs
    approving again, so an approved claim goes back to Needs second review."""
    if claim.approved_by is not None:
        claim.approved_by = None
        claim.approved_at = None
        if claim.status is Status.DONE:
            claim.status = Status.NEEDS_SECOND_REVIEW
