"""factcheck match / dupes / link, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from support.cli import factcheck, imported_story_id

ARCHIVE_STORY = """Council budget

The city council cut the library budget by 3 percent last year.

Ferry tickets between Harwick and Lunden will double in price from March.
"""

NEW_STORY = """Critics speak

Critics say three per cent was cut from the council's library budget last year.

The parade was cancelled because of rain.
"""


def two_stories(tmp_path: Path) -> tuple[str, str]:
    ids = []
    for name, text in (("first.txt", ARCHIVE_STORY), ("second.txt", NEW_STORY)):
        path = tmp_path / name
        path.write_text(text)
        result = factcheck(tmp_path, "import", str(path), "--json")
        assert result.returncode == 0, result.stderr
        ids.append(json.loads(result.stdout)["story_id"])
    return ids[0], ids[1]


def claim_with(tmp_path: Path, story_id: str, words: str) -> str:
    claims = json.loads(factcheck(tmp_path, "claims", "--story", story_id, "--json").stdout)
    return next(claim["id"] for claim in claims if words in claim["text"])


def test_match_json_has_the_shape_the_issue_names(tmp_path: Path) -> None:
    first, _ = two_stories(tmp_path)
    result = factcheck(
        tmp_path, "match", "Last year 3% was cut from the library budget of the city council", "--top", "2", "--json"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    payload = json.loads(lines[0])
    assert set(payload) == {"query", "matches"}
    assert 1 <= len(payload["matches"]) <= 2
    top = payload["matches"][0]
    assert set(top) == {"claim_id", "story_id", "text", "score", "level", "verdict"}
    assert top["story_id"] == first and "3 percent" in top["text"]
    assert top["level"] in ("likely", "possible") and 0 <= top["score"] <= 1


def test_match_queries_file_prints_one_json_object_per_line(tmp_path: Path) -> None:
    two_stories(tmp_path)
    queries = tmp_path / "queries.txt"
    queries.write_text("Harwick Lunden ferry tickets to double in March\n\nPenguins learned to fly over the Alps\n")
    result = factcheck(tmp_path, "match", "--queries", str(queries), "--top", "3", "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    # Output line N answers input line N, blank lines included, so scripts can pair them up.
    assert [row["query"] for row in rows] == [
        "Harwick Lunden ferry tickets to double in March",
        "",
        "Penguins learned to fly over the Alps",
    ]
    assert "Harwick" in rows[0]["matches"][0]["text"] and rows[1]["matches"] == [] and rows[2]["matches"] == []


def test_match_for_people_fits_80_columns(tmp_path: Path) -> None:
    two_stories(tmp_path)
    result = factcheck(tmp_path, "match", "library budget cut by three percent by the city council last year")
    assert result.returncode == 0, result.stderr
    assert "library budget" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_dupes_and_link_confirm_with_copy(tmp_path: Path) -> None:
    first, second = two_stories(tmp_path)
    earlier = claim_with(tmp_path, first, "3 percent")
    later = claim_with(tmp_path, second, "three per cent")
    clusters = json.loads(factcheck(tmp_path, "dupes", "--json").stdout)
    assert [sorted(claim["claim_id"] for claim in cluster["claims"]) for cluster in clusters] == [
        sorted([earlier, later])
    ]
    assert clusters[0]["stories"] == sorted([first, second])
    only_second = json.loads(factcheck(tmp_path, "dupes", "--story", second, "--json").stdout)
    assert only_second == clusters

    assert factcheck(tmp_path, "verdict", earlier, "False", "--note", "It was 1 percent.").returncode == 0
    result = factcheck(tmp_path, "link", later, earlier, "--confirm", "--copy", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["link"]["decision"], payload["link"]["by"]) == ("confirmed", "tester")
    assert (payload["claim"]["verdict"], payload["claim"]["copied_from"], payload["claim"]["conclusion"]) == (
        "False",
        earlier,
        "It was 1 percent.",
    )
    shown = json.loads(factcheck(tmp_path, "show", later, "--json").stdout)
    assert any(change["field"] == "copied_from" and change["new"] == earlier for change in shown["history"])


def test_link_reject_removes_the_suggestion(tmp_path: Path) -> None:
    first, second = two_stories(tmp_path)
    earlier = claim_with(tmp_path, first, "3 percent")
    later = claim_with(tmp_path, second, "three per cent")
    result = factcheck(tmp_path, "link", later, earlier, "--reject")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{later} and {earlier}: rejected by tester"
    assert json.loads(factcheck(tmp_path, "dupes", "--json").stdout) == []


def test_link_rejected_lists_and_restore_takes_a_rejection_back(tmp_path: Path) -> None:
    first, second = two_stories(tmp_path)
    earlier = claim_with(tmp_path, first, "3 percent")
    later = claim_with(tmp_path, second, "three per cent")
    assert (
        factcheck(tmp_path, "link", later, "--rejected").stdout.strip()
        == f"no claim was rejected as the same as {later}"
    )
    assert factcheck(tmp_path, "link", later, earlier, "--reject", "--note", "another year").returncode == 0

    listed = factcheck(tmp_path, "link", earlier, "--rejected")
    assert listed.returncode == 0, listed.stderr
    assert f"{later:<10} rejected " in listed.stdout and "by tester · no verdict" in listed.stdout
    assert "why: another year" in listed.stdout
    [record] = json.loads(factcheck(tmp_path, "link", later, "--rejected", "--json").stdout)
    assert (record["link"]["decision"], record["link"]["by"], record["link"]["note"]) == (
        "rejected",
        "tester",
        "another year",
    )
    assert (record["other"]["claim_id"], record["other"]["story_id"]) == (earlier, first)
    assert "3 percent" in record["other"]["text"]

    restored = factcheck(tmp_path, "link", later, earlier, "--restore", "--json")
    assert restored.returncode == 0, restored.stderr
    payload = json.loads(restored.stdout)
    assert (payload["link"], payload["claim"], payload["restored"]["decision"]) == (None, None, "rejected")
    assert json.loads(factcheck(tmp_path, "link", later, "--rejected", "--json").stdout) == []
    assert len(json.loads(factcheck(tmp_path, "dupes", "--json").stdout)) == 1


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    imported_story_id(tmp_path)
    cases = [
        (("match",), "give either a TEXT to match or --queries FILE"),
        (("match", "--queries", str(tmp_path / "nope.txt")), "nope.txt: no such file"),
        (("match", "x", "--top", "0"), "--top: 0 is not a positive number"),
        (("link", "abcde-1", "abcde-2", "--reject", "--copy"), "--copy needs --confirm"),
        (("link", "abcde-1", "--confirm"), "give the earlier claim too"),
        (("link", "abcde-1", "abcde-2", "--rejected"), "--rejected lists every rejected claim"),
        (("link", "abcde-1", "abcde-2", "--restore"), "were never rejected"),
        (("dupes", "--story", "zzzzz"), "no story zzzzz"),
    ]
    for args, message in cases:
        result = factcheck(tmp_path, *args)
        assert result.returncode != 0
        assert result.stderr.count("\n") == 1 and message in result.stderr, (args, result.stderr)


def test_match_lists_the_best_candidates_even_below_possible(tmp_path: Path) -> None:
    """A search asked for shows its K best; only the review app keeps to matching.possible."""
    two_stories(tmp_path)
    result = factcheck(tmp_path, "match", "The library opened a new reading room for children", "--top", "3", "--json")
    matches = json.loads(result.stdout)["matches"]
    assert matches and "library budget" in matches[0]["text"]
    assert matches[0]["score"] < 0.5 and matches[0]["level"] == "possible"


def test_match_for_people_calls_a_candidate_below_possible_weak(tmp_path: Path) -> None:
    two_stories(tmp_path)
    result = factcheck(tmp_path, "match", "The library opened a new reading room for children", "--top", "1")
    assert result.stdout.split()[0] == "weak"


def test_match_for_people_says_what_each_level_means(tmp_path: Path) -> None:
    two_stories(tmp_path)
    result = factcheck(tmp_path, "match", "The council cut the library budget by 3 percent", "--top", "2")
    legend = result.stdout.split("\n\n")[-1]
    assert legend.startswith("likely (≥ 0.80)") and "possible (0.50–0.80)" in legend and "weak (< 0.50)" in legend
    assert "almost always the same claim" in legend and all(len(line) <= 80 for line in legend.splitlines())
    # Scripts get no legend: one JSON object per query, nothing else.
    scripted = factcheck(tmp_path, "match", "The council cut the library budget by 3 percent", "--json")
    assert len(scripted.stdout.splitlines()) == 1


# Past checks of our own writing around one subject, so that the right one must win on meaning.
HOSTING_CHECKS = [
    {"id": "c1", "text": "AWS only gave Parler 24 hours to find a new host", "title": "Did AWS Drop Parler Overnight?"},
    {
        "id": "c2",
        "text": "Apple removed Parler from the App Store for a week",
        "title": "Parler Pulled From App Store?",
    },
    {
        "id": "c3",
        "text": "Amazon fired every warehouse worker who joined the strike",
        "title": "Amazon Strike Firings?",
    },
    {
        "id": "c4",
        "text": "Google gave app makers one month's notice before the new fees",
        "title": "Google Fee Notice?",
    },
    {"id": "c5", "text": "A new host took over the breakfast show after 24 years", "title": "New Breakfast Host?"},
]


def test_a_rewording_with_other_names_and_figures_is_at_least_possible(tmp_path: Path) -> None:
    # "Amazon" for "AWS", "one day's notice" for "24 hours": almost no shared words, the same claim.
    checks = tmp_path / "checks.jsonl"
    checks.write_text("".join(json.dumps(check) + "\n" for check in HOSTING_CHECKS))
    assert factcheck(tmp_path, "import-checks", str(checks)).returncode == 0
    result = factcheck(tmp_path, "match", "Amazon gave Parler one day's notice", "--top", "3", "--json")
    best = json.loads(result.stdout)["matches"][0]
    assert best["text"] == HOSTING_CHECKS[0]["text"]
    assert best["score"] >= 0.5 and best["level"] == "possible"


STRIKE_DAY_ONE = """Strike talks

The union says 6,000 nurses will strike on Friday.

The board wasted $3 million on tablets nobody uses.
"""

STRIKE_DAY_TWO = """Strike talks, day two

The union says 6,000 porters will strike on Friday.

On tablets that nobody uses, the board wasted $3 million, the union says.
"""


def test_dupes_leaves_out_sentences_that_only_share_a_subject(tmp_path: Path) -> None:
    """Nurses and porters striking on the same day are two claims; the same $3 million wasted on
    the same tablets, said again in another order and with who says it, is one."""
    story_ids = []
    for name, text in (("one.txt", STRIKE_DAY_ONE), ("two.txt", STRIKE_DAY_TWO)):
        (tmp_path / name).write_text(text)
        result = factcheck(tmp_path, "import", str(tmp_path / name), "--json")
        assert result.returncode == 0, result.stderr
        story_ids.append(json.loads(result.stdout)["story_id"])
    clusters = json.loads(factcheck(tmp_path, "dupes", "--story", story_ids[0], "--json").stdout)
    assert [sorted(claim["text"] for claim in cluster["claims"]) for cluster in clusters] == [
        [
            "On tablets that nobody uses, the board wasted $3 million, the union says.",
            "The board wasted $3 million on tablets nobody uses.",
        ]
    ]
