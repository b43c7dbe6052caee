"""Importing from where a story lives: a file, standard input, a web page's link, or a feed.

``open_source`` finds out what a location holds (an article, or a feed listing articles), so the
CLI and the app take the same path for each; ``import_feed`` brings in a feed's new articles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from factcheck_tui.core.errors import AlreadyImportedError, FactcheckError, InputError
from factcheck_tui.core.intake.articles import Article, input_label, looks_like_html, parse_article, read_input
from factcheck_tui.core.intake.decoding import STDIN
from factcheck_tui.core.intake.feeds import FeedEntry, looks_like_feed, parse_feed, since
from factcheck_tui.core.intake.fetch import PAGE_TYPES, FetchCancelled, fetch
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits
from factcheck_tui.core.matching.cancel import Cancel, cancelled
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.urls import is_web_address, page_key

Progress = Callable[[str, int, int], None]
FEED_STAGE = "articles"


@dataclass(frozen=True)
class Source:
    """What a location holds: one article, or the entries of a feed."""

    label: str
    article: Article | None = None
    entries: list[FeedEntry] | None = None


@dataclass
class FeedReport:
    imported: list[tuple[Story, list[Claim]]] = field(default_factory=list)
    already_imported: int = 0
    older: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(link, one-line reason) for each article that could not be imported."""
    not_tried: int = 0
    """New articles left for next time by ``limit`` or a cancel."""
    cancelled: bool = False

    def summary(self) -> str:
        """ "3 imported, 1 imported before, …": what happened, in one line."""
        parts = [f"{len(self.imported)} imported", f"{self.already_imported} imported before"]
        if self.older:
            parts.append(f"{self.older} older than the date asked for")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.not_tried:
            parts.append(f"{self.not_tried} not fetched ({'cancelled' if self.cancelled else 'over the limit'})")
        return ", ".join(parts)


def is_link(location: str) -> bool:
    return is_web_address(location.strip())


def open_source(location: str, limits: Limits = DEFAULT_LIMITS, *, cancel: Cancel = None) -> Source:
    """Fetch a link or read a file (``-`` for standard input) and tell an article from a feed."""
    location = location.strip()
    if is_link(location):
        return _fetched_source(location, limits, cancel)
    payload = read_input(location, limits.article_file_bytes, "an article file or a feed")
    label = input_label(location)
    if looks_like_feed(payload):
        return Source(label, entries=parse_feed(payload, label))
    suffix = Path(location).suffix.lower() if location != STDIN else ""
    return Source(label, article=parse_article(payload, label, suffix, limits))


def pasted_source(text: str, limits: Limits = DEFAULT_LIMITS, label: str = "pasted text") -> Source:
    """Text pasted into the app: an article, a page's HTML, or a whole feed."""
    payload = text.encode("utf-8")
    if looks_like_feed(payload):
        return Source(label, entries=parse_feed(payload, label))
    return Source(label, article=parse_article(payload, label, limits=limits))


def fetch_article(url: str, limits: Limits = DEFAULT_LIMITS, *, cancel: Cancel = None) -> Article:
    source = _fetched_source(url, limits, cancel)
    if source.article is None:
        raise InputError(f"{url}: is a feed, not an article")
    return source.article


def _fetched_source(url: str, limits: Limits, cancel: Cancel) -> Source:
    fetched = fetch(url, max_bytes=limits.article_file_bytes, cancel=cancel)
    if looks_like_feed(fetched.body):
        return Source(url, entries=parse_feed(fetched.body, url, fetched.url))
    if not looks_like_html(fetched.body, ".html" if fetched.content_type in PAGE_TYPES else ""):
        raise InputError(f"{url}: is not a web page or a feed")
    return Source(
        url, article=parse_article(fetched.body, url, ".html", limits, url=fetched.url, charset=fetched.charset)
    )


def import_feed(
    repo: Repository,
    entries: list[FeedEntry],
    *,
    actor: str,
    outlet: str = "",
    since_day: date | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel = None,
    limits: Limits = DEFAULT_LIMITS,
) -> FeedReport:
    """Import each article the feed links to that is not a story yet, matched by its link.

    A link already imported is not fetched again; an article whose page names as canonical a
    link already imported (or whose text is already a story) is counted as imported before.
    """
    report = FeedReport()
    recent = since(entries, since_day)
    report.older = len(entries) - len(recent)
    known = {page_key(summary.url) for summary in repo.list_stories() if summary.url}
    report.already_imported = sum(page_key(entry.url) in known for entry in recent)
    # One fetch per page, however many times the feed lists it (with tracking parameters, say).
    fresh: list[FeedEntry] = []
    seen = set(known)
    for entry in recent:
        if (key := page_key(entry.url)) not in seen:
            seen.add(key)
            fresh.append(entry)
    chosen = fresh[:limit] if limit is not None else fresh
    report.not_tried = len(fresh) - len(chosen)
    for done, entry in enumerate(chosen):
        if progress:
            progress(FEED_STAGE, done, len(chosen))
        if cancelled(cancel):
            report.cancelled, report.not_tried = True, report.not_tried + len(chosen) - done
            break
        try:
            article = _with_feed_details(fetch_article(entry.url, limits, cancel=cancel), entry)
            report.imported.append(import_story(repo, article, actor=actor, outlet=outlet, limits=limits))
        except AlreadyImportedError:
            report.already_imported += 1
        except FetchCancelled:
            report.cancelled, report.not_tried = True, report.not_tried + len(chosen) - done
            break
        except FactcheckError as error:
            report.failed.append((entry.url, str(error).removeprefix(f"{entry.url}: ")))
    else:
        if progress:
            progress(FEED_STAGE, len(chosen), len(chosen))
    return report


def _with_feed_details(article: Article, entry: FeedEntry) -> Article:
    """The page's own headline, date and link first; the feed's where the page gives none."""
    return replace(
        article,
        title=article.title or entry.title,
        published=article.published or (entry.published.date() if entry.published else None),
        url=article.url if is_web_address(article.url) else entry.url,
    )
