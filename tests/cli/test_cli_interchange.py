"""export, import-checks and restore run as a user runs them (through ``main()``)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import threading
from datetime import date
from pathlib import Path

import pytest

from factcheck_tui.commands.progress import ProgressBar
from factcheck_tui.core.config import Config
from factcheck_tui.core.export import ExportOptions, export_report
from factcheck_tui.core.intake.articles import read_article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.models import Status, Story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import claim_edits
from support.claimreview_rules import claim_review_problems, feed_problems
from support.cli import factcheck
from support.newsrooms import build_export_newsroom
from support.paths import FIXTURES, STRIKE

PAST = FIXTURES / "past-checks"
ORG = ("--org-name", "Harbor Checks", "--org-url", "https://checks.harbor.example")


@pytest.fixture
def newsroom(tmp_path: Path) -> Repository:
    repo = Repository(tmp_path / "db")
    build_export_newsroom(repo)
    return repo


def one_error_line(result, message: str, code: int = 2) -> None:
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_export_prints_exactly_what_the_core_renders(tmp_path: Path, newsroom: Repository, fmt: str) -> None:
    result = factcheck(tmp_path, "export", "--format", fmt, "--all-claims")
    assert result.returncode == 0, result.stderr
    expected = export_report(newsroom, Config(reviewer="tester"), ExportOptions(format=fmt, include_unreviewed=True))
    assert result.stdout == expected.replace("\r\n", "\n")


def test_export_to_a_file(tmp_path: Path, newsroom: Repository) -> None:
    target = tmp_path / "report.html"
    result = factcheck(tmp_path, "export", "--format", "html", "--story", "k3p9x", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == f"wrote {target} (2 claims from 1 story)\nleft out: 1 dismissed, 1 without a verdict"
    )
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = factcheck(tmp_path, "export", "--format", "html", "--story", "k3p9x", "-o", str(target))
    assert again.stdout.splitlines()[0] == f"wrote {target} (2 claims from 1 story; replaced the file that was there)"


def test_export_into_a_named_pipe_writes_into_it_and_it_stays_a_pipe(tmp_path: Path, newsroom: Repository) -> None:
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = factcheck(tmp_path, "export", "--format", "md", "--story", "k3p9x", "-o", str(pipe))
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    expected = export_report(newsroom, Config(reviewer="tester"), ExportOptions(format="md", story_ids=["k3p9x"]))
    assert received == [expected.encode("utf-8")]
    assert result.stdout == "" and result.stderr.startswith(f"wrote {pipe} (2 claims")


def test_export_onto_a_device_or_through_a_link_keeps_them(tmp_path: Path, newsroom: Repository) -> None:
    before = os.stat("/dev/null")
    assert factcheck(tmp_path, "export", "-o", "/dev/null").returncode == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    report = tmp_path / "shared" / "report.md"
    report.parent.mkdir()
    report.write_text("old report")
    link = tmp_path / "latest.md"
    link.symlink_to(report)
    assert factcheck(tmp_path, "export", "-o", str(link)).returncode == 0
    assert link.is_symlink() and report.read_text(encoding="utf-8").startswith("#")


def test_export_lists_only_stories_with_something_to_report_unless_all_stories(
    tmp_path: Path, newsroom: Repository
) -> None:
    newsroom.add_story(
        Story(id="n0ne1", title="Nothing checked yet", body="Rates rose 9%.", published=date(2026, 6, 1)), [], "ana"
    )
    default = factcheck(tmp_path, "export", "--format", "md")
    assert default.returncode == 0, default.stderr
    assert "Nothing checked yet" not in default.stdout
    every = factcheck(tmp_path, "export", "--format", "md", "--all-stories")
    assert (
        every.stdout.index("## Nothing checked yet") < every.stdout.index("## Route 9") < every.stdout.index("## Tax")
    )
    target = tmp_path / "report.md"
    wrote = factcheck(tmp_path, "export", "--format", "md", "--status", "Done", "-o", str(target))
    assert wrote.stdout.splitlines() == [
        f"wrote {target} (2 claims from 2 stories)",
        "left out: 2 with a status other than Done, 1 dismissed, 1 without a verdict; 1 story with nothing to report",
    ]


def test_export_filters(tmp_path: Path, newsroom: Repository) -> None:
    result = factcheck(
        tmp_path,
        "export",
        "--format",
        "csv",
        "--verdict",
        "false",
        "--verdict",
        "True",
        "--reviewer",
        "ANA",
        "--since",
        "2026-03-01",
        "--until",
        "2026-03-31",
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [row["claim_id"] for row in rows] == ["k3p9x-1"]
    result = factcheck(tmp_path, "export", "--format", "md", "--status", "needs second review")
    assert "### 1. Mostly true" in result.stdout and "Tax" not in result.stdout


def test_an_empty_claimreview_export_says_why(tmp_path: Path, newsroom: Repository) -> None:
    target = tmp_path / "cr.json"
    result = factcheck(
        tmp_path,
        "export",
        "--format",
        "claimreview",
        *ORG,
        "--review-url",
        "https://x.example/r",
        "--verdict",
        "True",
        "--status",
        "In progress",
        "-o",
        str(target),
    )
    assert result.returncode == 0, result.stderr
    assert "(0 claims from 0 stories)" in result.stdout
    assert (
        result.stderr.strip()
        == "factcheck: note: ClaimReview publishes only claims marked Done with a verdict, and none is (--all-claims widens it)"
    )


def test_export_claimreview_from_the_command_line(tmp_path: Path, newsroom: Repository) -> None:
    result = factcheck(
        tmp_path,
        "export",
        "--format",
        "claimreview",
        *ORG,
        "--review-url",
        "https://checks.harbor.example/r.html",
        "--all-claims",
    )
    assert result.returncode == 0, result.stderr
    reviews = json.loads(result.stdout)
    assert len(reviews) == 4 and all(claim_review_problems(review, Config().scale) == [] for review in reviews)
    # ClaimReview cannot say a rating is not final: asking for every claim says how many are not.
    drafts = [
        claim
        for story in newsroom.list_stories()
        for claim in newsroom.list_claims(story.id)
        if claim.verdict and claim.status is not Status.DONE
    ]
    assert drafts
    assert result.stderr.strip() == (
        f"factcheck: warning: {len(drafts)} of these ratings are of reviews not Done yet (--all-claims), "
        "and ClaimReview cannot mark them as not final"
    )
    result = factcheck(
        tmp_path,
        "export",
        "--format",
        "claimreview",
        *ORG,
        "--review-url",
        "https://checks.harbor.example/c/{claim_id}",
        "--feed",
    )
    assert feed_problems(json.loads(result.stdout), Config().scale) == []
    assert "not Done" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "claimreview", "--review-url", "https://x.example/r"],
            "ClaimReview needs the fact-checking organisation's name",
        ),
        (
            ["--format", "claimreview", "--org-name", "Desk", "--review-url", "https://x.example/r"],
            "organisation's URL: set organisation.url",
        ),
        (["--format", "claimreview", *ORG], "pass --review-url"),
        (["--since", "last week"], "--since: 'last week' is not a date (use YYYY-MM-DD)"),
        (["--verdict", "Pants on fire"], "unknown verdict 'Pants on fire'"),
        (["--status", "finished"], "unknown status 'finished'"),
    ],
)
def test_export_errors_are_one_line(tmp_path: Path, newsroom: Repository, args: list[str], message: str) -> None:
    one_error_line(factcheck(tmp_path, "export", *args), message)


def test_export_of_an_unknown_story_is_one_line(tmp_path: Path, newsroom: Repository) -> None:
    one_error_line(factcheck(tmp_path, "export", "--story", "zzzzz"), "no story zzzzz", code=1)


def test_import_checks_with_skip_bad_lists_bad_lines_and_skips_duplicates(tmp_path: Path) -> None:
    result = factcheck(tmp_path, "import-checks", str(PAST / "checks.jsonl"), "--skip-bad")
    assert result.returncode == 0, result.stderr
    summary = result.stdout.splitlines()
    assert (
        summary[0]
        == f"{PAST / 'checks.jsonl'} (JSON Lines): 6 checks read, 5 imported, 1 already present, 3 bad records skipped"
    )
    assert summary[2] == "1 ratings not mapped onto the scale (imported without a verdict): 'Research in progress' (1)"
    problems = result.stderr.splitlines()
    assert problems[0].startswith(f"factcheck: skipped: {PAST / 'checks.jsonl'}: line 3: not valid JSON")
    assert problems[3].startswith(
        f"factcheck: warning: {PAST / 'checks.jsonl'}: line 6: date '03/04/2024' not understood"
    )
    again = json.loads(factcheck(tmp_path, "import-checks", str(PAST / "checks.jsonl"), "--json", "--skip-bad").stdout)
    assert (again["read"], again["imported"], again["duplicates"], again["story_ids"]) == (6, 0, 6, [])
    assert again["problems"][0] == {"where": "line 3", "problem": again["problems"][0]["problem"], "skipped": True}
    stories = json.loads(factcheck(tmp_path, "stories", "--json").stdout)
    assert [(story["kind"], story["claim_count"]) for story in stories] == [("archive", 5)]


@pytest.mark.parametrize(("name", "count"), [("page.html", 2), ("feed.json", 3), ("checks.csv", 4)])
def test_import_checks_reads_every_form(tmp_path: Path, name: str, count: int) -> None:
    result = factcheck(tmp_path, "import-checks", str(PAST / name), "--json", "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == count


def test_import_checks_errors_are_one_line(tmp_path: Path) -> None:
    one_error_line(factcheck(tmp_path, "import-checks", str(tmp_path / "missing.csv")), "missing.csv: no such file")
    header_only = tmp_path / "bad.csv"
    header_only.write_text("verdict,url\nFalse,https://x.example\n")
    one_error_line(factcheck(tmp_path, "import-checks", str(header_only)), "the CSV header has no claim text column")


def test_a_stray_quote_in_a_long_csv_stops_the_import_naming_its_line(tmp_path: Path) -> None:
    rows = [f"Claim number {n} about the harbour budget.,False" for n in range(1000)]
    rows[3] = '"' + rows[3]
    path = tmp_path / "thousand.csv"
    path.write_text("text,verdict\n" + "\n".join(rows) + "\n")
    result = factcheck(tmp_path, "import-checks", str(path))
    one_error_line(result, f"{path}: line 5: a quoted cell opens here and never closes (a stray quote?)")
    assert "nothing was imported" in result.stderr
    assert json.loads(factcheck(tmp_path, "stories", "--json").stdout) == []
    skipped = factcheck(tmp_path, "import-checks", str(path), "--skip-bad")
    assert skipped.returncode == 0, skipped.stderr
    assert skipped.stderr.splitlines() == [
        f"factcheck: skipped: {path}: line 5: a quoted cell opens here and never closes (a stray quote?)"
    ]


def test_skip_bad_lists_every_skipped_line(tmp_path: Path) -> None:
    path = tmp_path / "many-bad.jsonl"
    lines = [
        json.dumps({"text": f"Claim {n} about fares.", "verdict": "True"}) if n % 2 else "{broken" for n in range(60)
    ]
    path.write_text("\n".join(lines) + "\n")
    result = factcheck(tmp_path, "import-checks", str(path), "--skip-bad")
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("factcheck: skipped:")]
    assert [line.split(": ")[3] for line in skipped] == [f"line {n}" for n in range(1, 61, 2)]


def test_restore_then_export_gives_the_same_bytes(tmp_path: Path) -> None:
    build_export_newsroom(Repository(tmp_path / "db"), script_link=False)
    backup = tmp_path / "backup.json"
    assert factcheck(tmp_path, "export", "--format", "json", "--all-claims", "-o", str(backup)).returncode == 0
    restored_db = str(tmp_path / "restored")
    result = factcheck(tmp_path, "restore", str(backup), "--db", restored_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"restored 3 stories (7 claims) into {restored_db}"
    again = tmp_path / "again.json"
    assert (
        factcheck(
            tmp_path, "export", "--format", "json", "--all-claims", "-o", str(again), "--db", restored_db
        ).returncode
        == 0
    )
    assert again.read_bytes() == backup.read_bytes()
    one_error_line(factcheck(tmp_path, "restore", str(backup), "--db", restored_db), "already exists")


def test_restore_of_a_backup_with_a_script_link_is_refused_and_changes_nothing(
    tmp_path: Path, newsroom: Repository
) -> None:
    backup = tmp_path / "backup.json"
    assert factcheck(tmp_path, "export", "--format", "json", "--all-claims", "-o", str(backup)).returncode == 0
    restored_db = tmp_path / "restored"
    one_error_line(
        factcheck(tmp_path, "restore", str(backup), "--db", str(restored_db)),
        "stories[0].claims[0] (k3p9x-1): evidence e2: 'javascript:alert(2)' is not a web address",
    )
    assert Repository(restored_db).story_ids() == []


def test_restore_refuses_a_file_that_is_not_an_export(tmp_path: Path) -> None:
    one_error_line(factcheck(tmp_path, "restore", str(PAST / "feed.json")), "not a factcheck JSON export")


def test_the_progress_bar_draws_only_for_a_terminal_and_clears_itself() -> None:
    quiet = io.StringIO()
    bar = ProgressBar(quiet)
    bar("saving", 5, 10)
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    bar = ProgressBar(shown, force=True)
    bar("reading", 50, 100)
    bar("saving", 100, 100)
    bar.close()
    assert shown.getvalue().startswith("\rreading  ███████████████░░░░░░░░░░░░░░░  50%        50/100")
    assert "\rsaving   ██████████████████████████████ 100%       100/100" in shown.getvalue()
    assert shown.getvalue().endswith("\r\x1b[2K")


def test_export_names_merged_claims_apart_from_dismissed_ones(tmp_path: Path) -> None:
    repo = Repository(tmp_path / "db")
    story, claims = import_story(repo, read_article(str(STRIKE)), actor="tester")
    claim_edits.merge_claims(repo, claims[7].id, claims[8].id, actor="tester")
    claim_edits.dismiss_claim(repo, claims[1].id, actor="tester")
    result = factcheck(
        tmp_path, "--db", str(tmp_path / "db"), "export", "--story", story.id, "-o", str(tmp_path / "r.md")
    )
    assert result.returncode == 0, result.stderr
    assert "left out: 10 without a verdict, 1 dismissed, 1 merged into another claim" in result.stdout
