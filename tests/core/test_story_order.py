"""The stories lists' order: by publication day, with stories that have none after the dated ones."""

from __future__ import annotations

from datetime import UTC, date, datetime

from factcheck_tui.core.models import Story
from factcheck_tui.core.workflow.stories import news_order, oldest_order


def _story(story_id: str, published: date | None, imported_day: int) -> Story:
    return Story(
        id=story_id,
        title=story_id,
        body="x",
        published=published,
        imported_at=datetime(2026, 11, imported_day, tzinfo=UTC),
    )


def test_undated_stories_come_after_dated_ones_newest_or_oldest_first() -> None:
    stories = [
        _story("pasted-early", None, 2),
        _story("old", date(2019, 5, 1), 1),
        _story("pasted-late", None, 30),
        _story("new", date(2026, 11, 20), 3),
    ]
    newest = [story.id for story in sorted(stories, key=news_order, reverse=True)]
    oldest = [story.id for story in sorted(stories, key=oldest_order)]
    assert newest == ["new", "old", "pasted-late", "pasted-early"]
    assert oldest == ["old", "new", "pasted-early", "pasted-late"]
