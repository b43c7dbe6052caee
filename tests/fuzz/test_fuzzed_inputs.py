"""Fuzzed inputs: whatever a story, a past-check feed, a backup or a config file holds, the command
either takes it or refuses it in one clear line (non-zero exit, no traceback, no crash log), and
the database is intact afterwards.

Random unicode, markup and brackets, escape sequences, NULs, invalid UTF-8, long lines and
wrong-shaped JSON go through the real commands (``main()`` in this process). Examples are kept
small and few so the suite stays fast; a handful of explicit 1 MB inputs cover size.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck_tui.core.storage.doctor import check_database
from support.cli import Result, run_cli
from support.paths import STRIKE

# 25 examples a property keep the suite fast; FACTCHECK_FUZZ_EXAMPLES=500 explores further.
FUZZ = settings(
    max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MEGABYTE = 1_000_000

# What hostile or careless text is made of, mixed into random unicode.
FRAGMENTS = [
    "[/]",
    "[sic]",
    "[red]x[/red]",
    "[b]",
    "[@click=app.quit]",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x1b[31m",
    "\x9b2J",
    "\u202e",
    "\u2066",
    "\u200b",
    "\x00",
    "\x07",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "&lt;",
    "<script>x</script>",
    "<p>",
    "# ",
    "**",
    '"',
    ",",
    "{",
    "}",
    "The council said the deficit reached $3 million in 2025.",
]

texts = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(FRAGMENTS)), max_size=30).map("".join)
# Text as bytes, with stray bytes that are not UTF-8 (a Latin-1 file, a truncated character).
raw_bytes = st.one_of(
    texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.tuples(texts, st.binary(min_size=1, max_size=8), texts).map(
        lambda parts: parts[0].encode("utf-8", "surrogatepass") + parts[1] + parts[2].encode("utf-8", "surrogatepass")
    ),
    st.binary(max_size=300),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def fuzz_home() -> Iterator[Path]:
    """One database for the whole module (every command adds to it, as in a newsroom), and a
    folder for the inputs. Module-wide: hypothesis runs each test many times in one fixture."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
    assert run_cli(folder, "--db", str(folder / "db"), "import", str(STRIKE)).returncode == 0
    yield folder
    shutil.rmtree(folder)


def _written(home: Path, name: str, payload: bytes) -> Path:
    path = home / "inputs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(payload)
    return path


def _run(home: Path, *args: str) -> Result:
    return run_cli(home, "--db", str(home / "db"), *args)


def _taken_or_refused_in_one_line(result: Result, path: Path) -> None:
    if result.returncode == 0:
        return
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    (line,) = lines
    assert line.startswith("factcheck: error: "), line
    assert "Traceback" not in result.stderr and "unexpected error" not in line, line
    assert path.name in line, f"the line does not name the file: {line}"


def _database_intact(home: Path) -> None:
    report = check_database(home / "db")
    assert report.healthy, report.render()


# -- stories --------------------------------------------------------------------------------------

STORY_SUFFIXES = [".txt", ".md", ".html"]


@FUZZ
@given(payload=raw_bytes, suffix=st.sampled_from(STORY_SUFFIXES))
def test_a_story_file_is_imported_or_refused_in_one_line(fuzz_home: Path, payload: bytes, suffix: str) -> None:
    path = _written(fuzz_home, f"story{suffix}", payload)
    _taken_or_refused_in_one_line(_run(fuzz_home, "import", str(path), "--again"), path)
    _database_intact(fuzz_home)


@FUZZ
@given(title=texts, body=texts)
def test_a_story_with_hostile_text_stores_none_of_its_controls(fuzz_home: Path, title: str, body: str) -> None:
    path = _written(fuzz_home, "hostile.txt", f"{title}\n\n{body}\n".encode("utf-8", "surrogatepass"))
    result = _run(fuzz_home, "import", str(path), "--again", "--json")
    _taken_or_refused_in_one_line(result, path)
    if result.returncode == 0:
        story_id = json.loads(result.stdout)["story_id"]
        shown = _run(fuzz_home, "show", story_id).stdout + _run(fuzz_home, "claims", "--story", story_id).stdout
        assert not any(character in shown for character in "\x1b\x07\x9b\x9d\u202e\u2066\x00")


# -- past checks ------------------------------------------------------------------------------------

check_records = st.dictionaries(
    st.sampled_from(["text", "verdict", "url", "published", "id", "speaker", "claim", "rating"]),
    json_values,
    max_size=6,
)


def _jsonl(records: list[Any]) -> bytes:
    return "\n".join(json.dumps(record) for record in records).encode()


def _csv(rows: list[list[str]]) -> bytes:
    header = "Claim Reviewed,Textual Rating,Review URL,Date Published,Claimant\n"
    return (header + "\n".join(",".join(row) for row in rows)).encode("utf-8", "surrogatepass")


def _claimreview(fields: dict[str, Any]) -> bytes:
    return json.dumps({"@context": "http://schema.org", "@type": "ClaimReview", **fields}).encode()


past_check_files = st.one_of(
    st.tuples(st.just(".jsonl"), st.lists(st.one_of(check_records, json_values), max_size=5).map(_jsonl)),
    st.tuples(st.just(".csv"), st.lists(st.lists(texts, max_size=6), max_size=5).map(_csv)),
    st.tuples(
        st.just(".json"),
        st.dictionaries(
            st.sampled_from(["claimReviewed", "reviewRating", "url", "datePublished", "author", "itemReviewed"]),
            json_values,
            max_size=6,
        ).map(_claimreview),
    ),
    st.tuples(st.sampled_from([".json", ".jsonl", ".csv", ".jsonld"]), raw_bytes),
)


@FUZZ
@given(past_checks=past_check_files, skip_bad=st.booleans())
def test_a_past_check_file_is_imported_or_refused_in_one_line(
    fuzz_home: Path, past_checks: tuple[str, bytes], skip_bad: bool
) -> None:
    suffix, payload = past_checks
    path = _written(fuzz_home, f"checks{suffix}", payload)
    result = _run(fuzz_home, "import-checks", str(path), *(["--skip-bad"] if skip_bad else []))
    _taken_or_refused_in_one_line(result, path)
    _database_intact(fuzz_home)


# -- restoring a backup -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def backup(fuzz_home: Path) -> dict[str, Any]:
    """A real JSON export of a one-story database, for wrong-shaped variants of it."""
    source = fuzz_home / "source"
    assert run_cli(fuzz_home, "--db", str(source), "import", str(STRIKE)).returncode == 0
    result = run_cli(fuzz_home, "--db", str(source), "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in parsed JSON where a value sits."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


@FUZZ
@given(data=st.data(), replacement=json_values)
def test_a_wrong_shaped_backup_is_restored_or_refused_in_one_line(
    fuzz_home: Path, backup: dict[str, Any], data: st.DataObject, replacement: Any
) -> None:
    places = _paths(backup)
    place = data.draw(st.sampled_from(places[1:]), label="place")
    path = _written(fuzz_home, "backup.json", json.dumps(_replaced(backup, place, replacement)).encode())
    target = fuzz_home / "restored"
    shutil.rmtree(target, ignore_errors=True)
    result = run_cli(fuzz_home, "--db", str(target), "restore", str(path))
    _taken_or_refused_in_one_line(result, path)
    if target.exists():
        assert check_database(target).healthy


@FUZZ
@given(payload=raw_bytes)
def test_a_backup_of_random_bytes_is_refused_in_one_line(fuzz_home: Path, payload: bytes) -> None:
    path = _written(fuzz_home, "random-backup.json", payload)
    _taken_or_refused_in_one_line(_run(fuzz_home, "restore", str(path)), path)
    _database_intact(fuzz_home)


# -- the config file --------------------------------------------------------------------------------

config_lines = st.one_of(
    st.tuples(
        st.sampled_from(["reviewer", "database", "theme", "group", "verdicts", "keys", "limits", "[matching]", "x"]),
        json_values,
    ).map(lambda pair: f"{pair[0]} = {json.dumps(pair[1])}"),
    texts,
)


@FUZZ
@given(config=st.one_of(st.lists(config_lines, max_size=5).map("\n".join).map(str.encode), raw_bytes))
def test_a_config_file_is_used_or_refused_in_one_line(fuzz_home: Path, config: bytes) -> None:
    path = _written(fuzz_home, "config.toml", config)
    result = run_cli(fuzz_home, "--config", str(path), "--db", str(fuzz_home / "db"), "stories")
    _taken_or_refused_in_one_line(result, path)


# -- a few inputs of 1 MB ---------------------------------------------------------------------------

# One line of 1 MB: brackets, markup and escape sequences, and no sentence end (a million words of
# claims would time the extractor, not test the input's handling).
LINE = "the levy [the council] rose \x1b]0;t\x07 \x1b[2J \u202e[/] [red]x[/red] "


MEGABYTE_INPUTS = {
    "one-line.txt": lambda: ("Levy\n\n" + LINE * (MEGABYTE // len(LINE))).encode(),
    "one-line.html": lambda: ("<title>Levy</title><p>" + LINE * (MEGABYTE // len(LINE)) + "</p>").encode(),
    "nuls.md": lambda: b"# Title\n\n" + b"\x00" * MEGABYTE,
    "latin1.txt": lambda: ("Caf\xe9 prices rose 4% in 2025. " * (MEGABYTE // 30)).encode("latin-1"),
    "checks.jsonl": lambda: ('{"text": "' + "x" * MEGABYTE + '", "verdict": "False"}').encode(),
    "checks.csv": lambda: ("Claim Reviewed,Textual Rating\n" + "y" * MEGABYTE + ",False\n").encode(),
    "backup.json": lambda: b"[" * MEGABYTE,
}


@pytest.mark.parametrize("name", list(MEGABYTE_INPUTS))
def test_a_megabyte_input_is_taken_or_refused_in_one_line(tmp_path: Path, name: str) -> None:
    path = _written(tmp_path, name, MEGABYTE_INPUTS[name]())
    command = "import-checks" if name.startswith("checks") else "restore" if name.startswith("backup") else "import"
    _taken_or_refused_in_one_line(run_cli(tmp_path, "--db", str(tmp_path / "db"), command, str(path)), path)
    if (tmp_path / "db").exists():
        _database_intact(tmp_path)
