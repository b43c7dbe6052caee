"""The bundled sample newsroom: stories written for this project, some already reviewed.

It is always built into a throwaway folder through the same core functions a reviewer uses,
so the demo shows real extraction and never modifies the files under ``data/``.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.articles import read_article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import DEFAULT_SCALE
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.review import add_evidence, set_status, set_verdict

MANIFEST = "newsroom.toml"


def sample_data_dir() -> Path:
    """``data/`` of a source checkout, or the copy packed into an installed wheel."""
    checkout = Path(__file__).resolve().parents[3] / "data"
    if (checkout / MANIFEST).exists():
        return checkout
    packed = Path(str(resources.files("factcheck_tui") / "_sample_data"))
    if (packed / MANIFEST).exists():
        return packed
    raise InputError("the sample newsroom is not installed (no data/newsroom.toml found)")


def build_sample_newsroom(data_dir: Path, target: Path, *, actor: str = "demo") -> Repository:
    manifest_path = data_dir / MANIFEST
    try:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"{manifest_path}: cannot read the sample manifest ({error})") from None
    repo = Repository(target)
    for entry in manifest.get("story", []):
        _import_entry(repo, data_dir, entry, actor)
    return repo


def _import_entry(repo: Repository, data_dir: Path, entry: dict[str, Any], actor: str) -> None:
    article = read_article(str(data_dir / entry["file"]))
    _story, claims = import_story(
        repo,
        article,
        actor=actor,
        title=entry.get("title"),
        outlet=entry.get("outlet", ""),
        url=entry.get("url", ""),
        published=entry.get("published"),
    )
    for review in entry.get("review", []):
        matches = [claim for claim in claims if review["claim"] in claim.text]
        if len(matches) != 1:
            raise InputError(
                f"{data_dir / MANIFEST}: {review['claim']!r} names {len(matches)} claims in {entry['file']}"
            )
        claim_id, reviewer = matches[0].id, review.get("reviewer", actor)
        set_verdict(
            repo, claim_id, review["verdict"], scale=DEFAULT_SCALE, actor=reviewer, conclusion=review.get("conclusion")
        )
        for item in review.get("evidence", []):
            add_evidence(repo, claim_id, actor=reviewer, **item)
        if "status" in review:
            set_status(repo, claim_id, Status.parse(review["status"]), actor=reviewer)
