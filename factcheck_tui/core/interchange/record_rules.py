"""The rules every stored story and claim keeps, checked on records that come from outside (a backup).

The app only ever writes records that keep them (numbers from 1, offsets inside the body, one id
per evidence item, verdicts from the scale, links that are web or mail addresses); a hand-edited
or hostile file may not, and a ``javascript:`` link restored would be one keypress from running.
"""

from __future__ import annotations

from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.urls import has_safe_scheme


def story_problem(story: Story) -> str | None:
    if story.version < 1:
        return f"story.version: {story.version} (versions start at 1)"
    if story.url and not has_safe_scheme(story.url):
        return f"story.url: {story.url!r} is not a web address (http, https or mailto)"
    return None


def claim_problem(story: Story, claim: Claim, scale: VerdictScale) -> str | None:
    """What is wrong with one claim of ``story``, or None."""
    if claim.number < 1:
        return f"number: {claim.number} (claims are numbered from 1)"
    if claim.version < 1:
        return f"version: {claim.version} (versions start at 1)"
    if (claim.start is None) != (claim.end is None):
        return "start and end: one is set without the other"
    if claim.start is not None and claim.end is not None and not 0 <= claim.start <= claim.end <= len(story.body):
        return f"start {claim.start}, end {claim.end}: not a stretch of the story's {len(story.body):,} characters"
    if claim.verdict is not None and claim.verdict not in scale.names:
        return f"verdict: {claim.verdict!r} is not on the scale ({', '.join(scale.names)})"
    if claim.review_url and not has_safe_scheme(claim.review_url):
        return f"review_url: {claim.review_url!r} is not a web address (http, https or mailto)"
    seen: set[str] = set()
    for item in claim.evidence:
        if not item.id or item.id in seen:
            return f"evidence id {item.id!r} is {'empty' if not item.id else 'used twice'}"
        seen.add(item.id)
        if item.url and not has_safe_scheme(item.url):
            return f"evidence {item.id}: {item.url!r} is not a web address (http, https or mailto)"
    if any(not 0 <= change.version <= claim.version for change in claim.history):
        return f"history: a change has a version outside 0..{claim.version}"
    return None
