"""A story that tries to act on the terminal: no command prints its escape sequences or bidi overrides.

Two databases: one written straight to disk with the raw bytes (as a database filled before
intake cleaning would hold them), which tests the way out; and one filled through the commands
themselves, which tests the way in.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from factcheck_tui.cli import main
from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.story_import import extracted_claims
from factcheck_tui.core.models import Story
from factcheck_tui.core.storage.repository import Repository

OSC_CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
OSC_TITLE = "\x1b]0;owned\x07"
CLEAR_SCREEN = "\x1b[2J"
REVERSE = "\u202e"
C1_CSI = "\x9b31m"
HOSTILE = f"{OSC_CLIPBOARD}{OSC_TITLE}{CLEAR_SCREEN}{REVERSE}{C1_CSI}"
BODY = (
    f"Council [sic] tax rise{HOSTILE} approved\n\n"
    f"Officials said [/] the deficit reached $3 million last year.{HOSTILE}\n\n"
    "The mayor said the budget grew by 12% to $40 million in 2025.\n"
)
FORBIDDEN = ("\x1b", "\x07", "\x9b", "\x9d", REVERSE)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def assert_inert(output: str) -> None:
    for character in FORBIDDEN:
        assert character not in output, f"{character!r} printed:\n{output!r}"


@pytest.fixture
def raw_db(tmp_path: Path) -> Path:
    """A database holding the hostile bytes as they are, as only an old version could have stored them."""
    root = tmp_path / "raw"
    repo = Repository(root)
    at = datetime(2026, 3, 2, tzinfo=UTC)
    for story_id in ("h0st1", "h0st2"):
        story = Story(
            id=story_id, title=f"Headline{HOSTILE}", outlet=f"Wire{HOSTILE}", published=date(2026, 3, 2), body=BODY
        )
        claims = [
            claim.model_copy(
                update={
                    "id": f"{story_id}-{number}",
                    "story_id": story_id,
                    "number": number,
                    "created_at": at,
                    "updated_at": at,
                    "speaker": f"Mayor{HOSTILE}",
                    "verdict": "False",
                    "conclusion": f"Wrong{HOSTILE}",
                    "updated_by": f"ana{HOSTILE}",
                }
            )
            for number, claim in enumerate(extracted_claims(extract(BODY)), start=1)
        ]
        repo.restore_story(story, claims)
    return root


@pytest.mark.parametrize(
    "command",
    [
        ["stories"],
        ["claims"],
        ["claims", "--story", "h0st1"],
        ["show", "h0st1-2"],
        ["match", "Officials said the deficit reached $3 million last year."],
        ["dupes"],
        ["export", "--story", "h0st1", "--format", "md", "--all-claims"],
        ["export", "--story", "h0st1", "--format", "html", "--all-claims"],
        ["export", "--story", "h0st1", "--format", "csv", "--all-claims"],
    ],
    ids=lambda command: " ".join(command[:4]),
)
def test_no_command_prints_what_a_story_supplied_raw(
    raw_db: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, output = run(capsys, "--db", str(raw_db), *command)
    assert code == 0, output
    assert_inert(output)
    assert "‹U+202E›" in output and ("Headline" in output or "Officials" in output)


def test_show_names_a_bidi_override_instead_of_obeying_it(raw_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, output = run(capsys, "--db", str(raw_db), "show", "h0st1-2")
    assert "Officials said [/] the deficit reached $3 million last year.‹U+202E›" in output


def test_json_keeps_the_stored_text_escaped(raw_db: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["--db", str(raw_db), "show", "h0st1-2", "--json"]) == 0
    printed = capsysbinary.readouterr().out
    for character in FORBIDDEN:
        assert character.encode("utf-8") not in printed
    claim = json.loads(printed)
    assert claim["conclusion"] == f"Wrong{HOSTILE}"
    assert b"\\u202e" in printed and b"\\u001b]52" in printed


def test_extract_prints_a_hostile_article_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(BODY, encoding="utf-8")
    code, output = run(capsys, "--db", str(tmp_path / "db"), "extract", str(article))
    assert code == 0, output
    assert_inert(output)
    assert "Officials said [/] the deficit" in output


def test_intake_strips_controls_and_keeps_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "db")]
    article = tmp_path / "hostile.html"
    article.write_text(
        f"<html><head><title>Council&#27;]0;owned&#7; [sic]</title></head><body>"
        f"<p>Officials said [/] the deficit reached $3 million last year.{HOSTILE}</p>"
        f"<p>The mayor said the budget grew by 12% to $40 million in 2025.</p></body></html>",
        encoding="utf-8",
    )
    code, output = run(capsys, *db, "import", str(article), "--outlet", f"Wire{OSC_TITLE}")
    assert code == 0, output
    assert_inert(output)
    story_id = output.split("\t")[0]
    code, output = run(capsys, *db, "claims", "--story", story_id, "--json")
    claims = json.loads(output)
    claim_id = next(claim["id"] for claim in claims if "deficit" in claim["text"])
    code, output = run(
        capsys, *db, "verdict", claim_id, "false", "--note", f"Wrong{HOSTILE}", "--evidence", "https://x.example/a"
    )
    assert code == 0, output
    code, output = run(capsys, *db, "evidence", claim_id, "--source", f"Budget{CLEAR_SCREEN}", "--note", "p.\x074")
    assert code == 0, output

    stored = Repository(tmp_path / "db")
    story = stored.get_story(story_id)
    claim = stored.get_claim(claim_id)
    texts = [story.title, story.outlet, story.body, claim.text, claim.conclusion]
    texts += [field for item in claim.evidence for field in (item.source, item.note, item.url)]
    for text in texts:
        assert not any(character in text for character in ("\x1b", "\x07", "\x9b")), repr(text)
    # (HTML's own decoding drops a control written as an entity, which leaves its harmless tail.)
    assert story.title == "Council]0;owned [sic]" and story.outlet == "Wire"
    # Bidi characters are text (they belong in Arabic and Hebrew quotes): kept, and shown by name.
    assert claim.conclusion == f"Wrong{REVERSE}"
    assert [item.source for item in claim.evidence][-1] == "Budget"


def test_past_checks_and_config_are_cleaned_on_the_way_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "checks.jsonl"
    feed.write_text(
        json.dumps({"claim": f"Taxes rose 40%{HOSTILE} last year", "rating": "False", "speaker": f"Bo{OSC_TITLE}"})
        + "\n",
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text('reviewer = "ana\\u001b]0;owned\\u0007"\n', encoding="utf-8")
    db = ["--db", str(tmp_path / "db"), "--config", str(config)]
    code, output = run(capsys, *db, "import-checks", str(feed))
    assert code == 0, output
    assert_inert(output)
    code, output = run(capsys, *db, "config")
    assert_inert(output)
    assert 'reviewer = "ana"\n' in output
    code, output = run(capsys, *db, "claims", "--json")
    (claim,) = json.loads(output)
    assert claim["text"] == f"Taxes rose 40%{REVERSE} last year" and claim["speaker"] == "Bo"
