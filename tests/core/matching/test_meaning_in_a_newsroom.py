"""Matching with the real sentence model in a newsroom of a few hundred past checks.

The archive is the claims of ``bench/data`` and the sentences of the sample newsroom's articles
(``data/articles``), all our own writing on many kinds of news subject, so that word weights and
near neighbours are a working newsroom's, not those of a toy database.
Nothing is mocked: the vectors are WordLlama's, as shipped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from factcheck_tui.core.intake.extraction.sentences import split_sentences
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.storage.repository import Repository
from support.paths import BENCH_DATA, SAMPLE_ARTICLES

from .conftest import add


def archive_texts() -> list[str]:
    rows = [
        orjson.loads(line)
        for name in ("claim_pairs.jsonl", "story_pairs.jsonl")
        for line in (BENCH_DATA / name).read_text(encoding="utf-8").splitlines()
    ]
    texts = {row[side] for row in rows for side in ("a", "b")}
    for article in SAMPLE_ARTICLES.glob("*.txt"):
        body = article.read_text(encoding="utf-8")
        texts.update(" ".join(body[start:end].split()) for start, end in split_sentences(body))
    return sorted(text for text in texts if len(text.split()) >= 5)


@pytest.fixture(scope="module")
def archive_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("newsroom") / "db"
    repo = Repository(folder)
    texts = archive_texts()
    assert len(texts) >= 300
    claims = [
        Claim(id="", story_id="", number=0, text=text, origin=Origin.IMPORTED, status=Status.DONE, verdict="False")
        for text in texts
    ]
    repo.add_story(Story(id="", title="Past checks", body="", kind=StoryKind.ARCHIVE), claims, "importer")
    return folder


@pytest.fixture
def archive(archive_folder: Path, tmp_path: Path) -> Repository:
    """A copy of the newsroom for each test, which adds its own stories to it."""
    return Repository(Path(shutil.copytree(archive_folder, tmp_path / "newsroom")))


def test_a_past_check_outranks_the_fact_checkers_own_question(archive: Repository) -> None:
    question = "We wanted to know: is it possible to measure how fast the national debt grows each hour?"
    _, (asked, _) = add(archive, "Does the debt grow that fast?", [question, "The hearing lasted six hours."])
    check = Claim(
        id="",
        story_id="",
        number=0,
        text="The United States adds about $100 million to its national debt every hour.",
        origin=Origin.IMPORTED,
        status=Status.DONE,
        verdict="Half true",
    )
    _, (checked,) = archive.add_story(
        Story(id="", title="Debt per hour", body="", kind=StoryKind.ARCHIVE), [check], "importer"
    )
    index = MatchIndex.open(archive, save=False)
    found = [
        match.claim_id for match in index.search("The national debt grows by $100 million per hour", 5, any_score=True)
    ]
    assert checked.id in found
    assert asked.id not in found or found.index(checked.id) < found.index(asked.id)
