"""Inputs past their caps are refused in one line, fast, and leave the database as it was."""

from __future__ import annotations

from pathlib import Path

from support.cli import factcheck, imported_story_id
from support.paths import STRIKE


def database_files(tmp_path: Path) -> dict[str, bytes]:
    root = tmp_path / "db"
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def refused(result, message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert message in result.stderr, result.stderr


def test_endless_input_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    imported_story_id(tmp_path)
    before = database_files(tmp_path)
    refused(factcheck(tmp_path, "import", "/dev/zero"), "/dev/zero: looks like a binary file")
    refused(factcheck(tmp_path, "import-checks", "/dev/urandom"), "/dev/urandom: looks like a binary file")
    assert database_files(tmp_path) == before


def test_a_30_mb_article_is_refused_and_the_database_is_unchanged(tmp_path: Path) -> None:
    imported_story_id(tmp_path)
    before = database_files(tmp_path)
    article = tmp_path / "huge.txt"
    with article.open("w") as handle:
        for _ in range(30):
            handle.write("The council approved a 4.2% rise in property tax on Monday. " * 17_000)
    refused(factcheck(tmp_path, "import", str(article)), f"{article}: is 30.6 MB, over the 10 MB limit")
    assert database_files(tmp_path) == before


def test_story_text_over_the_configured_cap_and_a_stream_past_it(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[limits]\nstory_bytes = 2000\n")
    text = "The council approved a 4.2% rise in property tax on Monday.\n\n" * 40
    article = tmp_path / "long.txt"
    article.write_text(text)
    refused(
        factcheck(tmp_path, "import", str(article), FACTCHECK_CONFIG=str(config)),
        f"{article}: its text is 2.44 KB, over the 2 KB limit for the text of a story",
    )
    refused(
        factcheck(tmp_path, "import", "-", stdin=text * 5, FACTCHECK_CONFIG=str(config)),
        "standard input: goes on past the 10 KB limit for an article file",
    )


def test_a_huge_headline_is_refused(tmp_path: Path) -> None:
    refused(
        factcheck(tmp_path, "import", str(STRIKE), "--title", "Port" * 25_000),
        "the headline is 100,000 characters long; the limit is 300",
    )
    story_id = imported_story_id(tmp_path)
    refused(
        factcheck(tmp_path, "story", "edit", story_id, "--title", "x" * 301),
        "the headline is 301 characters long; the limit is 300",
    )
