"""Page furniture: the lines of a story that are not its claims, and how a stored claim is known as one.

Extraction (``intake/extraction/structure.py``) names what such a line is on its page, and that
name is the claim's one reason ("against: byline"). The stored reasons are the mark: a claim is
known as furniture later without reading its story again, claims imported before this module
included. Kept apart from the extraction code so that the models can ask without loading it.
"""

from __future__ import annotations

from collections.abc import Iterable

# How a reason says that its cue lowered the score (extraction/scoring.py).
AGAINST = "against: "

HEADLINE = "headline, subhead or label"
DATELINE = "dateline"
BYLINE = "byline"
CAPTION = "photo caption or credit"
LINK = "link to other coverage"
RATING = "the outlet's own rating"
OUTLET = "the outlet's own note"
OWN_REPORTING = "how the newsroom checked, not a claim"
FIGURES = "table cell or figure label"
NOTICE = "tells readers what comes next, not a claim"
ROLES = frozenset({HEADLINE, DATELINE, BYLINE, CAPTION, LINK, RATING, OUTLET, OWN_REPORTING, FIGURES, NOTICE})


def is_furniture(reasons: Iterable[str]) -> bool:
    """Whether a claim's reasons say that extraction found it is page furniture, not a claim."""
    return any(reason.removeprefix(AGAINST) in ROLES for reason in reasons)
