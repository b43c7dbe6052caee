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


def test_over_long_fields_a_reviewer_types_are_refused_in_one_line_and_nothing_changes(tmp_path: Path) -> None:
    """Each field a reviewer types has a cap ([limits]); over it the save is refused, naming the
    claim and the field, and the database is as it was."""
    config = tmp_path / "config.toml"
    config.write_text("[limits]\nheadline_chars = 40\nfield_chars = 200\nurl_chars = 300\n")
    story_id = imported_story_id(tmp_path)
    claim = f"{story_id}-2"
    before = database_files(tmp_path)
    long_text, long_name, long_link = "x" * 201, "N" * 41, "https://example.org/" + "p" * 290
    for args, message in [
        (("verdict", claim, "False", "--note", long_text), "the conclusion is 201 characters long; the limit is 200"),
        (("note", claim, long_text), "the internal note is 201 characters long; the limit is 200"),
        (("speaker", claim, long_name), "the speaker is 41 characters long; the limit is 40"),
        (("tag", claim, long_name), "a tag is 41 characters long; the limit is 40"),
        (("evidence", claim, "--note", long_text), "the note of evidence e1 is 201 characters long"),
        (("evidence", claim, "--source", long_name), "the source of evidence e1 is 41 characters long"),
        (("evidence", claim, long_link), "the link of evidence e1 is 310 characters long; the limit is 300"),
    ]:
        refused(factcheck(tmp_path, *args, FACTCHECK_CONFIG=str(config)), f"{claim}: {message}")
    assert database_files(tmp_path) == before
    saved = factcheck(tmp_path, "verdict", claim, "False", "--note", "x" * 200, FACTCHECK_CONFIG=str(config))
    assert saved.returncode == 0, saved.stderr


def test_a_refused_article_with_a_bad_byte_is_one_line_the_error_and_a_taken_one_warns(tmp_path: Path) -> None:
    # A control character and a byte that is not UTF-8: nothing is left of the article.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\xc2\x9d\x80")
    refused(factcheck(tmp_path, "import", str(empty)), f"{empty}: the article is empty")
    bad_byte = tmp_path / "story.txt"
    bad_byte.write_bytes(STRIKE.read_bytes() + b"\n\nThe union counted 4,000 members \x80 on strike.\n")
    taken = factcheck(tmp_path, "import", str(bad_byte))
    assert taken.returncode == 0, taken.stderr
    assert "1 byte not valid UTF-8" in taken.stderr
