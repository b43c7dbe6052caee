"""Private by default: with the usual umask 022 a new database is readable by its owner alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck_tui.core.config import Config
from factcheck_tui.core.intake.articles import read_article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.matching.service import MatchIndex
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review
from support.paths import STRIKE


def test_nothing_in_a_new_database_is_open_to_others(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        repo = Repository(tmp_path / "db")
        _story, claims = import_story(repo, read_article(str(STRIKE)), actor="ana")
        review.set_conclusion(repo, claims[0].id, "First", actor="ana")
        review.set_conclusion(repo, claims[0].id, "Second", actor="ana")
        repo.drafts("ana").save(claims[1].id, "conclusion", "typing", 1)
        MatchIndex.open(repo, Config().matching).save()
    finally:
        os.umask(previous)
    entries = [tmp_path / "db", *(tmp_path / "db").rglob("*")]
    assert len(entries) > 10
    for entry in entries:
        mode = stat.S_IMODE(entry.lstat().st_mode)
        assert mode & 0o077 == 0, f"{entry} is {oct(mode)}"


def test_a_group_shared_database_keeps_its_modes_through_saves_and_backups(tmp_path: Path) -> None:
    root = tmp_path / "desk"
    root.mkdir()
    os.chmod(root, 0o2770)
    previous = os.umask(0o022)
    try:
        repo = Repository(root)
        _story, claims = import_story(repo, read_article(str(STRIKE)), actor="ana")
        for text in ("First", "Second", "Third"):
            review.set_conclusion(repo, claims[0].id, text, actor="ana")
    finally:
        os.umask(previous)
    for entry in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(entry.lstat().st_mode)
        expected = 0o2770 if entry.is_dir() else 0o660
        assert mode == expected, f"{entry} is {oct(mode)}"
