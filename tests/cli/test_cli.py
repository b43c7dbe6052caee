"""The ``factcheck`` commands, run as a user runs them (through ``main()``), with real files."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workspace import Workspace
from support.cli import factcheck, imported_story_id, run_cli
from support.paths import STRIKE


def test_import_list_verdict_and_export(tmp_path: Path) -> None:
    story_id = imported_story_id(tmp_path)
    claims = json.loads(factcheck(tmp_path, "claims", "--story", story_id, "--json").stdout)
    assert [claim["id"] for claim in claims][:3] == [f"{story_id}-1", f"{story_id}-2", f"{story_id}-3"]
    target = next(claim for claim in claims if "$95 million a day" in claim["text"])
    assert {"text", "start", "end", "score", "checkworthy", "speaker", "reasons", "verdict", "evidence"} <= set(target)

    result = factcheck(
        tmp_path,
        "verdict",
        target["id"],
        "mostly false",
        "--note",
        "Closer to $60 million.",
        "--evidence",
        "https://port.example/report",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{target['id']}: Mostly false (version 2, by tester)"

    shown = json.loads(factcheck(tmp_path, "show", target["id"], "--json").stdout)
    assert (shown["verdict"], shown["conclusion"], shown["reviewer"]) == (
        "Mostly false",
        "Closer to $60 million.",
        "tester",
    )
    assert shown["evidence"][0]["url"] == "https://port.example/report"

    report = tmp_path / "report.md"
    result = factcheck(tmp_path, "export", "--story", story_id, "--format", "md", "-o", str(report))
    assert result.returncode == 0, result.stderr
    text = report.read_text()
    assert "## Port strike ends" in text and "### 1. Mostly false" in text and "Closer to $60 million." in text


def test_import_from_standard_input(tmp_path: Path) -> None:
    result = factcheck(
        tmp_path, "import", "-", "--title", "Piped", "--json", stdin="The council met on Monday. It voted 7-2."
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["claims"] == 2 and payload["title"] == "Piped" and len(payload["story_id"]) == 5


def test_db_flag_after_the_command_and_env_var(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere"
    result = run_cli(tmp_path, "import", str(STRIKE), "--db", str(db))
    assert result.returncode == 0, result.stderr
    listed = run_cli(tmp_path, "stories", "--json", FACTCHECK_DB=str(db))
    assert len(json.loads(listed.stdout)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "missing.txt"], "missing.txt: no such file"),
        (["verdict", "zzzzz-1", "False"], "no story zzzzz"),
        (["verdict", "nonsense", "False"], "'nonsense' is not a claim id"),
        (
            ["import", "{STRIKE}", "--published", "12/01/2026"],
            "--published: '12/01/2026' is not a date (use YYYY-MM-DD)",
        ),
    ],
)
def test_bad_input_is_one_clear_line_without_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    imported_story_id(tmp_path)
    result = factcheck(tmp_path, *[arg.replace("{STRIKE}", str(STRIKE)) for arg in args])
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0] and "Traceback" not in result.stderr


def test_empty_binary_article_and_unknown_verdict(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)))
    story_id = imported_story_id(tmp_path)
    for args, message in (
        (["import", str(empty)], "the article is empty"),
        (["import", str(binary)], "looks like a binary file"),
        (["verdict", f"{story_id}-3", "Pants on fire"], "unknown verdict 'Pants on fire'"),
    ):
        result = factcheck(tmp_path, *args)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and message in result.stderr


def test_bad_config_is_reported_with_its_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[matching]\nlikely = 'high'\n")
    result = factcheck(tmp_path, "stories", FACTCHECK_CONFIG=str(config))
    assert result.returncode == 2
    assert f"{config}: matching.likely:" in result.stderr and result.stderr.count("\n") == 1


def test_config_prints_the_effective_config_and_its_path(tmp_path: Path) -> None:
    result = factcheck(tmp_path, "config")
    assert result.returncode == 0
    assert f"# config file: {tmp_path / 'no-config.toml'} (not present: defaults)" in result.stdout
    assert 'reviewer = "tester"' in result.stdout and 'label = "Mostly true"' in result.stdout


def test_extract_prints_offsets_into_the_printed_body(tmp_path: Path) -> None:
    result = factcheck(tmp_path, "extract", str(STRIKE), "--json")
    payload = json.loads(result.stdout)
    body = payload["body"]
    assert payload["sentences"] and len(payload["claims"]) == len(payload["sentences"])
    for item in payload["sentences"] + payload["claims"]:
        assert body[item["start"] : item["end"]] == item["text"]
    assert not (tmp_path / "db").exists()


def test_demo_builds_the_sample_newsroom_without_touching_data(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[2] / "data"
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    target = tmp_path / "demo"
    result = factcheck(tmp_path, "demo", "--keep", str(target), "--no-open")
    assert result.returncode == 0, result.stderr
    stories = json.loads(factcheck(tmp_path, "stories", "--json", "--db", str(target)).stdout)
    assert len(stories) >= 4 and sum(story["reviewed_count"] for story in stories) >= 5
    assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before


def test_opening_an_old_single_file_database_migrates_it_and_says_so(tmp_path: Path) -> None:
    from tinydb import TinyDB

    old = tmp_path / "old.json"
    with TinyDB(old) as db:
        db.table("stories").insert({"id": "k3p9x", "title": "Port strike ends", "body": "Wages rose 11 percent."})
        db.table("claims").insert(
            {"id": "k3p9x-1", "story_id": "k3p9x", "text": "Wages rose 11 percent.", "start": 0, "end": 22}
        )
    result = run_cli(tmp_path, "--db", str(old), "claims", "--json")
    assert result.returncode == 0, result.stderr
    assert [claim["text"] for claim in json.loads(result.stdout)] == ["Wages rose 11 percent."]
    assert result.stderr.startswith("factcheck: note: ") and "migrated 1 stories and 1 claims" in result.stderr
    again = run_cli(tmp_path, "--db", str(old), "stories")
    assert again.stderr == ""


def test_a_mistyped_database_path_is_an_error_not_a_new_empty_database(tmp_path: Path) -> None:
    imported_story_id(tmp_path)
    typo = tmp_path / "dbb"
    result = run_cli(tmp_path, "--db", str(typo), "stories")
    assert result.returncode != 0 and f"{typo}: no database here" in result.stderr
    assert not typo.exists()


def test_the_same_article_twice_is_refused_unless_asked_again(tmp_path: Path) -> None:
    story_id = imported_story_id(tmp_path)
    again = factcheck(tmp_path, "import", str(STRIKE))
    assert again.returncode == 2 and f"this article is already story {story_id}" in again.stderr
    forced = factcheck(tmp_path, "import", str(STRIKE), "--again")
    assert forced.returncode == 0 and not forced.stdout.startswith(story_id)
    bad_url = factcheck(tmp_path, "import", "-", "--url", "not a url", stdin="Fares rose 5% in May.")
    assert bad_url.returncode == 2 and "'not a url' is not a web address" in bad_url.stderr


def test_edit_a_story_and_delete_one(tmp_path: Path) -> None:
    story_id = imported_story_id(tmp_path)
    edited = factcheck(
        tmp_path,
        "story",
        "edit",
        story_id,
        "--title",
        "Strike ends",
        "--published",
        "2026-01-11",
        "--url",
        "post.example/strike",
    )
    assert edited.returncode == 0, edited.stderr
    listed = json.loads(factcheck(tmp_path, "stories", "--json").stdout)
    assert (listed[0]["title"], listed[0]["published"], listed[0]["url"]) == (
        "Strike ends",
        "2026-01-11",
        "https://post.example/strike",
    )
    assert factcheck(tmp_path, "story", "delete", story_id).returncode == 2
    deleted = factcheck(tmp_path, "story", "delete", story_id, "--yes")
    assert deleted.returncode == 0 and "backups/deleted" in deleted.stdout
    assert json.loads(factcheck(tmp_path, "stories", "--json").stdout) == []
    doctor = factcheck(tmp_path, "doctor", "--repair")
    assert doctor.returncode == 0 and json.loads(factcheck(tmp_path, "stories", "--json").stdout) == []
    assert "no story" in factcheck(tmp_path, "claims", "--story", story_id).stderr


def test_demo_opens_the_app_on_a_throwaway_copy_and_deletes_it_on_quit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[Path, str, int]] = []

    def run_app(workspace: Workspace, note: str = "") -> int:
        opened.append((workspace.db_path, note, len(workspace.repo.list_stories())))
        return 0

    monkeypatch.setattr("factcheck_tui.tui.app.run_app", run_app)
    result = factcheck(tmp_path, "demo")
    assert result.returncode == 0, result.stderr
    [(db_path, note, stories)] = opened
    assert stories >= 4 and note == "demo · tester · a throwaway copy, deleted on quit"
    assert not db_path.exists() and not db_path.parent.exists()


def test_a_speaker_correction_from_the_command_line_covers_the_same_wrong_speaker(tmp_path: Path) -> None:
    story_id = imported_story_id(tmp_path)
    claims = json.loads(factcheck(tmp_path, "claims", "--story", story_id, "--json").stdout)
    carrying = [claim["id"] for claim in claims if claim["speaker"] == "Priya N. Kapoor"]
    assert len(carrying) > 1
    result = factcheck(tmp_path, "speaker", carrying[0], "Lena  Ortiz", "--json")
    assert result.returncode == 0, result.stderr
    assert [(claim["id"], claim["speaker"]) for claim in json.loads(result.stdout)] == [
        (claim_id, "Lena Ortiz") for claim_id in carrying
    ]
    missing = factcheck(tmp_path, "speaker", f"{story_id}-999", "Ann")
    assert missing.returncode != 0 and "999" in missing.stderr and "Traceback" not in missing.stderr


def test_stories_are_listed_newest_news_first_as_the_app_lists_them(tmp_path: Path) -> None:
    def story(text: str, *published: str) -> str:
        result = factcheck(tmp_path, "import", "-", "--title", text, *published, stdin=f"{text} rose 5% in May.")
        assert result.returncode == 0, result.stderr
        return result.stdout.split()[0]

    old = story("Fares", "--published", "2018-01-05")
    undated = story("Tolls")
    new = story("Rents", "--published", "2026-11-02")
    later_undated = story("Fees")
    # Imports within one second share a time: the two undated ones are set apart by an hour.
    with Repository(tmp_path / "db").transaction(undated, "tester") as tx:
        tx.update_story(tx.story.model_copy(update={"imported_at": tx.story.imported_at - timedelta(hours=1)}))
    # Wages came in last yet takes its place by date; the undated stories follow the dated ones,
    # the one that came in last first: the day a text was pasted says nothing of when it was news.
    middle = story("Wages", "--published", "2026-10-01")
    listed = [line.split()[0] for line in factcheck(tmp_path, "stories").stdout.splitlines()]
    assert listed == [new, middle, old, later_undated, undated]
    assert [entry["id"] for entry in json.loads(factcheck(tmp_path, "stories", "--json").stdout)] == listed


def test_importing_what_looks_like_several_articles_says_so(tmp_path: Path) -> None:
    article = " ".join(f"The council spent {n} million on roads in year {n}." for n in range(10))
    several = "\n\n".join(f"Road spending in district {n} checked\n\n{article}" for n in range(40))
    result = factcheck(tmp_path, "import", "-", stdin=several)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"factcheck: warning: standard input: {len(several):,} characters, 40 headline-like lines: "
        "this looks like several articles; imported as one story\n"
    )
    one = factcheck(tmp_path, "import", "-", stdin=f"Road spending checked\n\n{article}")
    assert one.returncode == 0 and one.stderr == ""


def test_claims_by_score_lists_the_most_check_worthy_first(tmp_path: Path) -> None:
    story_id = imported_story_id(tmp_path)
    in_story = json.loads(factcheck(tmp_path, "claims", "--story", story_id, "--json").stdout)
    by_score = json.loads(factcheck(tmp_path, "claims", "--story", story_id, "--by-score", "--json").stdout)
    assert sorted(claim["id"] for claim in by_score) == sorted(claim["id"] for claim in in_story)
    scores = [claim["score"] for claim in by_score]
    assert scores == sorted(scores, reverse=True) and by_score != in_story
