"""An earlier check as the duplicates screen shows it before the reviewer links or copies it: the
two claims one above the other, then the earlier one's verdict, when and where it was checked, its
conclusion and every evidence item (what ``c`` copies)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from factcheck_tui.core.models import Claim
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.text import shown
from factcheck_tui.core.workflow.duplicates import EarlierCheck
from factcheck_tui.tui.formatting import verdict_text
from factcheck_tui.tui.links import link_text

LABEL_WIDTH = 10


def _verdict(check: EarlierCheck, scale: VerdictScale, *, colour: bool) -> Text:
    """The verdict, and when and by whom it was given (for an imported check: when it was published)."""
    claim = check.claim
    if claim.verdict is None and claim.original_label:
        # An imported check whose rating did not map: it was rated, just not on our scale.
        return Text(
            f"rated “{shown(claim.original_label)}” by the publisher, not placed on our scale "
            "(import the file again once it maps, or add it to the scale): nothing to copy",
            style="dim",
        )
    if claim.verdict is None:
        return Text(f"not rated yet ({claim.status.value}): nothing to copy", style="dim")
    text = verdict_text(claim.verdict, scale, colour=colour)
    if claim.original_label and claim.original_label != claim.verdict:
        text.append(f" (rated “{shown(claim.original_label)}” by the publisher)")
    when = check.checked_on
    if check.archive:
        text.append(f" · published {when.isoformat()}" if when else " · publication date unknown")
    elif check.rated is not None and when is not None:
        text.append(f" · checked {when.isoformat()} by {shown(check.rated.by)} · {claim.status.value}")
    if claim.copied_from:
        text.append(f" · copied from {claim.copied_from}", style="dim")
    return text


def _where(check: EarlierCheck) -> Text:
    """The story (headline, outlet, date, link) or the archive and the published check it comes from."""
    claim, story = check.claim, check.story
    text = Text()
    if check.archive:
        text.append(f"the archive “{shown(story.title)}”")
        if claim.review_title:
            text.append(f"\ncheck “{shown(claim.review_title)}”")
        if claim.review_url:
            text.append("\n")
            text.append_text(link_text(claim.review_url))
    else:
        text.append(f"“{shown(story.title)}”")
        if story.outlet:
            text.append(f" · {shown(story.outlet)}")
        if story.published:
            text.append(f" · {story.published.isoformat()}")
        if story.url:
            text.append("\n")
            text.append_text(link_text(story.url, style="dim"))
    text.append(f"\nclaim {claim.id}", style="dim")
    return text


def _evidence(claim: Claim) -> list[Text]:
    items = []
    for item in claim.evidence:
        text = Text()
        text.append(item.id, style="bold")
        text.append(f" {shown(item.source)}" if item.source else " no source named", style="" if item.source else "dim")
        if item.url:
            text.append("\n")
            text.append_text(link_text(item.url))
        if item.note:
            text.append(f"\n{shown(item.note)}", style="italic")
        items.append(text)
    return items or [Text("none", style="dim")]


def earlier_check_table(claim: Claim, check: EarlierCheck, scale: VerdictScale, *, colour: bool) -> Table:
    """Label and value, row by row; a long value wraps under itself, never under its label."""
    earlier = check.claim
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", width=LABEL_WIDTH, no_wrap=True)
    # A link longer than the line is folded, never cut: every character of it stays readable.
    table.add_column(ratio=1, overflow="fold")
    table.add_row("This claim", Text(shown(claim.text)))
    said = Text(shown(earlier.text))
    if earlier.speaker:
        said.append(f" — {shown(earlier.speaker)}", style="italic")
    table.add_row("Earlier", said)
    table.add_row("", "")
    table.add_row("Verdict", _verdict(check, scale, colour=colour))
    table.add_row("In", _where(check))
    conclusion = earlier.conclusion.strip()
    table.add_row("Conclusion", Text(shown(conclusion)) if conclusion else Text("none written", style="dim"))
    for number, item in enumerate(_evidence(earlier)):
        table.add_row("Evidence" if number == 0 else "", item)
    return table
