"""Outside text as data: what is stripped on the way in, what is neutralised on the way out."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.story_import import extracted_claims
from factcheck_tui.core.interchange.restore import restore_export
from factcheck_tui.core.models import Story
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.text import (
    clean_data,
    clean_text,
    clean_text_with_offsets,
    copyable,
    editable,
    from_editable,
    json_escaped,
    one_line,
    shown,
)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("plain [sic] text", "plain [sic] text"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("windows\r\nline\rends", "windows\nline\nends"),
        ("bell\x07 back\x08space nul\x00 del\x7f", "bell backspace nul del"),
        ("clip\x1b]52;c;cHduZWQ=\x07board", "clipboard"),
        ("title\x1b]0;owned\x1b\\ set", "title set"),
        ("clear\x1b[2J\x1b[1;31mscreen", "clearscreen"),
        ("c1\x9b31m csi\x9d0;x\x9c osc\x85", "c1 csi osc"),
        ("reset\x1bc here", "reset here"),
        ("an open\x1b]0;string\nends at the line", "an open\nends at the line"),
        ("bidi \u202eis text\u202c", "bidi \u202eis text\u202c"),
    ],
)
def test_clean_text_strips_controls_and_sequences_only(raw: str, stored: str) -> None:
    assert clean_text(raw) == stored


def test_shown_names_bidi_overrides_and_drops_zero_width_characters() -> None:
    assert shown("abc\u202edef\u2066x\u2069") == "abc‹U+202E›def‹U+2066›x‹U+2069›"
    assert shown("pay\u200bpal\ufeff\u200d") == "paypal"
    assert shown("esc\x1b[2J and bel\x07 and c1\x85") == "esc and bel and c1"
    assert shown("Arabic and emoji stay: مرحبا 👋 [sic]") == "Arabic and emoji stay: مرحبا 👋 [sic]"


def test_one_line_never_cuts_an_escape_sequence_in_half() -> None:
    assert one_line("Wire\x1b]0;owned\x07 and the headline after it", 12) == "Wire and th…"


def test_clean_data_cleans_every_string_and_key() -> None:
    assert clean_data({"k\x07": ["a\x1b[2Jb", 3, None, {"n": "x\x00"}]}) == {"k": ["ab", 3, None, {"n": "x"}]}


def test_offsets_follow_the_cleaned_text() -> None:
    raw = "A\x1b]0;x\x07B\r\nC\x00D"
    cleaned, moved = clean_text_with_offsets(raw)
    assert cleaned == clean_text(raw) == "AB\nCD"
    assert [cleaned[moved(raw.index(letter))] for letter in "ABCD"] == list("ABCD")
    assert moved(len(raw)) == len(cleaned)


def test_json_escapes_what_a_terminal_would_act_on() -> None:
    text = json.dumps({"t": "a\x85b\u202ec\u200bd"}, ensure_ascii=False)
    escaped = json_escaped(text)
    assert json.loads(escaped) == json.loads(text)
    assert not any(character in escaped for character in "\x85\u202e\u200b")


def test_restore_cleans_a_backup_and_keeps_claims_on_their_sentences(tmp_path: Path) -> None:
    body = "Council\x1b]0;owned\x07 rises\n\nThe deficit\x1b[2J reached $3 million last year.\n"
    at = datetime(2026, 3, 2, tzinfo=UTC)
    claims = [
        claim.model_copy(update={"id": f"h0st1-{number}", "story_id": "h0st1", "number": number, "created_at": at})
        for number, claim in enumerate(extracted_claims(extract(body)), start=1)
    ]
    story = Story(id="h0st1", title="T\x07itle", body=body)
    backup = tmp_path / "backup.json"
    backup.write_text(
        json.dumps(
            {
                "format": "factcheck-tui export",
                "version": 1,
                "stories": [
                    {"story": story.model_dump(mode="json"), "claims": [c.model_dump(mode="json") for c in claims]}
                ],
            }
        ),
        encoding="utf-8",
    )
    repo = Repository(tmp_path / "db")
    restore_export(repo, backup)
    restored = repo.get_story("h0st1")
    assert restored.title == "Title" and "\x1b" not in restored.body
    for claim in repo.list_claims("h0st1"):
        assert claim.start is not None and claim.end is not None
        assert restored.body[claim.start : claim.end] == claim.text


def test_an_editor_shows_invisible_characters_as_markers_and_gets_them_back() -> None:
    stored = "a\u202eb\u2066c\u200bd\ufeffe"
    shown_in_editor = editable(stored)
    assert shown_in_editor == "a‹U+202E›b‹U+2066›c‹U+200B›d‹U+FEFF›e"
    assert shown_in_editor.isprintable()
    assert from_editable(shown_in_editor) == stored
    # A marker naming an ordinary character is text someone typed.
    assert from_editable("‹U+0041› and ‹U+202e›") == "‹U+0041› and ‹U+202e›"


def test_copied_text_is_one_line_that_cannot_act_on_a_terminal_or_a_shell() -> None:
    hostile = "https://a.example/x\r\n; rm -rf ~\x1b]52;c;ZXZpbA==\x07\u202e\u200b#end\t"
    assert copyable(hostile) == "https://a.example/x ; rm -rf ~‹U+202E›#end"
    assert copyable("p8v6t-3") == "p8v6t-3"
