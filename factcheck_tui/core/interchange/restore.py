"""``factcheck restore``: load a full-fidelity JSON export back into a database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factcheck_tui.core.errors import FactcheckError, InputError, StorageError
from factcheck_tui.core.export.jsonexport import ExportedStory, parse_json_export
from factcheck_tui.core.intake.decoding import read_capped
from factcheck_tui.core.interchange.record_rules import claim_problem, story_problem
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits
from factcheck_tui.core.scale import DEFAULT_SCALE, VerdictScale
from factcheck_tui.core.storage.repository import Repository


@dataclass(frozen=True)
class RestoreResult:
    story_ids: list[str]
    claim_count: int


def restore_export(
    repo: Repository, path: Path, limits: Limits = DEFAULT_LIMITS, scale: VerdictScale = DEFAULT_SCALE
) -> RestoreResult:
    """Store every story of the export exactly as exported (ids, versions, history).

    Every record is checked with the rules the app keeps, and every story checked to be new,
    before anything is written; should a write fail even so (a full disk), the stories already
    written are taken out again. A restore is all or nothing, and can simply be run again.
    """
    contents = parse_json_export(read_capped(path, limits.archive_bytes, "a backup"), str(path))
    stories = contents.stories
    _check_records(stories, scale, path)
    clashes = [exported.story.id for exported in stories if repo.story_exists(exported.story.id)]
    if clashes:
        more = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
        raise InputError(
            f"{path}: story {clashes[0]}{more} already exists in {repo.root}; restore into an empty database"
        )
    written: list[str] = []
    try:
        for exported in stories:
            repo.restore_story(exported.story, exported.claims)
            written.append(exported.story.id)
        repo.links.restore(contents.links)
    except FactcheckError as error:
        for story_id in reversed(written):
            repo.discard_story(story_id)
        raise StorageError(f"{path}: restore stopped and was undone, the database is as it was: {error}") from None
    return RestoreResult([exported.story.id for exported in stories], sum(len(exported.claims) for exported in stories))


def _check_records(stories: list[ExportedStory], scale: VerdictScale, path: Path) -> None:
    for index, exported in enumerate(stories):
        if problem := story_problem(exported.story):
            raise InputError(f"{path}: stories[{index}].{problem}; nothing was restored")
        for position, claim in enumerate(exported.claims):
            if problem := claim_problem(exported.story, claim, scale):
                raise InputError(
                    f"{path}: stories[{index}].claims[{position}] ({claim.id}): {problem}; nothing was restored"
                )
