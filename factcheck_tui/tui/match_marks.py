"""How earlier checks of a claim show: a marker in lists, a line in the context pane.

A "likely" duplicate is marked; a "possible" one is only shown (in the claim's duplicates pane),
so topical neighbours in a busy archive do not flag every claim.
"""

from __future__ import annotations

from rich.text import Text

from factcheck_tui.core.matching.results import ClaimRef, Level, Match
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow.duplicates import EarlierCheck
from factcheck_tui.tui.formatting import verdict_text

CONFIRMED_MARK = "="
LIKELY_MARK = "◆"


def strong(matches: list[Match]) -> list[Match]:
    return [match for match in matches if match.confirmed or match.level is Level.LIKELY]


def marker(matches: list[Match]) -> str:
    marked = strong(matches)
    if any(match.confirmed for match in marked):
        return CONFIRMED_MARK
    return LIKELY_MARK if marked else ""


def source_name(match: ClaimRef) -> str:
    """Where a claim was said: the published check's headline (archives), or its story and outlet."""
    return _source(match.review_title or match.story_title or match.story_id, match.outlet, archive=match.archive)


def check_source(check: EarlierCheck) -> str:
    """``source_name`` for a claim read in full (a rejected candidate)."""
    name = check.claim.review_title or check.story.title or check.story.id
    return _source(name, check.story.outlet, archive=check.archive)


def _source(name: str, outlet: str, *, archive: bool) -> str:
    return shown(name if not outlet or archive else f"{name} ({outlet})")


def checked_before(matches: list[Match]) -> Text | None:
    """“Checked before: False in story X” for the best likely or confirmed match with a verdict;
    “Perhaps checked before: …” for the best possible one, when nothing better has a verdict."""
    if not matches:
        return None
    marked = strong(matches)
    rated = next((match for match in marked if match.verdict), None)
    perhaps = None if marked else next((match for match in matches if match.verdict), None)
    shown_match = rated or perhaps
    line = Text()
    if shown_match is not None:
        line.append("Checked before: " if rated else "Perhaps checked before: ", style="bold")
        line.append(shown(shown_match.verdict or ""), style="bold reverse" if rated else "bold")
        line.append(f" in “{source_name(shown_match)}”")
        if shown_match.published:
            line.append(f", {shown_match.published.isoformat()}")
        level = "confirmed" if shown_match.confirmed else shown_match.level.value
        line.append(f" · {shown_match.claim_id} · {level} {shown_match.score:.2f}", style="dim")
    elif marked:
        line.append("Same claim in: ", style="bold")
        line.append(f"“{source_name(marked[0])}” ({marked[0].claim_id}), not rated there yet")
    else:
        line.append(f"{len(matches)} possibly related claim{'s' if len(matches) != 1 else ''} elsewhere", style="dim")
    line.append("  · d shows them", style="dim")
    return line


def earlier_lines(matches: list[Match], scale: VerdictScale, *, colour: bool) -> Text:
    """A short ranked list for the claim detail: mark, score, verdict, the earlier claim, where and when."""
    text = Text("Checked before  (d: all, confirm, reject or copy)", style="bold")
    for match in matches:
        text.append(f"\n{marker([match]) or ' '} {match.score:.2f} ")
        if match.verdict:
            text.append_text(verdict_text(match.verdict, scale, colour=colour))
        else:
            text.append("not rated", style="dim")
        text.append(f" “{shown(match.text)}”")
        where = " · ".join(
            part
            for part in (source_name(match), match.published.isoformat() if match.published else "", match.claim_id)
            if part
        )
        text.append(f" — {where}", style="dim")
    return text
