"""The desk from the shell: assignment, queues, second review, tags, notes and batch verdicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.desk import Desk


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(tmp_path)


def story(desk: Desk) -> str:
    return desk.import_strike()


def test_two_claims_assigned_to_one_reviewer_are_her_queue_and_nobody_elses(desk: Desk) -> None:
    story_id = story(desk)
    first, second = f"{story_id}-3", f"{story_id}-5"
    desk.ok("Ed", "assign", first, second, "--to", "Ana")

    ana = desk.json("Ana", "queue", "--json")
    assert sorted(claim["id"] for claim in ana) == sorted([first, second])
    assert desk.json("Ed", "queue", "--reviewer", "ana", "--json") == ana
    assert desk.json("Ben", "queue", "--json") == []
    # The same shape as 'claims --json'.
    listed = {claim["id"]: claim for claim in desk.json("Ed", "claims", "--story", story_id, "--json")}
    assert ana == [listed[claim["id"]] for claim in ana]


def test_second_review_refuses_the_checker_and_records_the_approver(desk: Desk) -> None:
    story_id = story(desk)
    claim_id = f"{story_id}-3"
    desk.ok("Ed", "assign", claim_id, f"{story_id}-5", "--to", "Ana")
    desk.ok("Ana", "verdict", claim_id, "mostly false", "--note", "Fewer voted.")
    desk.ok("Ana", "status", claim_id, "needs second review")

    done = desk.run("Ana", "status", claim_id, "done")
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "another reviewer approves it" in done.stderr
    own = desk.run("Ana", "approve", claim_id)
    assert own.returncode != 0 and own.stderr.count("\n") == 1 and "Ana gave its verdict" in own.stderr
    assert desk.json("Ana", "show", claim_id, "--json")["status"] == "Needs second review"

    desk.ok("Ben", "approve", claim_id)
    shown = desk.json("Ed", "show", claim_id, "--json")
    assert (shown["status"], shown["approved_by"], shown["assignee"]) == ("Done", "Ben", "Ana")
    assert shown["approved_at"] and {"tags", "notes"} <= set(shown)
    assert [claim["id"] for claim in desk.json("Ana", "queue", "--json")] == [f"{story_id}-5"]


def test_a_returned_claim_goes_back_to_its_checkers_queue_with_the_note(desk: Desk) -> None:
    story_id = story(desk)
    claim_id = f"{story_id}-4"
    desk.ok("Ana", "verdict", claim_id, "true")
    desk.ok("Ana", "status", claim_id, "needs second review")
    assert desk.json("Ana", "queue", "--json") == []

    desk.ok("Ben", "return", claim_id, "--note", "Check the union's own count")
    shown = desk.json("Ana", "show", claim_id, "--json")
    assert (shown["status"], shown["assignee"], shown["approved_by"]) == ("In progress", "Ana", None)
    assert "returned: Check the union's own count" in desk.ok("Ana", "show", claim_id).stdout
    assert [claim["id"] for claim in desk.json("Ana", "queue", "--json")] == [claim_id]


def test_reports_publish_approved_claims_only(desk: Desk, tmp_path: Path) -> None:
    story_id = story(desk)
    approved, pending = f"{story_id}-3", f"{story_id}-4"
    for claim_id in (approved, pending):
        desk.ok("Ana", "verdict", claim_id, "false")
        desk.ok("Ana", "status", claim_id, "needs second review")
    desk.ok("Ben", "approve", approved)
    report = tmp_path / "report.csv"
    desk.ok("Ed", "export", "--format", "csv", "--output", str(report))
    text = report.read_text(encoding="utf-8-sig")
    assert approved in text and pending not in text


def test_assigning_a_story_takes_its_open_checkworthy_claims(desk: Desk) -> None:
    story_id = story(desk)
    claims = desk.json("Ed", "claims", "--story", story_id, "--checkworthy", "--json")
    desk.ok("Ed", "assign", story_id, "--to", "Ben")
    assert sorted(claim["id"] for claim in desk.json("Ben", "queue", "--json")) == sorted(
        claim["id"] for claim in claims
    )
    desk.ok("Ed", "assign", claims[0]["id"], "--unassign")
    assert len(desk.json("Ben", "queue", "--json")) == len(claims) - 1
    assert desk.json("Ed", "claims", "--assignee", "ben", "--json")[0]["id"] == claims[1]["id"]


def test_assign_refuses_an_unknown_id_and_changes_nothing(desk: Desk) -> None:
    story_id = story(desk)
    result = desk.run("Ed", "assign", f"{story_id}-3", f"{story_id}-999", "--to", "Ana")
    assert result.returncode != 0 and f"no claim {story_id}-999" in result.stderr and result.stderr.count("\n") == 1
    assert desk.json("Ana", "queue", "--json") == []


def test_tag_on_two_claims_makes_claims_tag_list_exactly_those(desk: Desk) -> None:
    story_id = story(desk)
    desk.ok("Ed", "tag", f"{story_id}-3", f"{story_id}-6", "Labour law")
    tagged = desk.json("Ed", "claims", "--tag", "labour-law", "--json")
    assert [claim["id"] for claim in tagged] == [f"{story_id}-3", f"{story_id}-6"]
    assert tagged[0]["tags"] == ["labour-law"]
    desk.ok("Ed", "untag", f"{story_id}-3", "LABOUR LAW")
    assert [claim["id"] for claim in desk.json("Ed", "claims", "--tag", "labour-law", "--json")] == [f"{story_id}-6"]


def test_claims_filters_by_status_verdict_and_saved_filter(desk: Desk) -> None:
    story_id = story(desk)
    desk.ok("Ana", "verdict", f"{story_id}-3", "false")
    desk.ok("Ana", "verdict", f"{story_id}-4", "true")
    desk.ok("Ed", "tag", f"{story_id}-4", "urgent")
    in_progress = desk.json("Ed", "claims", "--status", "in progress", "--json")
    assert [claim["id"] for claim in in_progress] == [f"{story_id}-3", f"{story_id}-4"]
    assert [claim["id"] for claim in desk.json("Ed", "claims", "--verdict", "false", "--json")] == [f"{story_id}-3"]
    desk.config.write_text(desk.config.read_text() + '[filters.hot]\ntag = "urgent"\nstatus = "In progress"\n')
    assert [claim["id"] for claim in desk.json("Ed", "claims", "--filter", "hot", "--json")] == [f"{story_id}-4"]
    missing = desk.run("Ed", "claims", "--filter", "cold")
    assert missing.returncode != 0 and "no saved filter 'cold' (saved filters: hot)" in missing.stderr
    bad = desk.run("Ed", "claims", "--status", "finished")
    assert bad.returncode != 0 and "unknown status 'finished'" in bad.stderr


def test_notes_show_in_show_and_history_but_in_no_report(desk: Desk, tmp_path: Path) -> None:
    story_id = story(desk)
    claim_id = f"{story_id}-3"
    desk.ok("Ana", "verdict", claim_id, "false", "--note", "The published conclusion.")
    desk.ok("Ana", "note", claim_id, "Secret source: the harbour master")
    desk.ok("Ana", "status", claim_id, "needs second review")
    desk.ok("Ben", "approve", claim_id)
    shown = desk.ok("Ed", "show", claim_id).stdout
    assert "notes (internal): Secret source: the harbour master" in shown
    assert "notes: — → Secret source" in shown
    for fmt in ("md", "html", "csv", "claimreview"):
        path = tmp_path / f"report.{fmt}"
        extra = (
            [
                "--org-name",
                "Desk",
                "--org-url",
                "https://desk.example",
                "--review-url",
                "https://desk.example/{claim_id}",
            ]
            if fmt == "claimreview"
            else []
        )
        desk.ok("Ed", "export", "--format", fmt, "--output", str(path), *extra)
        text = path.read_text(encoding="utf-8-sig")
        assert "The published conclusion." in text and "harbour master" not in text, fmt
    backup = tmp_path / "backup.json"
    desk.ok("Ed", "export", "--format", "json", "--output", str(backup))
    assert "harbour master" in backup.read_text()


def test_verdicts_from_a_file_are_all_applied(desk: Desk, tmp_path: Path) -> None:
    story_id = story(desk)
    lines = [
        {"id": f"{story_id}-3", "verdict": "False", "note": "No vote was held.", "evidence": ["port.example/vote"]},
        {"id": f"{story_id}-4", "verdict": "2"},
        {"id": f"{story_id}-6", "verdict": "mixed"},
    ]
    source = tmp_path / "verdicts.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    assert desk.ok("Ana", "verdict", "--from", str(source)).stdout.strip() == "3 verdicts saved in 1 story"
    claims = {claim["id"]: claim for claim in desk.json("Ed", "claims", "--story", story_id, "--json")}
    assert claims[f"{story_id}-3"]["conclusion"] == "No vote was held."
    assert claims[f"{story_id}-3"]["evidence"][0]["url"] == "https://port.example/vote"
    assert [claims[f"{story_id}-{n}"]["verdict"] for n in (3, 4, 6)] == ["False", "Mostly true", "Mixed"]

    stdin = json.dumps({"id": f"{story_id}-4", "verdict": "none"}) + "\n"
    desk.ok("Ana", "verdict", "--from", "-", stdin=stdin)
    assert desk.json("Ed", "show", f"{story_id}-4", "--json")["verdict"] is None


def test_a_malformed_verdict_file_changes_nothing_and_names_its_lines(desk: Desk, tmp_path: Path) -> None:
    story_id = story(desk)
    source = tmp_path / "verdicts.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": f"{story_id}-3", "verdict": "False"}),
                "{not json",
                json.dumps({"id": f"{story_id}-4", "verdict": "Pants on fire"}),
                json.dumps({"id": f"{story_id}-3", "verdict": "True"}),
                json.dumps({"id": f"{story_id}-5", "verdict": "True", "evidence": ["not a url"]}),
                json.dumps({"id": f"{story_id}-6", "verdict": "True", "colour": "red"}),
            ]
        )
    )
    before = desk.ok("Ed", "claims", "--story", story_id, "--json").stdout
    result = desk.run("Ana", "verdict", "--from", str(source))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    for line in (2, 3, 4, 5, 6):
        assert f"{source}:{line}: " in result.stderr
    assert f"{source}:1:" not in result.stderr
    assert "5 bad lines; nothing was changed" in result.stderr
    assert desk.ok("Ed", "claims", "--story", story_id, "--json").stdout == before

    source.write_text(json.dumps({"id": f"{story_id}-300", "verdict": "False"}) + "\n")
    result = desk.run("Ana", "verdict", "--from", str(source))
    assert result.returncode != 0 and f"{source}:1: no claim {story_id}-300" in result.stderr
    assert desk.ok("Ed", "claims", "--story", story_id, "--json").stdout == before


def test_verdict_needs_a_claim_and_a_verdict_or_a_file(desk: Desk) -> None:
    story(desk)
    result = desk.run("Ana", "verdict")
    assert result.returncode != 0 and "give a claim id and a verdict, or --from FILE" in result.stderr


def test_a_note_never_replaces_another_reviewers_conclusion_unasked(desk: Desk) -> None:
    claim_id = f"{story(desk)}-4"
    desk.ok("Ana", "verdict", claim_id, "mostly false", "--note", "The port counted 40 ships.")
    desk.ok("Ed", "tag", claim_id, "port")  # the last saver is not the conclusion's author

    refused = desk.run("Ben", "verdict", claim_id, "Unverifiable", "--note", "No figures were released.")
    assert refused.returncode != 0 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert "written by Ana" in refused.stderr and "--replace-note" in refused.stderr
    shown = desk.json("Ed", "show", claim_id, "--json")
    assert (shown["verdict"], shown["conclusion"]) == ("Mostly false", "The port counted 40 ships.")

    # Without a note, or with the same words, nothing of Ana's is lost: no refusal.
    desk.ok("Ben", "verdict", claim_id, "Unverifiable")
    desk.ok("Ben", "verdict", claim_id, "Unverifiable", "--note", "The port counted 40 ships.")
    desk.ok("Ben", "verdict", claim_id, "Unverifiable", "--note", "No figures were released.", "--append-note")
    assert desk.json("Ed", "show", claim_id, "--json")["conclusion"] == (
        "The port counted 40 ships.\n\nNo figures were released."
    )
    desk.ok("Ben", "verdict", claim_id, "False", "--note", "Only 12 ships.", "--replace-note")
    assert desk.json("Ed", "show", claim_id, "--json")["conclusion"] == "Only 12 ships."
    # Ben's own conclusion is his to rewrite.
    desk.ok("Ben", "verdict", claim_id, "False", "--note", "Only 12 ships came in.")
    assert desk.json("Ed", "show", claim_id, "--json")["conclusion"] == "Only 12 ships came in."
    both = desk.run("Ben", "verdict", claim_id, "False", "--note", "x", "--append-note", "--replace-note")
    assert both.returncode != 0 and "not allowed with" in both.stderr


def test_a_verdicts_file_never_replaces_another_reviewers_conclusion_unasked(desk: Desk, tmp_path: Path) -> None:
    story_id = story(desk)
    desk.ok("Ana", "verdict", f"{story_id}-4", "true", "--note", "Ana's reading.")
    lines = [
        {"id": f"{story_id}-3", "verdict": "False", "note": "Ben's first."},
        {"id": f"{story_id}-4", "verdict": "False", "note": "Ben's reading."},
    ]
    source = tmp_path / "verdicts.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    before = desk.ok("Ed", "claims", "--story", story_id, "--json").stdout
    refused = desk.run("Ben", "verdict", "--from", str(source))
    assert refused.returncode != 0 and f"{source}:2: {story_id}-4: its conclusion was written by Ana" in refused.stderr
    assert desk.ok("Ed", "claims", "--story", story_id, "--json").stdout == before

    desk.ok("Ben", "verdict", "--from", str(source), "--replace-note")
    assert desk.json("Ed", "show", f"{story_id}-4", "--json")["conclusion"] == "Ben's reading."
