"""The stories lists' order: by publication day, with stories that have none after the dated ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

import pytest

from factcheck_tui.core import models
from factcheck_tui.core.intake.articles import Article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.models import Story
from factcheck_tui.core.storage.repository import Repository
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


class _OneSecond(datetime):
    """A clock on which every reading falls in the same second, a millisecond after the last."""

    readings = 0

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _OneSecond:
        cls.readings += 1
        return cls(2026, 12, 1, 2, 9, 49, cls.readings * 1000, tzinfo=tz)


def test_stories_imported_in_the_same_second_list_newest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "datetime", _OneSecond)
    repo = Repository(tmp_path / "db")
    imported = [
        import_story(
            repo,
            Article(text=f"The {town} council raised taxes by {n}%.", title=town, source=town, format="text"),
            actor="ana",
        )[0].id
        for n, town in enumerate(("Leeds", "York", "Hull", "Bath", "Ely"), start=2)
    ]
    newest = [summary.id for summary in sorted(repo.list_stories(), key=news_order, reverse=True)]
    assert newest == imported[::-1]
