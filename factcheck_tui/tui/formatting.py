"""How core values look on screen. Every marker has a text form, so NO_COLOR loses nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text

from factcheck_tui.core.models import Claim, Status
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.tui.literal import literal

# A bar narrower than this says nothing; the counts stand alone.
MIN_BAR = 2
STATUS_MARK = {
    Status.UNREVIEWED: "·",
    Status.IN_PROGRESS: "…",
    Status.NEEDS_SECOND_REVIEW: "2nd",
    Status.DONE: "✓",
}


# Where a verdict leans on the scale, for its colour and for its symbol (the same without colour).
TRUE_SIDE, MIXED, FALSE_SIDE, UNRATED = "true", "mixed", "false", "unrated"
LEANING_STYLE = {TRUE_SIDE: "bold green", MIXED: "bold yellow", FALSE_SIDE: "bold red", UNRATED: "bold yellow"}
LEANING_SYMBOL = {TRUE_SIDE: "✓", MIXED: "~", FALSE_SIDE: "✗", UNRATED: "!"}
NO_VERDICT_SYMBOL = {True: "?", False: "·"}


def leaning(label: str, scale: VerdictScale) -> str:
    """True side, mixed, false side, or unrated (a label outside the ordered part of the scale)."""
    rating = scale.rating(label)
    best, worst = scale.best_rating, scale.worst_rating
    if rating is None or best is None or worst is None or best == worst:
        return UNRATED
    position = (rating - worst) / (best - worst)
    return TRUE_SIDE if position >= 0.75 else FALSE_SIDE if position <= 0.25 else MIXED


def verdict_style(label: str | None, scale: VerdictScale, *, colour: bool = True) -> str:
    if label is None:
        return "dim"
    if not colour:
        # Without colour, grey shades of red and green read as "disabled": plain bold stays legible.
        return "bold"
    return LEANING_STYLE[leaning(label, scale)]


def verdict_symbol(claim: Claim, scale: VerdictScale) -> str:
    """One character that says what colour says: ✓ ~ ✗ ! for a verdict, ? to check, · not worth it."""
    if claim.verdict is None:
        return NO_VERDICT_SYMBOL[claim.checkworthy]
    return LEANING_SYMBOL[leaning(claim.verdict, scale)]


def verdict_text(label: str | None, scale: VerdictScale, *, colour: bool = True) -> Text:
    return literal(label or "—", verdict_style(label, scale, colour=colour))


def worthy_text(claim: Claim) -> Text:
    """● check-worthy, ○ not: the mark stays when a narrow list gives up the score beside it."""
    return Text("●", style="bold") if claim.checkworthy else Text("○", style="dim")


def score_text(claim: Claim) -> Text:
    return Text(f"{claim.score:.2f}", style="bold" if claim.checkworthy else "dim")


def status_text(status: Status) -> Text:
    return Text(STATUS_MARK[status], style="bold" if status is Status.DONE else "")


def progress_text(done: int, total: int, *, cell: int, bar: int) -> str:
    """A bar of up to ``bar`` cells and "done/total" in ``cell`` cells: the numbers are always
    whole ("0/5001", never "0/50"); the bar shrinks, or goes, to make room for them."""
    counts = f"{done}/{total}"
    width = min(bar, cell - len(counts) - 1)
    if width < MIN_BAR:
        return counts
    filled = round(width * done / total) if total else 0
    return f"{'█' * filled}{'░' * (width - filled)} {counts}"


def ago(moment: datetime, *, short: bool = False) -> str:
    """Recent changes read as "5 min ago"; anything older than a day as its date and time (UTC),
    or with ``short`` (a table column of 10) as its date alone."""
    seconds = (datetime.now(UTC) - moment).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return moment.strftime("%Y-%m-%d" if short else "%Y-%m-%d %H:%M UTC")
