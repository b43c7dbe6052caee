"""Reusing an earlier check: copy its verdict, conclusion and evidence, with a back-link."""

from __future__ import annotations

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.models import Claim, Evidence, utcnow
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.review import mark_started


def copy_verdict(
    repo: Repository,
    target_claim_id: str,
    source_claim_id: str,
    *,
    actor: str,
    expected_version: int | None = None,
) -> Claim:
    """Give ``target`` the verdict, conclusion and evidence of ``source``; ``copied_from`` points back.

    The change goes through the repository like any edit, so the target's history records the
    copy (and ``undo`` can take it back). Evidence items get new ids in the target and keep their
    source, link and note; the conclusion keeps any text the target already had below it.
    """
    source = repo.get_claim(source_claim_id)
    if source.id == repo.get_claim(target_claim_id).id:
        raise InputError(f"{source.id}: cannot copy a claim's verdict onto itself")
    if source.verdict is None:
        raise InputError(f"{source.id} has no verdict to copy")

    def edit(claim: Claim) -> Claim:
        claim.verdict = source.verdict
        if source.conclusion:
            kept = claim.conclusion.strip()
            claim.conclusion = (
                source.conclusion if not kept or kept == source.conclusion else f"{source.conclusion}\n\n{kept}"
            )
        known = {(item.url, item.source, item.note) for item in claim.evidence}
        for item in source.evidence:
            if (item.url, item.source, item.note) in known:
                continue
            claim.evidence.append(
                Evidence(
                    id=claim.next_evidence_id(),
                    url=item.url,
                    source=item.source,
                    note=item.note,
                    added_at=utcnow(),
                    added_by=actor,
                )
            )
        if source.review_url and source.review_url not in {item.url for item in claim.evidence}:
            # A past fact-check imported from an archive is itself the evidence: link to it.
            claim.evidence.append(
                Evidence(
                    id=claim.next_evidence_id(),
                    url=source.review_url,
                    source=source.review_title or "earlier fact-check",
                    note=f"Published check of {source.id}" + (f" ({source.reviewed_on})" if source.reviewed_on else ""),
                    added_at=utcnow(),
                    added_by=actor,
                )
            )
        claim.copied_from = source.id
        mark_started(claim, actor)
        return claim

    return repo.update_claim(
        target_claim_id, edit, actor, expected_version=expected_version, note=f"copied from {source.id}"
    )
