"""The JSON documents the repository stores, built and read back in one place.

The repository writes these, ``factcheck doctor`` checks the catalog and digests against them,
and the bulk writer (migrations, the storage benchmark) produces them: all agree by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from factcheck_tui.core.errors import CorruptFileError
from factcheck_tui.core.ids import claim_id
from factcheck_tui.core.models import Claim, ClaimDigest, Story, StorySummary
from factcheck_tui.core.storage.jsonstore import line_of_key

STORY_TABLE = "story"
CLAIMS_TABLE = "claims"
CATALOG_TABLE = "stories"


def record(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def story_document(story: Story, claims: Sequence[Claim]) -> dict[str, Any]:
    """A story file: TinyDB tables ``story`` (one document) and ``claims`` (keyed by number)."""
    return {
        STORY_TABLE: {"1": record(story)},
        CLAIMS_TABLE: {str(claim.number): record(claim) for claim in claims},
    }


def summary_record(story: Story, claims: Sequence[Claim]) -> dict[str, Any]:
    return record(StorySummary.of(story, list(claims)))


def digest_record(story: Story, claim: Claim) -> dict[str, Any]:
    return record(ClaimDigest.of(story, claim))


# Summary fields added after the folder layout (schema 1) came in. A catalog or digest row written
# before them lacks them and is not out of date for that: the story's next save fills them in.
ADDED_SUMMARY_FIELDS = frozenset({"assignee", "assignees", "updated_by", "furniture"})


def summary_matches(stored: Any, expected: dict[str, Any]) -> bool:
    """Whether a stored catalog or digest row says what the story file does."""
    if stored == expected or not isinstance(stored, dict):
        return bool(stored == expected)
    return stored == {key: value for key, value in expected.items() if key in stored or key not in ADDED_SUMMARY_FIELDS}


def validation_problem(error: ValidationError, skip: int = 0) -> str:
    """The first problem pydantic found, as 'field.path: message' (``skip`` drops leading loc parts)."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"][skip:])
    return f"{where}: {first['msg']}" if where else first["msg"]


def read_story_document(path: Path, tables: dict[str, Any]) -> tuple[Story, list[Claim]]:
    """Validate a parsed story file; anything wrong is a ``CorruptFileError`` naming the line."""
    story = read_story_record(path, tables)
    claims = [read_claim_record(path, story, key, raw) for key, raw in claim_records(path, tables).items()]
    claims.sort(key=Claim.document_order)
    return story, claims


def read_story_record(path: Path, tables: dict[str, Any]) -> Story:
    """The story record of a parsed story file, validated (its claims are not looked at)."""
    try:
        raw_story = tables[STORY_TABLE]["1"]
    except (KeyError, TypeError):
        raise CorruptFileError(
            path, "it has no story record (table 'story', document '1')", line_of_key(path, [STORY_TABLE])
        ) from None
    try:
        story = Story.model_validate(raw_story)
    except ValidationError as error:
        raise CorruptFileError(
            path, f"story: {validation_problem(error)}", line_of_key(path, [STORY_TABLE, "1"])
        ) from None
    if story.id != path.stem:
        raise CorruptFileError(
            path, f"holds story {story.id!r}, not {path.stem!r}", line_of_key(path, [STORY_TABLE, "1", "id"])
        )
    return story


def claim_records(path: Path, tables: dict[str, Any]) -> dict[str, Any]:
    """The claims table of a parsed story file, as stored (keyed by claim number)."""
    raw_claims = tables.get(CLAIMS_TABLE, {})
    if not isinstance(raw_claims, dict):
        raise CorruptFileError(path, "table 'claims' is not an object", line_of_key(path, [CLAIMS_TABLE]))
    return raw_claims


def read_claim_record(path: Path, story: Story, key: str, raw: Any) -> Claim:
    """One stored claim, validated, and in the place its number says."""
    try:
        claim = Claim.model_validate(raw)
    except ValidationError as error:
        raise CorruptFileError(
            path, f"claim {key}: {validation_problem(error)}", line_of_key(path, [CLAIMS_TABLE, key])
        ) from None
    if str(claim.number) != key or claim.id != claim_id(story.id, claim.number) or claim.story_id != story.id:
        raise CorruptFileError(
            path,
            f"claim {key}: id {claim.id!r}, number {claim.number} and story {claim.story_id!r} do not agree with its place",
            line_of_key(path, [CLAIMS_TABLE, key]),
        )
    return claim


def validate_rows(path: Path, table: str, rows: dict[str, Any], adapter: TypeAdapter[Any]) -> list[Any]:
    try:
        validated: list[Any] = adapter.validate_python(list(rows.values()))
        return validated
    except ValidationError as error:
        key = list(rows)[int(error.errors()[0]["loc"][0])]
        raise CorruptFileError(
            path, f"record {key}: {validation_problem(error, skip=1)}", line_of_key(path, [table, key])
        ) from None
