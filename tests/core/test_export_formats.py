"""Every export format against golden files, plus the safety rules for untrusted story text."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from factcheck_tui.core.config import Config, Organisation
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export import ExportOptions, export_report, write_export
from factcheck_tui.core.export.claimreview import Publishing
from factcheck_tui.core.export.csv_table import COLUMNS, FORMULA_START
from factcheck_tui.core.export.formats import FORMATS, ExportFormat
from factcheck_tui.core.export.report import Report
from factcheck_tui.core.models import Status
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.claim_edits import set_speaker
from support.claimreview_rules import claim_review_problems, feed_problems
from support.golden import assert_matches_golden
from support.newsrooms import build_export_newsroom

ORG = Organisation(name="Harbor Checks", url="https://checks.harbor.example")
REVIEW_PAGE = "https://checks.harbor.example/reports/2026.html"


@pytest.fixture
def config() -> Config:
    return Config(reviewer="tester", organisation=ORG)


@pytest.fixture
def newsroom(repo: Repository) -> Repository:
    build_export_newsroom(repo)
    return repo


def export(repo: Repository, config: Config, **options: object) -> str:
    return export_report(repo, config, ExportOptions.parse(**options))


GOLDEN_CASES = {
    "newsroom.md": {"format": "md", "include_unreviewed": True},
    "newsroom.html": {"format": "html", "include_unreviewed": True},
    "newsroom.csv": {"format": "csv"},
    "newsroom.json": {"format": "json"},
    "newsroom-claimreview.jsonld": {"format": "claimreview", "review_url": REVIEW_PAGE},
    "newsroom-feed.jsonld": {
        "format": "claimreview",
        "review_url": "https://checks.harbor.example/checks/{claim_id}",
        "feed": True,
    },
}


@pytest.mark.parametrize("name", list(GOLDEN_CASES))
def test_every_format_matches_its_golden_file(newsroom: Repository, config: Config, name: str) -> None:
    assert_matches_golden(name, export(newsroom, config, **GOLDEN_CASES[name]))


@pytest.mark.parametrize("name", list(GOLDEN_CASES))
def test_same_data_gives_the_same_bytes_in_another_database(tmp_path: Path, config: Config, name: str) -> None:
    first, second = Repository(tmp_path / "one"), Repository(tmp_path / "two")
    build_export_newsroom(first)
    build_export_newsroom(second)
    assert export(first, config, **GOLDEN_CASES[name]) == export(second, config, **GOLDEN_CASES[name])


# -- HTML ------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_shows_hostile_text_as_text_and_loads_nothing(newsroom: Repository, config: Config) -> None:
    page = export(newsroom, config, format="html", include_unreviewed=True)
    parsed = _Collector()
    parsed.feed(page)
    assert not {"script", "link", "img", "iframe", "object", "embed", "b", "base", "form"} & set(parsed.tags)
    assert not [name for _, name, _ in parsed.attributes if name == "src" or name.startswith("on")]
    hrefs = [value for tag, name, value in parsed.attributes if name == "href"]
    assert hrefs and all(value and value.startswith(("https://", "http://", "mailto:")) for value in hrefs)
    assert "https://ledger.example/tax%20vote" in hrefs and not any("javascript" in (value or "") for value in hrefs)
    text = "".join(parsed.text)
    assert "<script>alert(1)</script> said *nobody*" in text
    assert "Tax [vote] # results & <b>more</b>" in text
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_html_marks_verdicts_by_their_place_on_the_scale(newsroom: Repository, config: Config) -> None:
    page = export(newsroom, config, format="html", include_unreviewed=True)
    assert '<article class="claim bad" id="claim-k3p9x-1">' in page
    # A verdict whose review is not Done is marked as not final, whatever its place.
    assert '<article class="claim plain draft" id="claim-k3p9x-2">' in page
    assert '<span class="verdict">Misleading</span> <span class="draft-mark">not final (In progress)</span>' in page
    assert '<article class="claim none" id="claim-k3p9x-3">' in page
    assert '<article class="claim good" id="claim-r9b5s-2">' in page


# -- Markdown ------------------------------------------------------------------------------------


def test_markdown_structure_survives_hostile_text(newsroom: Repository, config: Config) -> None:
    text = export(newsroom, config, format="md", include_unreviewed=True)
    tokens = MarkdownIt("commonmark").parse(text)
    assert not [token for token in tokens if token.type.startswith("html")]
    headings = [
        (token.tag, tokens[index + 1].content) for index, token in enumerate(tokens) if token.type == "heading_open"
    ]
    assert headings == [
        ("h1", "Fact-check report"),
        ("h2", "Route 9: the numbers"),
        ("h3", "1. Mostly true — _not final (Needs second review)_"),
        ("h3", "2. True"),
        ("h2", r"Tax \[vote\] \# results \& \<b\>more\</b\>"),
        ("h3", "1. False"),
        ("h3", "2. Misleading — _not final (In progress)_"),
        ("h3", "3. Not yet rated"),
    ]
    rendered = MarkdownIt("commonmark").render(text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; said *nobody* |" in rendered
    assert "<li>Suspicious link (javascript:alert(2))</li>" in rendered and 'href="javascript' not in rendered


def test_markdown_summary_fence_cannot_be_closed_by_a_label(repo: Repository, config: Config) -> None:
    build_export_newsroom(repo)

    def edit(claim):
        claim.verdict = "```\n# injected"
        return claim

    repo.update_claim("r9b5s-1", edit, "mallory")
    text = export(repo, config, format="md", story_ids=["r9b5s"])
    tokens = MarkdownIt("commonmark").parse(text)
    assert [token.tag for token in tokens if token.type == "heading_open"] == ["h1", "h2", "h3", "h3"]
    fence = next(token for token in tokens if token.type == "fence")
    assert "``` # injected" in fence.content


# -- CSV -------------------------------------------------------------------------------------


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_has_one_row_per_claim_and_no_cell_can_run_as_a_formula(newsroom: Repository, config: Config) -> None:
    rows = _rows(export(newsroom, config, format="csv", include_unreviewed=True))
    assert [row["claim_id"] for row in rows] == ["r9b5s-1", "r9b5s-2", "k3p9x-1", "k3p9x-2", "k3p9x-3"]
    assert list(rows[0]) == list(COLUMNS)
    for row in rows:
        assert not [cell for cell in row.values() if cell.startswith(FORMULA_START)]
    route = {row["claim_id"]: row for row in rows}
    assert route["r9b5s-1"]["claim"] == "'+44 people were hurt on Route 9 last year."
    assert route["r9b5s-2"]["claim"].startswith("'-12% fewer buses")
    assert route["r9b5s-2"]["speaker"] == "'@transit_desk"
    assert (route["k3p9x-1"]["rating"], route["k3p9x-2"]["rating"], route["k3p9x-1"]["review_date"]) == (
        "1",
        "",
        "2026-03-03",
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_guards_every_formula_starter(repo: Repository, config: Config, start: str) -> None:
    build_export_newsroom(repo)

    def edit(claim):
        claim.conclusion = f"{start}cmd|' /C calc'!A0"
        return claim

    repo.update_claim("r9b5s-1", edit, "mallory")
    rows = _rows(export(repo, config, format="csv", story_ids=["r9b5s"]))
    if start == "\r":
        # A carriage return never reaches a report at all, so nothing is left to start a formula.
        assert rows[0]["conclusion"] == "cmd|' /C calc'!A0"
    else:
        assert rows[0]["conclusion"] == f"'{start}cmd|' /C calc'!A0"


# -- ClaimReview ---------------------------------------------------------------------------------


def test_claimreview_objects_follow_the_rules(newsroom: Repository, config: Config) -> None:
    reviews = json.loads(
        export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE, include_unreviewed=True)
    )
    assert [review["url"] for review in reviews] == [
        f"{REVIEW_PAGE}#claim-{claim}" for claim in ("r9b5s-1", "r9b5s-2", "k3p9x-1", "k3p9x-2")
    ]
    for review in reviews:
        assert claim_review_problems(review, config.scale) == []
    tax, council = reviews[2], reviews[3]
    assert tax["author"] == {"@type": "Organization", "name": "Harbor Checks", "url": "https://checks.harbor.example"}
    assert tax["datePublished"] == "2026-03-03"
    assert tax["reviewRating"]["ratingExplanation"].startswith("Taxes rose 2%, not 4%.")
    assert tax["itemReviewed"]["author"] == {"@type": "Person", "name": "Mayor Ruth Alder"}
    assert tax["itemReviewed"]["appearance"]["url"] == "https://ledger.example/tax%20vote"
    assert council["itemReviewed"]["author"]["@type"] == "Organization"
    assert "ratingValue" not in council["reviewRating"]
    assert "</script>" not in export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE)


def test_claimreview_names_a_group_for_a_cause_as_an_organisation(newsroom: Repository, config: Config) -> None:
    # An ad's sponsor, as extraction credits it: "X for Y" is a group, whatever its words.
    set_speaker(newsroom, "k3p9x-1", "Citizens for Fair Fees", actor="tester")
    reviews = json.loads(
        export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE, include_unreviewed=True)
    )
    sponsor = next(review for review in reviews if review["url"].endswith("#claim-k3p9x-1"))
    assert sponsor["itemReviewed"]["author"] == {"@type": "Organization", "name": "Citizens for Fair Fees"}


def test_claimreview_feed_follows_the_rules(newsroom: Repository, config: Config) -> None:
    feed = json.loads(
        export(
            newsroom,
            config,
            format="claimreview",
            review_url="https://checks.harbor.example/c/{story_id}/{number}",
            feed=True,
        )
    )
    assert feed_problems(feed, config.scale) == []
    assert feed["dateModified"] == "2026-04-12"
    assert feed["dataFeedElement"][0]["url"] == "https://checks.harbor.example/c/r9b5s/2"


def test_the_validator_catches_broken_reviews(newsroom: Repository, config: Config) -> None:
    review = json.loads(export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE))[0]
    broken = json.loads(json.dumps(review))
    broken["reviewRating"]["ratingValue"] = 9
    del broken["author"]["url"]
    broken["itemReviewed"]["appearance"]["url"] = "javascript:x"
    assert len(claim_review_problems(broken, config.scale)) == 3


def test_claimreview_leaves_out_unrated_claims_even_when_all_are_asked_for(
    newsroom: Repository, config: Config
) -> None:
    reviews = json.loads(
        export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE, include_unreviewed=True)
    )
    assert len(reviews) == 4


def test_claimreview_publishes_only_finished_reviews_by_default(newsroom: Repository, config: Config) -> None:
    everything = {claim.id: claim for story in newsroom.story_ids() for claim in newsroom.list_claims(story)}
    reviews = json.loads(export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE))
    published = [review["url"].rsplit("#claim-", 1)[1] for review in reviews]
    assert published and all(everything[claim_id].status is Status.DONE for claim_id in published)
    assert len(published) < sum(claim.verdict is not None for claim in everything.values())
    asked = json.loads(export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE, statuses=["In progress"]))
    assert [everything[review["url"].rsplit("#claim-", 1)[1]].status for review in asked] == [Status.IN_PROGRESS]


@pytest.mark.parametrize(
    ("organisation", "options", "message"),
    [
        (
            Organisation(),
            {},
            "ClaimReview needs the fact-checking organisation's name: set organisation.name in the config or pass --org-name",
        ),
        (
            Organisation(name="Harbor Checks"),
            {},
            "ClaimReview needs the fact-checking organisation's URL: set organisation.url in the config or pass --org-url",
        ),
        (ORG, {"org_url": "checks.example"}, "organisation URL 'checks.example' is not a web address"),
        (ORG, {"review_url": None}, "ClaimReview needs the URL of the page that publishes the fact-checks"),
        (ORG, {"review_url": "https://x.example/{slug}"}, "unknown field {slug}"),
        (ORG, {"review_url": "https://x.example/page#top"}, "a page address without a #fragment"),
    ],
)
def test_missing_or_wrong_publishing_data_is_one_clear_error(
    newsroom: Repository, organisation: Organisation, options: dict, message: str
) -> None:
    config = Config(reviewer="tester", organisation=organisation)
    values = {"format": "claimreview", "review_url": REVIEW_PAGE, **options}
    with pytest.raises(InputError) as caught:
        export(newsroom, config, **values)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_command_line_organisation_overrides_the_config(newsroom: Repository) -> None:
    config = Config(reviewer="tester")
    reviews = json.loads(
        export(
            newsroom,
            config,
            format="claimreview",
            review_url=REVIEW_PAGE,
            org_name="Desk",
            org_url="https://desk.example",
        )
    )
    assert {review["author"]["name"] for review in reviews} == {"Desk"}


def test_claimreview_refuses_archives_of_other_publishers_checks(newsroom: Repository, config: Config) -> None:
    with pytest.raises(InputError, match="arch1 is an archive of imported fact-checks"):
        export(newsroom, config, format="claimreview", review_url=REVIEW_PAGE, story_ids=["arch1"])


# -- Scope and filters ---------------------------------------------------------------------------


def _claim_ids(repo: Repository, config: Config, **options: object) -> list[str]:
    return [row["claim_id"] for row in _rows(export(repo, config, format="csv", **options))]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["r9b5s-1", "r9b5s-2", "k3p9x-1", "k3p9x-2"]),
        ({"story_ids": ["R9B5S"]}, ["r9b5s-1", "r9b5s-2"]),
        ({"story_ids": ["k3p9x", "r9b5s"]}, ["r9b5s-1", "r9b5s-2", "k3p9x-1", "k3p9x-2"]),
        ({"verdicts": ["false", "true"]}, ["r9b5s-2", "k3p9x-1"]),
        ({"statuses": ["done"]}, ["r9b5s-2", "k3p9x-1"]),
        ({"statuses": ["needs-second-review", "In progress"]}, ["r9b5s-1", "k3p9x-2"]),
        ({"reviewers": ["ANA"]}, ["r9b5s-1", "k3p9x-1"]),
        ({"since": "2026-03-05", "until": "2026-04-11"}, ["r9b5s-1", "k3p9x-2"]),
        ({"since": "2026-04-12"}, ["r9b5s-2"]),
        ({"reviewers": ["ben"], "verdicts": ["True"]}, ["r9b5s-2"]),
        ({"include_unreviewed": True}, ["r9b5s-1", "r9b5s-2", "k3p9x-1", "k3p9x-2", "k3p9x-3"]),
        ({"story_ids": ["arch1"]}, ["arch1-1"]),
    ],
)
def test_scope_and_filters(newsroom: Repository, config: Config, options: dict, expected: list[str]) -> None:
    assert _claim_ids(newsroom, config, **options) == expected


def test_a_filter_drops_stories_left_empty_but_a_named_story_stays(newsroom: Repository, config: Config) -> None:
    filtered = export(newsroom, config, format="md", verdicts=["True"])
    assert "Route 9" in filtered and "Tax" not in filtered
    named = export(newsroom, config, format="md", verdicts=["True"], story_ids=["k3p9x", "r9b5s"])
    assert "## Tax" in named and "No claims in this story have been checked yet." in named


def test_json_export_holds_archives_and_with_all_claims_the_dismissed_ones(
    newsroom: Repository, config: Config
) -> None:
    default = json.loads(export(newsroom, config, format="json"))
    assert [entry["story"]["id"] for entry in default["stories"]] == ["k3p9x", "r9b5s", "arch1"]
    complete = json.loads(export(newsroom, config, format="json", include_unreviewed=True))
    tax = next(entry for entry in complete["stories"] if entry["story"]["id"] == "k3p9x")
    assert [claim["id"] for claim in tax["claims"]] == ["k3p9x-1", "k3p9x-2", "k3p9x-3", "k3p9x-4"]
    assert tax["claims"][0]["history"][1]["field"] == "verdict" and tax["story"]["body"].startswith("Mayor Ruth Alder")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"verdicts": ["Pants on fire"]}, "unknown verdict 'Pants on fire'"),
        ({"statuses": ["finished"]}, "unknown status 'finished'"),
        ({"since": "2026-05-01", "until": "2026-04-01"}, "--since 2026-05-01 is after --until 2026-04-01"),
        ({"format": "pdf"}, "export option format"),
        ({"story_ids": ["nope!"]}, "'nope!' is not a story id"),
    ],
)
def test_bad_options_are_one_clear_error(newsroom: Repository, config: Config, options: dict, message: str) -> None:
    with pytest.raises(InputError) as caught:
        export(newsroom, config, **options)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_write_export_saves_the_same_bytes_atomically(newsroom: Repository, config: Config, tmp_path: Path) -> None:
    options = ExportOptions(format="html")
    target = tmp_path / "report.html"
    result = write_export(newsroom, config, options, target)
    assert target.read_bytes() == export_report(newsroom, config, options).encode("utf-8")
    assert (result.story_count, result.claim_count) == (2, 4)
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []
    with pytest.raises(InputError, match="does not exist"):
        write_export(newsroom, config, options, tmp_path / "missing" / "report.html")


def test_review_url_pattern_can_come_from_the_config(newsroom: Repository) -> None:
    configured = Config(
        reviewer="tester",
        organisation=ORG.model_copy(update={"review_url": "https://checks.harbor.example/c/{claim_id}"}),
    )
    reviews = json.loads(export(newsroom, configured, format="claimreview"))
    assert reviews and all(item["url"].startswith("https://checks.harbor.example/c/") for item in reviews)
    assert export(newsroom, configured, format="claimreview") == export(
        newsroom,
        Config(reviewer="tester", organisation=ORG),
        format="claimreview",
        review_url="https://checks.harbor.example/c/{claim_id}",
    )


def test_a_new_format_is_one_registry_entry(newsroom: Repository, config: Config, monkeypatch) -> None:
    def titles(report: Report, publishing: Publishing | None) -> str:
        return "".join(f"{section.story.title}: {len(section.claims)}\n" for section in report.stories)

    monkeypatch.setitem(FORMATS, "titles", ExportFormat("titles", "Titles", "one line a story", ".txt", titles))
    assert (
        export(newsroom, config, format="titles") == "Route 9: the numbers: 2\nTax [vote] # results & <b>more</b>: 2\n"
    )
    with pytest.raises(
        InputError, match="unknown export format 'tiles'; choose one of: md, html, csv, json, claimreview, titles"
    ):
        export(newsroom, config, format="tiles")
