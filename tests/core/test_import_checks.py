"""Importing past fact-checks: every input form, bad records, rating mapping, dedupe, archives."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from factcheck_tui.core.config import Config, Organisation
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export import ExportOptions, export_report
from factcheck_tui.core.interchange import past_checks
from factcheck_tui.core.interchange.past_checks import import_checks
from factcheck_tui.core.limits import Limits
from factcheck_tui.core.models import Claim, Origin, Status, StoryKind
from factcheck_tui.core.scale import DEFAULT_SCALE, VerdictLabel, VerdictScale
from factcheck_tui.core.storage.repository import Repository
from support.newsrooms import build_export_newsroom
from support.paths import FIXTURES

PAST = FIXTURES / "past-checks"


def run(repo: Repository, path: Path, **kwargs):
    return import_checks(repo, path, DEFAULT_SCALE, actor="tester", **kwargs)


def imported(repo: Repository) -> list[Claim]:
    return [
        claim
        for summary in repo.list_stories()
        if summary.kind is StoryKind.ARCHIVE
        for claim in repo.list_claims(summary.id, include_dismissed=True)
    ]


def by_text(repo: Repository) -> dict[str, Claim]:
    return {claim.text: claim for claim in imported(repo)}


def test_json_lines_with_bad_lines_imports_the_good_ones_and_names_the_bad(repo: Repository) -> None:
    result = run(repo, PAST / "checks.jsonl", skip_bad=True)
    assert (result.format, result.read, result.imported, result.duplicates) == ("JSON Lines", 6, 5, 1)
    assert [(p.where, p.skipped) for p in result.problems] == [
        ("line 3", True),
        ("line 4", True),
        ("line 6", False),
        ("line 7", True),
    ]
    assert "not valid JSON" in result.problems[0].message and result.problems[1].message == "no claim text"
    assert "date '03/04/2024' not understood" in result.problems[2].message
    assert result.unmapped == {"Research in progress": 1}
    claims = by_text(repo)
    tunnel = claims["The harbour tunnel cost $2 billion."]
    assert (tunnel.verdict, tunnel.original_label, tunnel.review_url, str(tunnel.reviewed_on)) == (
        "False",
        "False",
        "https://archive.example/checks/1",
        "2024-05-01",
    )
    assert claims["Crime fell 20% since 2022."].speaker == "Mayor Dana Whitfield"
    turnout = claims["Turnout was 61% in the spring election."]
    assert (turnout.verdict, str(turnout.reviewed_on)) == ("Mostly true", "2024-05-03")
    assert claims["The library closes on Sundays."].reviewed_on is None
    flop = claims["Bus fares went up 3 times this year."]
    assert (flop.verdict, flop.original_label) == (None, "Research in progress")


def test_imported_checks_are_archive_claims_with_a_place_in_their_story(repo: Repository) -> None:
    result = run(repo, PAST / "checks.jsonl", skip_bad=True)
    (story_id,) = result.story_ids
    story = repo.get_story(story_id)
    assert (story.kind, story.title, story.source_file) == (
        StoryKind.ARCHIVE,
        "Past fact-checks: checks.jsonl",
        str(PAST / "checks.jsonl"),
    )
    claims = repo.list_claims(story_id)
    assert len(claims) == 5
    for claim in claims:
        assert claim.origin is Origin.IMPORTED and claim.status is Status.DONE and claim.checkworthy
        assert story.body[claim.start : claim.end] == claim.text


def test_claimreview_embedded_in_an_html_page(repo: Repository) -> None:
    result = run(repo, PAST / "page.html", skip_bad=True)
    assert (result.format, result.read, result.imported) == ("HTML page with JSON-LD", 2, 2)
    assert [(p.where, p.skipped) for p in result.problems] == [("line 43", True)]
    assert "JSON-LD block is not valid JSON" in result.problems[0].message
    claims = by_text(repo)
    ferry = claims["The ferry subsidy doubled in two years."]
    assert (ferry.verdict, ferry.original_label, ferry.speaker) == ("Mixed", "Half True", "Councillor Mabel Ortiz")
    assert ferry.review_title == "Fact check: the ferry subsidy and the school roof"
    roof = claims["The school roof repair cost £3 million."]
    assert (roof.verdict, roof.speaker, str(roof.reviewed_on)) == (
        "False",
        "Lower Vale Parents' Association",
        "2025-09-14",
    )
    assert repo.get_story(result.story_ids[0]).outlet == "Fact Desk"


def test_a_datafeed_of_datafeeditems(repo: Repository) -> None:
    result = run(repo, PAST / "feed.json")
    assert (result.format, result.read, result.imported, result.problems) == ("JSON", 3, 3, [])
    claims = by_text(repo)
    rents = claims["Rents in the old town rose 40% last year."]
    assert (rents.verdict, rents.conclusion, rents.speaker) == (
        "Mostly false",
        "Rents rose 14%, according to the housing survey.",
        "Tenants First",
    )
    bypass = claims["The new bypass cut journey times by half."]
    assert (bypass.verdict, bypass.original_label) == ("Mostly true", "4 on a scale of 1 to 5")
    assert result.unmapped == {"Research In Progress": 1}


def test_one_object_and_a_list_of_claimreviews(repo: Repository, tmp_path: Path) -> None:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://one.example/check",
        "claimReviewed": "The pier is 200 years old.",
        "reviewRating": {"@type": "Rating", "alternateName": "Correct"},
    }
    single = tmp_path / "one.jsonld"
    single.write_text(json.dumps(review))
    assert run(repo, single).imported == 1
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps(
            [
                review,
                {**review, "claimReviewed": "The pier is 100 metres long.", "reviewRating": {"alternateName": "Wrong"}},
                {"@type": "ClaimReview"},
            ]
        )
    )
    result = run(repo, many, skip_bad=True)
    assert (result.imported, result.duplicates) == (1, 1)
    assert [str(problem) for problem in result.problems] == ["ClaimReview 3: no claim text"]
    assert by_text(repo)["The pier is 100 metres long."].verdict == "False"


def test_verified_claims_without_ratings_are_kept_for_matching(repo: Repository, tmp_path: Path) -> None:
    """Research sets of past checks give a claim and its headline, no rating: still a check done."""
    path = tmp_path / "verified.jsonl"
    rows = [
        {"id": "v-ferry", "text": "Ferry fares will double in May.", "title": "Are Ferry Fares Doubling?"},
        {"id": "v-bridge", "text": "The old bridge is closing for good.", "title": "Is the Old Bridge Closing?"},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    result = run(repo, path)
    assert (result.imported, result.unrated, result.problems) == (2, 2, [])
    claim = by_text(repo)["Ferry fares will double in May."]
    assert (claim.verdict, claim.original_label, claim.review_title) == (None, None, "Are Ferry Fares Doubling?")
    assert run(repo, path).duplicates == 2


def test_a_json_array_of_plain_records_and_json_lines_named_json(repo: Repository, tmp_path: Path) -> None:
    records = tmp_path / "records.json"
    records.write_text(json.dumps([{"statement": "Parking fees doubled.", "label": "Mostly False"}, "nonsense"]))
    result = run(repo, records, skip_bad=True)
    assert (result.imported, [str(p) for p in result.problems]) == (1, ["record 2: not a JSON object"])
    lines = tmp_path / "lines.json"
    lines.write_text(
        '{"text": "The canal is 12 km long.", "verdict": "True"}\n{"text": "The canal opened in 1820.", "verdict": "False"}\n'
    )
    assert run(repo, lines).format == "JSON Lines"


def test_csv_with_header_variants_multiline_cells_and_bad_rows(repo: Repository) -> None:
    result = run(repo, PAST / "checks.csv", skip_bad=True)
    assert (result.format, result.imported, result.unrated) == ("CSV", 4, 1)
    assert [(p.where, p.message) for p in result.problems] == [
        ("line 7", "no claim text"),
        ("line 8", "has 7 cells but the header has 6 (an unquoted delimiter?)"),
    ]
    claims = by_text(repo)
    port = claims["The port handled 2 million containers in 2024."]
    assert (port.verdict, port.speaker, port.review_title, port.review_url) == (
        "Mostly true",
        "Port Authority",
        "Port volumes checked",
        "https://desk.example/port",
    )
    assert claims["Water bills will rise 30%, the utility said. It has not said so."].verdict == "False"
    assert '=HYPERLINK("https://evil.example")' in claims
    assert (claims["Only two cells here"].verdict, claims["Only two cells here"].original_label) == (None, None)


def test_csv_with_semicolons_a_bom_and_a_numeric_rating(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufeffClaim;Rating value;Best rating;Worst rating;Link\nTaxes fell;1;6;1;https://x.example/1\n".encode()
    )
    result = run(repo, path)
    claim = by_text(repo)["Taxes fell"]
    assert (result.imported, claim.verdict, claim.original_label) == (1, "False", "1 on a scale of 1 to 6")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Verdict,URL\nFalse,https://x.example\n", "the CSV header has no claim text column"),
        ("Claim,URL\nSomething,https://x.example\n", "the CSV header has no verdict column"),
        ("", "the file is empty"),
        (
            '{"text": "", "verdict": "True"}\nnot json\n',
            "input.json: line 1: no claim text (and 1 more bad record); nothing was imported",
        ),
        ('{"@type": "WebPage"}', "input.json: record 1: no claim text; nothing was imported"),
        ("<html><body>No markup</body></html>", 'the page has no <script type="application/ld+json"> block'),
    ],
)
def test_unreadable_files_are_one_clear_error(repo: Repository, tmp_path: Path, content: str, message: str) -> None:
    suffix = (
        ".html"
        if content.startswith("<")
        else ".csv"
        if "," in content.split("\n")[0] and not content.startswith("{")
        else ".json"
    )
    path = tmp_path / f"input{suffix}"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        run(repo, path)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert imported(repo) == []


def test_missing_and_binary_files(repo: Repository, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.jsonl: no such file"):
        run(repo, tmp_path / "nothing.jsonl")
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(bytes(range(256)))
    with pytest.raises(InputError, match="looks like a binary file"):
        run(repo, binary)


def test_reimporting_the_same_file_adds_nothing(repo: Repository) -> None:
    first = run(repo, PAST / "checks.jsonl", skip_bad=True)
    second = run(repo, PAST / "checks.jsonl", skip_bad=True)
    assert (second.read, second.imported, second.duplicates, second.story_ids) == (first.read, 0, first.read, [])
    assert len(imported(repo)) == first.imported


def test_one_page_may_review_several_claims_but_the_same_claim_twice_is_a_duplicate(
    repo: Repository, tmp_path: Path
) -> None:
    path = tmp_path / "same-page.jsonl"
    rows = [
        {"text": "Claim one.", "verdict": "True", "url": "https://x.example/page"},
        {"text": "Claim two.", "verdict": "False", "url": "https://x.example/page"},
        {"text": "claim  ONE.", "verdict": "True", "url": "https://X.example/page/"},
        {"text": "Claim three.", "verdict": "False", "id": "same-id"},
        {"text": "Claim four.", "verdict": "False", "id": "same-id"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows))
    result = run(repo, path)
    assert (result.imported, result.duplicates) == (3, 2)


def test_checks_are_chunked_into_archive_stories(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(past_checks, "CHUNK", 3)
    path = tmp_path / "seven.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Claim number {n}.", "verdict": "True"}) for n in range(7)))
    result = run(repo, path)
    titles = sorted(repo.get_story(story_id).title for story_id in result.story_ids)
    assert titles == [f"Past fact-checks: seven.jsonl (part {n} of 3)" for n in (1, 2, 3)]
    assert sorted(len(repo.list_claims(story_id)) for story_id in result.story_ids) == [1, 3, 3]


def test_progress_is_reported_for_reading_and_saving(repo: Repository) -> None:
    seen: list[tuple[str, int, int]] = []
    run(
        repo,
        PAST / "checks.jsonl",
        skip_bad=True,
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert seen[0][0] == "reading" and seen[-1] == ("saving", 5, 5)
    assert {stage for stage, _, _ in seen} == {"reading", "saving"}


def test_an_exact_label_of_our_own_scale_wins_over_the_table(repo: Repository, tmp_path: Path) -> None:
    scale = Config(verdicts=[*DEFAULT_SCALE.labels[:5], {"label": "Pants on fire"}]).scale
    path = tmp_path / "pof.jsonl"
    path.write_text(
        '{"text": "The moon is cheese.", "verdict": "PANTS ON FIRE"}\n{"text": "The sun is cold.", "verdict": "Four Pinocchios"}\n'
    )
    import_checks(repo, path, scale, actor="tester")
    claims = by_text(repo)
    assert (claims["The moon is cheese."].verdict, claims["The sun is cold."].verdict) == ("Pants on fire", "False")


def test_our_own_exports_come_back_in(tmp_path: Path) -> None:
    source = Repository(tmp_path / "source")
    build_export_newsroom(source)
    config = Config(
        reviewer="tester", organisation=Organisation(name="Harbor Checks", url="https://checks.harbor.example")
    )
    for fmt, extra in (
        ("csv", {}),
        ("claimreview", {"review_url": "https://checks.harbor.example/r.html", "include_unreviewed": True}),
    ):
        path = tmp_path / f"ours.{fmt}"
        path.write_text(export_report(source, config, ExportOptions.parse(format=fmt, **extra)), encoding="utf-8")
        target = Repository(tmp_path / f"target-{fmt}")
        result = import_checks(target, path, config.scale, actor="tester")
        assert (result.imported, result.problems, result.unmapped) == (4, [], {})
        claims = by_text(target)
        assert claims["+44 people were hurt on Route 9 last year."].verdict == "Mostly true"
        assert claims["-12% fewer buses run on Sundays, said @transit_desk."].speaker == "@transit_desk"


def test_json_lines_with_windows_line_ends_keep_their_line_numbers(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b'{"text": "One.", "verdict": "True"}\r\n{broken\r\n{"text": "Two.", "verdict": "False"}\r\n')
    result = run(repo, path, skip_bad=True)
    assert (result.imported, [p.where for p in result.problems]) == (2, ["line 2"])


def test_a_stray_quote_that_swallows_a_row_is_a_bad_record(repo: Repository, tmp_path: Path) -> None:
    """Valid CSV, but two rows read as one claim: refused, not imported as a merged claim."""
    path = tmp_path / "short.csv"
    path.write_text('text,verdict\n"Fares rose 5%,False\nTaxes fell",True\nThe bridge opened.,True\n')
    with pytest.raises(InputError, match=r"short.csv: line 2: a quoted cell runs on to line 3 .*nothing was imported"):
        run(repo, path)
    assert imported(repo) == []
    result = run(repo, path, skip_bad=True)
    assert (result.imported, [p.where for p in result.problems]) == (1, ["line 2"])


def test_a_multiline_conclusion_is_still_fine(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('text,verdict,url,conclusion\nFares rose 5%.,False,,"First paragraph.\nSecond one."\n')
    assert run(repo, path).imported == 1
    assert by_text(repo)["Fares rose 5%."].conclusion == "First paragraph.\nSecond one."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
@pytest.mark.parametrize("name", ["checks.json", "checks.jsonl"])
def test_utf16_and_utf32_json_and_json_lines(repo: Repository, tmp_path: Path, encoding: str, name: str) -> None:
    rows = [{"text": "Le café coûte 3 €.", "verdict": "False"}, {"text": "Rents fell 2%.", "verdict": "True"}]
    content = json.dumps(rows) if name.endswith(".json") else "\n".join(json.dumps(row) for row in rows)
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    assert run(repo, path).imported == 2
    assert by_text(repo)["Le café coûte 3 €."].verdict == "False"


def test_a_file_with_bytes_that_are_not_utf8_is_refused_naming_the_offset(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes("text,verdict\nLe café a fermé.,False\n".encode("cp1252"))
    with pytest.raises(
        InputError, match=r"legacy.csv: is not UTF-8 \(undecodable byte 0xe9 at offset 19, and 1 more\)"
    ):
        run(repo, path)


def test_too_many_records_or_too_long_fields_are_refused(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Claim {n}.", "verdict": "True"}) for n in range(6)))
    with pytest.raises(InputError, match="holds more than 5 past checks, the limit for one file"):
        run(repo, path, limits=Limits(past_checks=5))
    assert imported(repo) == []
    long_title = tmp_path / "title.jsonl"
    long_title.write_text(json.dumps({"text": "Fares rose.", "verdict": "True", "title": "x" * 400}))
    with pytest.raises(InputError, match="line 1: the title is 400 characters long; the limit is 300"):
        run(repo, long_title)


def test_endless_random_input_is_refused_at_once(repo: Repository) -> None:
    with pytest.raises(InputError, match="/dev/urandom: looks like a binary file"):
        run(repo, Path("/dev/urandom"))


def test_a_big_file_is_refused_before_it_is_read(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "Fares rose.", "verdict": "True"}) * 100)
    with pytest.raises(InputError, match=r"big.jsonl: is 4.2 KB, over the 1 KB limit for a file of past fact-checks"):
        run(repo, path, limits=Limits(archive_bytes=1000))


# A PolitiFact archive as its data exports spell the ratings: web-address slugs.
POLITIFACT_SLUGS = {
    "true": ("True", "True"),
    "mostly-true": ("Mostly true", "Mostly True"),
    "half-true": ("Mixed", "Half True"),
    "barely-true": ("Mostly false", "Barely True"),
    "false": ("False", "False"),
    "pants-fire": ("False", "Pants on Fire"),
}
# The Flip-O-Meter rates a change of position, not a claim's truth: PolitiFact's label, no verdict.
FLIP_O_METER = {"full-flop": "Full Flop", "half-flip": "Half Flip", "no-flip": "No Flip"}


def politifact_archive(tmp_path: Path, slugs: Iterable[str] = POLITIFACT_SLUGS) -> Path:
    path = tmp_path / "politifact.jsonl"
    rows = [
        {
            "id": f"pf-{n}",
            "text": f"The district hired {n + 3} new teachers in {2010 + n}.",
            "verdict": slug,
            "url": f"https://fact.example/factchecks/{n}/",
            "title": f"Teachers claim {n}",
            "speaker": "Pat Doe",
        }
        for n, slug in enumerate(slugs)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_every_politifact_rating_gets_a_verdict_and_keeps_politifacts_name(repo: Repository, tmp_path: Path) -> None:
    result = run(repo, politifact_archive(tmp_path))
    assert (result.imported, result.unmapped, result.unrated) == (len(POLITIFACT_SLUGS), {}, 0)
    got = {claim.review_url.rsplit("/", 2)[1]: (claim.verdict, claim.original_label) for claim in imported(repo)}
    assert got == {str(n): expected for n, expected in enumerate(POLITIFACT_SLUGS.values())}


def test_the_flip_o_meter_keeps_politifacts_name_and_gives_no_verdict(repo: Repository, tmp_path: Path) -> None:
    result = run(repo, politifact_archive(tmp_path, FLIP_O_METER))
    assert result.unmapped == {name: 1 for name in FLIP_O_METER.values()}
    assert {(claim.verdict, claim.original_label) for claim in imported(repo)} == {
        (None, name) for name in FLIP_O_METER.values()
    }


def test_importing_again_gives_checks_imported_without_a_verdict_the_one_their_rating_maps_to(
    repo: Repository, tmp_path: Path
) -> None:
    path = politifact_archive(tmp_path)
    # A scale with no ordered verdict places none of PolitiFact's ratings: all come in unrated.
    unordered = VerdictScale(labels=[VerdictLabel(label="Misleading")])
    assert import_checks(repo, path, unordered, actor="tester").unmapped_count == len(POLITIFACT_SLUGS)
    first = imported(repo)[0]
    repo.update_claim(first.id, lambda claim: setattr(claim, "verdict", "Misleading") or claim, "ana")

    again = run(repo, path)
    assert (again.imported, again.duplicates, again.rated_now) == (0, len(POLITIFACT_SLUGS), len(POLITIFACT_SLUGS) - 1)
    claims = {claim.id: claim for claim in imported(repo)}
    # A verdict a reviewer gave meanwhile is kept; the rest get the mapped one, recorded in their history.
    assert claims[first.id].verdict == "Misleading"
    rated = [claim for claim in claims.values() if claim.id != first.id]
    assert {(claim.verdict, claim.original_label) for claim in rated} <= set(POLITIFACT_SLUGS.values())
    assert all(claim.history[-1].field == "verdict" and claim.history[-1].by == "tester" for claim in rated)
    assert run(repo, path).rated_now == 0
