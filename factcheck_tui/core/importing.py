"""Importing a story: normalise its text, extract and rank its claims, store both."""

from __future__ import annotations

from datetime import date

from factcheck_tui.core.errors import AlreadyImportedError, InputError
from factcheck_tui.core.extraction import Extraction, extract
from factcheck_tui.core.extraction.normalise import normalise_body
from factcheck_tui.core.ingest import Article
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits, check_length
from factcheck_tui.core.models import Claim, Origin, Story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import clean_text
from factcheck_tui.core.urls import normalise_url


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
    again: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Story, list[Claim]]:
    """Store a new story with its extracted claims. The same text twice is refused unless ``again``."""
    headline = check_length(
        clean_text(title or article.title or "Untitled story").strip(), limits.headline_chars, "the headline"
    )
    body = normalise_body(article.text)
    if not body:
        raise InputError(f"{article.source}: the article is empty")
    outlet, url = clean_text(outlet), clean_text(url)
    if url.strip():
        url = normalise_url(url)
    extraction = extract(body)
    if not extraction.claims:
        raise InputError(f"{article.source}: no sentences found in the article")
    if not again:
        refuse_reimport(repo, Story(id="", title="", body=body), article.source)
    story = Story(
        id="",
        title=headline,
        outlet=check_length(outlet.strip(), limits.headline_chars, "the outlet"),
        url=url.strip(),
        published=published,
        body=body,
        source_file=article.source,
        imported_by=actor,
    )
    return repo.add_story(story, extracted_claims(extraction), actor)


def refuse_reimport(repo: Repository, story: Story, source: str) -> None:
    fingerprint = story.fingerprint
    for summary in repo.list_stories():
        if summary.fingerprint == fingerprint:
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
