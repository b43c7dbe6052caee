from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.ingest import read_article


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


def test_utf16_and_windows_1252_are_decoded(tmp_path: Path) -> None:
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("Café owners said “no”.".encode("utf-16"))
    assert read_article(str(utf16)).text == "Café owners said “no”."
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The mayor’s office said costs rose 5%.".encode("cp1252"))
    assert read_article(str(legacy)).text == "The mayor’s office said costs rose 5%."


def test_undecodable_bytes_are_rejected_with_the_offset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Costs rose \x81\x8d sharply.")
    with pytest.raises(InputError, match=r"bad.txt: is not UTF-8 text \(undecodable byte 0x81 at offset 11\)"):
        read_article(str(bad))


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
