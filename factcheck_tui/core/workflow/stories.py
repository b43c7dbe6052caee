"""A story's own details (headline, outlet, link, date), and taking a story out of the database."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits, check_length
from factcheck_tui.core.models import Story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import clean_text
from factcheck_tui.core.urls import normalise_url

UNCHANGED = object()


class Dated(Protocol):
    @property
    def published(self) -> date | None: ...

    @property
    def imported_at(self) -> datetime: ...


def news_day(story: Dated) -> date:
    """The day a story is news: its publication day, or the day it came in when it has none."""
    return story.published or story.imported_at.date()


def news_order(story: Dated) -> tuple[bool, date, datetime]:
    """Sort key of the stories lists, app and command line alike, newest first with ``reverse=True``:
    by publication day, then arrival. A story without a date (pasted text, a file) comes after the
    dated ones, by arrival among themselves: its import day says nothing about when it was news,
    and ranked by it every new paste would lead the list above today's dated stories."""
    return story.published is not None, story.published or date.min, story.imported_at


def oldest_order(story: Dated) -> tuple[bool, date, datetime]:
    """``news_order`` the other way round, oldest first, with the undated stories still last."""
    return story.published is None, story.published or date.min, story.imported_at


def edit_story(
    repo: Repository,
    story_id: str,
    *,
    actor: str,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | object | None = UNCHANGED,
    byline: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Story:
    """Change what is given; ``published=None`` clears the date, leaving it out keeps it."""
    changes: dict[str, object] = {}
    title, outlet, url, byline = (
        None if value is None else clean_text(value) for value in (title, outlet, url, byline)
    )
    if title is not None:
        if not title.strip():
            raise InputError("a story needs a headline")
        changes["title"] = check_length(title.strip(), limits.headline_chars, "the headline")
    if outlet is not None:
        changes["outlet"] = check_length(outlet.strip(), limits.headline_chars, "the outlet")
    if url is not None:
        changes["url"] = normalise_url(url) if url.strip() else ""
    if byline is not None:
        changes["byline"] = check_length(byline.strip(), limits.headline_chars, "the byline")
    if published is not UNCHANGED:
        changes["published"] = published
    with repo.transaction(story_id, actor) as tx:
        if changes:
            tx.update_story(tx.story.model_copy(update=changes))
        return tx.story


def delete_story(repo: Repository, story_id: str) -> Path:
    """Remove a story; returns where its file is kept (under backups/deleted/)."""
    return repo.delete_story(story_id)
