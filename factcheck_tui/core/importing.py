"""Importing a story: normalise its text, extract and rank its claims, store both."""

from __future__ import annotations

from datetime import date

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.extraction import Extraction, extract
from factcheck_tui.core.extraction.normalise import normalise_body
from factcheck_tui.core.ingest import Article
from factcheck_tui.core.models import Claim, Origin, Story
from factcheck_tui.core.storage import Repository


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
) -> tuple[Story, list[Claim]]:
    body = normalise_body(article.text)
    if not body:
        raise InputError(f"{article.source}: the article is empty")
    extraction = extract(body)
    if not extraction.claims:
        raise InputError(f"{article.source}: no sentences found in the article")
    story = Story(
        id="",
        title=(title or article.title or "Untitled story").strip(),
        outlet=outlet.strip(),
        url=url.strip(),
        published=published,
        body=body,
        source_file=article.source,
        imported_by=actor,
    )
    return repo.add_story(story, extracted_claims(extraction), actor)


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
