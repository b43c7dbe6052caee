"""The full-fidelity JSON export, and reading it back for ``factcheck restore``.

It holds the stored records themselves (every field, evidence and history) and nothing derived
from configuration or the clock, so restoring it into an empty database and exporting again with
the same options gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.report import Report
from factcheck_tui.core.ids import claim_id, parse_story_id
from factcheck_tui.core.matching.results import LinkDecision
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.text import clean_data, clean_text_with_offsets

EXPORT_FORMAT = "factcheck-tui export"
EXPORT_VERSION = 1


def _record(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def render_json(report: Report) -> str:
    data = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "stories": [
            {"story": _record(section.story), "claims": [_record(claim) for claim in section.claims]}
            for section in report.stories
        ],
    }
    if report.links:
        data["links"] = [_record(link) for link in report.links]
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


@dataclass(frozen=True)
class ExportedStory:
    story: Story
    claims: list[Claim]


@dataclass(frozen=True)
class ExportContents:
    stories: list[ExportedStory]
    links: list[LinkDecision]


def _validated(model: type[BaseModel], data: Any, where: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{where}{'.' + field if field else ''}: {first['msg']}") from None


def _cleaned_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """A backup is outside text too: no control characters in any of it. Claim spans follow the body."""
    cleaned: dict[str, Any] = clean_data(entry)
    story, raw_story = cleaned.get("story"), entry.get("story")
    if isinstance(story, dict) and isinstance(raw_story, dict) and isinstance(raw_story.get("body"), str):
        story["body"], moved = clean_text_with_offsets(raw_story["body"])
        for claim in cleaned.get("claims", []):
            for key in ("start", "end"):
                if isinstance(claim, dict) and type(claim.get(key)) is int:
                    claim[key] = moved(claim[key])
    return cleaned


def _story_entry(entry: Any, where: str) -> ExportedStory:
    if not isinstance(entry, dict) or not isinstance(entry.get("claims", []), list):
        raise InputError(f"{where}: expected an object with 'story' and a 'claims' list")
    entry = _cleaned_entry(entry)
    story: Story = _validated(Story, entry.get("story"), f"{where}.story")
    try:
        parse_story_id(story.id)
    except InputError as error:
        raise InputError(f"{where}.story.id: {error}") from None
    claims = []
    numbers: set[int] = set()
    for index, raw in enumerate(entry.get("claims", [])):
        claim: Claim = _validated(Claim, raw, f"{where}.claims[{index}]")
        if claim.story_id != story.id or claim.id != claim_id(story.id, claim.number):
            raise InputError(f"{where}.claims[{index}]: claim {claim.id!r} does not belong to story {story.id}")
        if claim.number in numbers:
            raise InputError(f"{where}.claims[{index}]: claim {claim.id} appears twice")
        numbers.add(claim.number)
        claims.append(claim)
    return ExportedStory(story, claims)


def parse_json_export(payload: bytes, source: str) -> ExportContents:
    """The stories of an export file, fully validated; a bad record is named by its place in the file."""
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        raise InputError(f"{source}:{error.lineno}: not valid JSON ({error.msg})") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise InputError(f"{source}: not a factcheck JSON export (made by 'factcheck export --format json')")
    version = data.get("version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise InputError(
            f"{source}: export version {version!r} is newer than this app reads ({EXPORT_VERSION}); upgrade factcheck-tui"
        )
    entries = data.get("stories")
    if not isinstance(entries, list):
        raise InputError(f"{source}: has no 'stories' list")
    stories = [_story_entry(entry, f"{source}: stories[{index}]") for index, entry in enumerate(entries)]
    seen: set[str] = set()
    for exported in stories:
        if exported.story.id in seen:
            raise InputError(f"{source}: story {exported.story.id} appears twice")
        seen.add(exported.story.id)
    claims = {claim.id for exported in stories for claim in exported.claims}
    links = []
    for index, raw in enumerate(data.get("links", [])):
        link: LinkDecision = _validated(LinkDecision, clean_data(raw), f"{source}: links[{index}]")
        if link.claim_id not in claims or link.other_id not in claims:
            raise InputError(f"{source}: links[{index}]: links claims that are not in the file")
        links.append(link)
    return ExportContents(stories, links)
