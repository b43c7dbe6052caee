"""An article already in the database in nearly the same words: an updated copy of it comes in as
a story of its own (that is legitimate: the story changed), with one line saying which it repeats.

A byte-identical text, or the same page, is refused before this (``refuse_reimport``); this finds
what that misses: a word changed, a correction added. Comparing a text with every story would mean
reading every story file, so only the likely ones are read: those with a headline like the new
one's, and the last stories that came in (an updated copy is usually imported soon after).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.intake.story_import import UNTITLED
from factcheck_tui.core.models import Story, StoryKind, StorySummary
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import one_line, wording

# Percent alike (rapidfuzz ratio of the texts' words) from which a story repeats another: one
# changed word in a 500-word article is 99; two articles on one subject stay far below 90.
NEARLY_THE_SAME = 90.0
# Headlines this alike make a story worth reading to compare its text.
LIKE_HEADLINES = 85.0
# How many of the stories imported last are compared whatever their headline.
RECENT_STORIES = 20
HEADLINE_CHARS = 50


def nearly_the_same(repo: Repository, story: Story) -> str | None:
    """One line saying which story the just imported ``story`` nearly repeats (its text, else its
    headline), or None: a warning, never a refusal."""
    others = [
        summary for summary in repo.list_stories() if summary.id != story.id and summary.kind is not StoryKind.ARCHIVE
    ]
    headline = wording(story.title)
    like = [summary for summary in others if fuzz.ratio(headline, wording(summary.title)) >= LIKE_HEADLINES]
    recent = sorted(others, key=lambda summary: summary.imported_at, reverse=True)[:RECENT_STORIES]
    text = wording(story.body)
    alike = [
        (fuzz.ratio(text, wording(body), score_cutoff=NEARLY_THE_SAME), summary)
        for summary in {summary.id: summary for summary in [*like, *recent]}.values()
        if (body := _body(repo, summary.id)) is not None
    ]
    kept = f"imported as a story of its own, {story.id}"
    source = f"{story.source_file}: " if story.source_file else ""
    closest = max(alike, key=lambda pair: pair[0], default=None)
    if closest is not None and closest[0]:
        # Rounded down: a text with one word changed is not "100%" alike.
        return f"{source}nearly the same text as story {_named(closest[1])}, {int(closest[0])}% alike; {kept}"
    same = [summary for summary in like if headline != wording(UNTITLED) and wording(summary.title) == headline]
    if same:
        return f"{source}the same headline as story {_named(same[0])}; {kept}"
    return None


def _body(repo: Repository, story_id: str) -> str | None:
    """A story's text; None when it cannot be read now (deleted meanwhile, damaged): a warning is
    never worth failing an import that is done."""
    try:
        return repo.get_story(story_id).body
    except FactcheckError:
        return None


def _named(summary: StorySummary) -> str:
    return f"{summary.id} (“{one_line(summary.title, HEADLINE_CHARS)}”)"
