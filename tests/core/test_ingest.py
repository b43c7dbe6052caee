from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.articles import headline_of, read_article, several_articles


def test_missing_empty_binary_and_folder_inputs_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_article(str(tmp_path / "nope.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ")
    with pytest.raises(InputError, match="empty.txt: the article is empty"):
        read_article(str(empty))
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="photo.txt: looks like a binary file"):
        read_article(str(binary))
    with pytest.raises(InputError, match="is a folder"):
        read_article(str(tmp_path))


@pytest.mark.parametrize(
    ("name", "payload", "text"),
    [
        ("u16.txt", "Café owners said “no”.".encode("utf-16"), "Café owners said “no”."),
        (
            "plain16.txt",
            "The port handled 1.8 million boxes.".encode("utf-16-le"),
            "The port handled 1.8 million boxes.",
        ),
        (
            "latin.html",
            '<html><head><meta charset="iso-8859-1"></head><body><p>Café prices rose 5%.</p></body></html>'.encode(
                "latin-1"
            ),
            "Café prices rose 5%.",
        ),
        (
            "mislabelled.html",
            '<html><head><meta charset="iso-8859-1"></head><body><p>Café “prices” rose.</p></body></html>'.encode(),
            "Café “prices” rose.",
        ),
    ],
)
def test_encodings_are_detected(tmp_path: Path, name: str, payload: bytes, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    assert read_article(str(path)).text == text


def test_a_legacy_encoding_is_refused_naming_the_first_bad_byte(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(("Café prices rose. " * 20).encode("cp1252"))
    with pytest.raises(InputError) as caught:
        read_article(str(legacy))
    assert f"{legacy}: is not UTF-8 (undecodable byte 0xe9 at offset 3, and 16 more)" in str(caught.value)


def test_one_bad_byte_in_utf8_is_replaced_with_a_warning_and_the_accents_stay(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(
        "Le café coûte 3 € à Paris.\n\nD’après la mairie, ".encode() + b"\xff" + " le prix a doublé.".encode()
    )
    article = read_article(str(damaged))
    assert article.text == "Le café coûte 3 € à Paris.\n\nD’après la mairie, \ufffd le prix a doublé."
    (warning,) = article.warnings
    assert "damaged.txt: 1 byte not valid UTF-8 (at offset 55)" in warning


def test_nuls_past_the_start_are_removed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"The port handled 1.8 million boxes. " * 300 + b"\x00\x00Ships left on Monday.")
    article = read_article(str(path))
    assert "\x00" not in article.text and article.text.endswith("boxes. Ships left on Monday.")
    assert article.warnings == (f"{path}: 2 NUL characters removed (first at character 10,800)",)


@pytest.mark.parametrize("bom", ["utf-16", "utf-32", "utf-16-be", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark(tmp_path: Path, bom: str) -> None:
    path = tmp_path / "wide.txt"
    text = "Le café coûte 3 € à Paris, a dit la mairie."
    mark = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(bom, b"")
    path.write_bytes(mark + text.encode(bom))
    assert read_article(str(path)).text == text


def test_html_keeps_the_article_and_drops_scripts_and_navigation(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Site | Story</title><script>alert('x')</script></head><body>"
        "<nav>Home News Sport</nav><article><h1>Port strike ends</h1>"
        "<p>The union said 87% backed the deal.</p><p>Ships left on <b>Monday</b>.</p></article>"
        "<footer>© 2026 Post</footer></body></html>",
        encoding="utf-8",
    )
    article = read_article(str(page))
    assert article.title == "Port strike ends"
    assert article.text == "Port strike ends\n\nThe union said 87% backed the deal.\n\nShips left on Monday."


def test_markdown_loses_its_markup_but_keeps_paragraphs(tmp_path: Path) -> None:
    page = tmp_path / "story.md"
    page.write_text(
        "# Port *strike* ends\n\nThe union said **87%**\nbacked the [deal](https://x.example).\n\n- Ships left.\n",
        encoding="utf-8",
    )
    article = read_article(str(page))
    assert article.title == "Port strike ends"
    assert article.text == "Port strike ends\n\nThe union said 87% backed the deal.\n\nShips left."


def test_html_without_article_tag_drops_furniture_link_lists_and_boilerplate_lines(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text(
        "<html><body><div class='site-header'><a href='/'>Home</a> <a href='/n'>News</a></div>"
        "<div id='content'><h1>Port strike ends</h1><p>The union said 87% backed the deal.</p>"
        "<div class='share-bar'>Share on Facebook</div><p>Advertisement</p>"
        "<ul><li><a href='/a'>Ferry fares rise again</a></li><li><a href='/b'>Harbour gets a new crane</a></li></ul>"
        "<p>Read the <a href='/r'>full report</a>, which found costs rose 5%.</p>"
        "<div class='comments'><p>Great article, thanks!</p></div>"
        "<div role='complementary'><p>Most read this week</p></div></div></body></html>",
        encoding="utf-8",
    )
    assert read_article(str(page)).text == (
        "Port strike ends\n\nThe union said 87% backed the deal.\n\nRead the full report, which found costs rose 5%."
    )


def test_a_wrapper_with_a_furniture_like_class_still_yields_the_story(tmp_path: Path) -> None:
    page = tmp_path / "wrapped.html"
    page.write_text(
        "<html><body><div class='layout with-sidebar'><p>The union said 87% backed the deal.</p>"
        "<p>Ships left on Monday.</p></div></body></html>",
        encoding="utf-8",
    )
    assert read_article(str(page)).text == "The union said 87% backed the deal.\n\nShips left on Monday."


def test_markdown_front_matter_setext_headings_and_tables(tmp_path: Path) -> None:
    page = tmp_path / "story.markdown"
    page.write_text(
        '---\ntitle: "Port strike ends"\nauthor: Sam\n---\nDockworkers *vote*\n==================\n\n'
        "The union said 87% backed the deal.\n\n| Year | Ships |\n|------|------:|\n| 2024 | 42 |\n",
        encoding="utf-8",
    )
    article = read_article(str(page))
    assert article.title == "Port strike ends"
    assert article.text == "Dockworkers vote\n\nThe union said 87% backed the deal.\n\nYear | Ships\n\n2024 | 42"


def test_the_headline_skips_a_kicker_line(tmp_path: Path) -> None:
    story = tmp_path / "wire.txt"
    story.write_text(
        "Breaking News\nPort of Ellery strike ends after 11 days\nBy Sam Whitaker\n\nThe union voted on Sunday.\n"
    )
    assert read_article(str(story)).title == "Port of Ellery strike ends after 11 days"
    short = tmp_path / "short.txt"
    short.write_text("Strike over\n\nIt ended.\n")
    assert read_article(str(short)).title == "Strike over"


def test_a_dateline_or_a_missing_headline_gives_the_start_of_the_first_sentence(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text(
        "Wednesday, April 13, 2011\n\nThe agency celebrated the first launch at an event on the coast, officials said on Tuesday.\n"
    )
    assert (
        read_article(str(dated)).title
        == "The agency celebrated the first launch at an event on the coast, officials said…"
    )
    plain = tmp_path / "plain.txt"
    plain.write_text("Union members voted on Sunday. The strike is over.\n")
    assert read_article(str(plain)).title == "Union members voted on Sunday."


def test_a_short_first_line_standing_alone_is_the_headline_not_a_sentence_further_down() -> None:
    text = "Ferry fares checked\n\nThe operator said on Monday that fares rose 12% in June. Riders disagreed.\n"
    assert headline_of(text) == "Ferry fares checked"
    # Run into the paragraph below, a short line is the start of the text, not a headline.
    assert headline_of("Ferry fares\nrose 12% in June, the operator said on Monday.") != "Ferry fares"


def test_a_paste_of_many_articles_is_told_apart_from_one_article() -> None:
    one = "\n\n".join(f"Paragraph {n}: the council spent {n} million on roads this year." for n in range(40))
    assert several_articles("Road spending checked again\n\n" + one) is None
    many = "\n\n".join(f"Council race number {n} heads to a runoff\n\n{one}" for n in range(16))
    assert 50_000 // 3 < len(many) <= 50_000
    assert several_articles(many).startswith(f"{len(many):,} characters, 16 headline-like lines")
    assert several_articles("x " * 30_000) is not None
