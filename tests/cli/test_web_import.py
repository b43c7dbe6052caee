"""factcheck import with a link or a feed, against a web server the test starts on 127.0.0.1."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from factcheck_tui.cli import main
from factcheck_tui.core.storage.repository import Repository
from support.web_pages import OUTLET, STORIES, news_page, rss_feed
from support.web_server import Site


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def serve_stories(site: Site) -> str:
    for story in STORIES:
        site.page(f"/news/{story.slug}", news_page(story, base=site.base))
    return site.page("/feed.xml", rss_feed(site.base), content_type="application/rss+xml")


def test_a_link_imports_the_story_with_its_headline_outlet_byline_and_date(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = STORIES[0]
    address = site.page("/article.html", news_page(port, base=site.base))
    status, out, err = run(capsys, tmp_path / "db", "import", address, "--json")
    assert (status, err) == (0, "")
    story = Repository(tmp_path / "db").get_story(json.loads(out)["story_id"])
    assert story.title == port.headline
    assert story.outlet == OUTLET
    assert story.byline == port.byline
    assert story.published is not None and story.published.isoformat() == port.published
    assert story.url == f"{site.base}/news/{port.slug}"
    assert story.source_file == address
    assert story.source_page == news_page(port, base=site.base)
    assert story.body.split("\n\n")[1:] == list(port.paragraphs)
    status, report, _ = run(capsys, tmp_path / "db", "export", "--story", story.id, "--format", "md")
    assert status == 0
    assert f"**Outlet:** {OUTLET} · **By:** {port.byline} · **Published:** {port.published}" in report
    assert run(capsys, tmp_path / "db", "story", "edit", story.id, "--byline", "Sam Whitaker and Ana Ruiz")[0] == 0
    assert Repository(tmp_path / "db").get_story(story.id).byline == "Sam Whitaker and Ana Ruiz"

    again = run(capsys, tmp_path / "db", "import", address)
    assert again[0] == 2
    assert "is already story" in again[2]


def test_what_the_reviewer_types_wins_over_the_page(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = site.page("/article.html", news_page(STORIES[1], base=site.base))
    status, out, _ = run(
        capsys, tmp_path / "db", "import", address, "--json",
        "--title", "Budget passes", "--outlet", "Wire", "--published", "2026-03-13", "--byline", "Desk",
    )  # fmt: skip
    assert status == 0
    story = Repository(tmp_path / "db").get_story(json.loads(out)["story_id"])
    assert (story.title, story.outlet, story.published.isoformat(), story.byline) == (  # type: ignore[union-attr]
        "Budget passes",
        "Wire",
        "2026-03-13",
        "Desk",
    )


def test_a_feed_imports_each_new_article_once(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = serve_stories(site)
    status, out, err = run(capsys, tmp_path / "db", "import", feed)
    assert status == 0
    assert len(out.splitlines()) == 3
    assert err.strip() == f"{feed}: 3 imported, 0 imported before"
    titles = {summary.title for summary in Repository(tmp_path / "db").list_stories()}
    assert titles == {story.headline for story in STORIES}

    fetched = len(site.requests)
    status, out, err = run(capsys, tmp_path / "db", "import", feed, "--json")
    report = json.loads(out)
    assert (status, report["imported"], report["already_imported"]) == (0, [], 3)
    # Links already imported are not fetched again: only the feed itself was.
    assert len(site.requests) == fetched + 1


def test_since_limit_and_a_failing_article(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = serve_stories(site)
    del site.answers[f"/news/{STORIES[1].slug}"]
    status, out, err = run(capsys, tmp_path / "db", "import", feed, "--since", "2026-03-12", "--limit", "1")
    assert status == 0
    assert STORIES[0].headline in out
    assert (
        err.strip()
        == f"{feed}: 1 imported, 0 imported before, 1 older than the date asked for, 1 not fetched (over the limit)"
    )
    status, out, err = run(capsys, tmp_path / "db", "import", feed, "--since", "2026-03-12")
    assert status == 1
    assert f"factcheck: error: {site.base}/news/{STORIES[1].slug}: the server answered 404 Not Found" in err
    assert err.strip().endswith("0 imported, 1 imported before, 1 older than the date asked for, 1 failed")


def test_a_feed_file_and_options_that_do_not_fit(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_stories(site)
    feed_file = tmp_path / "feed.rss"
    feed_file.write_text(rss_feed(site.base))
    status, _, err = run(capsys, tmp_path / "db", "import", str(feed_file), "--title", "One headline")
    assert (status, err.strip()) == (
        2,
        f"factcheck: error: {feed_file}: --title is for one article, and this is a feed",
    )
    status, out, _ = run(capsys, tmp_path / "db", "import", str(feed_file), "--limit", "2")
    assert (status, len(out.splitlines())) == (0, 2)
    page = tmp_path / "page.html"
    page.write_text(news_page(STORIES[2]))
    status, _, err = run(capsys, tmp_path / "db", "import", str(page), "--since", "2026-01-01")
    assert (status, err.strip()) == (
        2,
        f"factcheck: error: {page}: --since and --limit are for feeds, and this is one article",
    )


def test_html_on_standard_input_is_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = news_page(STORIES[2]).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page)))
    status, out, _ = run(capsys, tmp_path / "db", "import", "-", "--json")
    story = Repository(tmp_path / "db").get_story(json.loads(out)["story_id"])
    assert (status, story.title, story.outlet) == (0, STORIES[2].headline, OUTLET)
    assert "Share on Facebook" not in story.body


def test_a_link_that_fails_is_one_line(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    picture = site.page("/photo.png", b"\x89PNG", content_type="image/png")
    status, out, err = run(capsys, tmp_path / "db", "import", picture)
    assert (status, out, err) == (2, "", f"factcheck: error: {picture}: is image/png, not a web page or a feed\n")


def test_an_article_the_feed_lists_twice_is_fetched_once(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = STORIES[0]
    site.page(f"/news/{port.slug}", news_page(port, base=site.base))
    feed = site.page("/twice.xml", rss_feed(site.base, (port, port)), content_type="application/rss+xml")
    status, out, err = run(capsys, tmp_path / "db", "import", feed)
    assert (status, len(out.splitlines()), err.strip()) == (0, 1, f"{feed}: 1 imported, 0 imported before")
    assert site.requests.count(f"/news/{port.slug}") == 1


def test_extract_reads_a_link_without_storing_it(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ferry = STORIES[2]
    address = site.page("/ferry.html", news_page(ferry, base=site.base))
    status, out, _ = run(capsys, tmp_path / "db", "extract", address, "--json")
    assert status == 0
    assert json.loads(out)["body"].split("\n\n")[1:] == list(ferry.paragraphs)
    feed = serve_stories(site)
    status, _, err = run(capsys, tmp_path / "db", "extract", feed)
    assert (status, err.strip()) == (
        2,
        f"factcheck: error: {feed}: is a feed; extract takes one article (import the feed instead)",
    )
    assert not (tmp_path / "db").exists()


def test_the_servers_charset_decodes_a_page_that_declares_none(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "<html><body><h1>Café prices rise</h1><p>Café owners said prices rose 5% in May, the most in years.</p></body></html>"
    address = site.page("/latin.html", page.encode("latin-1"), content_type="text/html; charset=iso-8859-1")
    status, out, _ = run(capsys, tmp_path / "db", "extract", address, "--json")
    assert status == 0
    assert "Café owners said prices rose 5% in May" in json.loads(out)["body"]
