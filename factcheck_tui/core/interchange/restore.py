"""``factcheck restore``: load a full-fidelity JSON export back into a database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck_tui.core.decoding import read_capped
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.jsonexport import parse_json_export
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits
from factcheck_tui.core.matching.links import LinkStore
from factcheck_tui.core.storage.repository import Repository


@dataclass(frozen=True)
class RestoreResult:
    story_ids: list[str]
    claim_count: int


def restore_export(repo: Repository, path: Path, limits: Limits = DEFAULT_LIMITS) -> RestoreResult:
    """Store every story of the export exactly as exported (ids, versions, history).

    The whole file is validated, and every story checked to be new, before anything is written:
    a restore never stops halfway because of a bad record or a clash.
    """
    contents = parse_json_export(read_capped(path, limits.archive_bytes, "a backup"), str(path))
    stories = contents.stories
    clashes = [exported.story.id for exported in stories if repo.story_exists(exported.story.id)]
    if clashes:
        more = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
        raise InputError(
            f"{path}: story {clashes[0]}{more} already exists in {repo.root}; restore into an empty database"
        )
    for exported in stories:
        repo.restore_story(exported.story, exported.claims)
    LinkStore(repo).restore(contents.links)
    return RestoreResult([exported.story.id for exported in stories], sum(len(exported.claims) for exported in stories))
