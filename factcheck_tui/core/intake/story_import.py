"""Importing a story: normalise its text, extract and rank its claims, store both."""

from __future__ import annotations

from datetime import date

from factcheck_tui.core.errors import AlreadyImportedError, InputError
from factcheck_tui.core.intake.articles import Article
from factcheck_tui.core.intake.extraction import Extraction, extract
from factcheck_tui.core.intake.extraction.body import normalise_body
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits, check_length
from factcheck_tui.core.models import Claim, Origin, Story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import clean_text
from factcheck_tui.core.urls import is_web_address, normalise_url, page_key

# The headline of an article that gives none and was given none.
UNTITLED = "Untitled story"


def parse_date(raw: str | None, what: str = "--published") -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(f"{what}: {raw!r} is not a date (use YYYY-MM-DD)") from None


def import_story(
    repo: Repository,
    article: Article,
    *,
    actor: str,
    title: str | None = None,
    outlet: str = "",
    url: str = "",
    published: date | None = None,
    byline: str = "",
    again: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Story, list[Claim]]:
    """Store a new story with its extracted claims. The same text twice is refused unless ``again``.

    What a web page says about itself (headline, outlet, byline, date, link) fills the fields
    the caller leaves empty: what the reviewer typed wins.
    """
    headline = check_length(
        clean_text(title or article.title or UNTITLED).strip(), limits.headline_chars, "the headline"
    )
    body = normalise_body(article.text)
    if not body:
        raise InputError(f"{article.source}: the article is empty")
    outlet, url, byline = clean_text(outlet), clean_text(url), clean_text(byline)
    url = normalise_url(url) if url.strip() else page_address(article)
    extraction = extract(body)
    if not extraction.claims:
        raise InputError(f"{article.source}: no sentences found in the article")
    if not again:
        refuse_reimport(repo, Story(id="", title="", body=body, url=url), article.source)
    story = Story(
        id="",
        title=headline,
        outlet=check_length(outlet.strip() or article.outlet, limits.headline_chars, "the outlet"),
        url=url,
        published=published or article.published,
        byline=check_length(byline.strip() or article.byline, limits.headline_chars, "the byline"),
        body=body,
        source_file=article.source,
        source_page=article.page,
        imported_by=actor,
    )
    return repo.add_story(story, extracted_claims(extraction), actor)


def page_address(article: Article) -> str:
    """The page's own link for itself, when it gives a usable one."""
    url = clean_text(article.url)
    return url if is_web_address(url) else ""


def refuse_reimport(repo: Repository, story: Story, source: str) -> None:
    """The same text, or the same page (a live page's text changes between two fetches)."""
    fingerprint = story.fingerprint
    key = page_key(story.url) if story.url else None
    for summary in repo.list_stories():
        if summary.fingerprint == fingerprint or (key and summary.url and page_key(summary.url) == key):
            raise AlreadyImportedError(
                f"{source}: this article is already story {summary.id} (“{summary.title}”); "
                "import it with --again to keep a second copy",
                summary.id,
            )


def extracted_claims(extraction: Extraction) -> list[Claim]:
    """New, unnumbered claims for every sentence found; the repository gives them ids."""
    return [
        Claim(
            id="",
            story_id="",
            number=0,
            text=found.text,
            start=found.start,
            end=found.end,
            score=found.score,
            checkworthy=found.checkworthy,
            speaker=found.speaker,
            reasons=found.reasons,
            origin=Origin.EXTRACTED,
        )
        for found in extraction.claims
    ]
