"""Over-long text typed into the app is refused with a clear message, and nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from factcheck_tui.core.config import Config
from factcheck_tui.core.limits import Limits
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.evidence_form import EvidenceForm
from factcheck_tui.tui.screens.prompt import PromptScreen

SIZE = (80, 24)
LIMITS = Limits(headline_chars=20, field_chars=120)


def small_limits(db_path: Path, tmp_path: Path) -> Workspace:
    return Workspace(Config(reviewer="tester", limits=LIMITS), tmp_path / "no-config.toml", db_path)


def messages(app) -> list[str]:
    return [str(note.message) for note in app._notifications]


async def test_over_long_notes_bring_the_prompt_back_with_what_was_typed(
    db_path: Path, tmp_path: Path, strike_story
) -> None:
    _, claims = strike_story
    workspace = small_limits(db_path, tmp_path)
    typed = "Ring the harbour master before noon. " * 4
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "W", *typed, "enter")
        assert workspace.repo.get_claim(claims[0].id).notes == ""
        assert (
            f"{claims[0].id}: the internal note is {len(typed.strip())} characters long; the limit is 120"
            in " ".join(messages(app))
        )
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == typed
        # Cut to fit, it saves.
        await pilot.press("home", *["delete"] * 40, "enter")
        assert not isinstance(app.screen, PromptScreen)
        assert workspace.repo.get_claim(claims[0].id).notes == typed.strip()[40:].strip()


async def test_an_over_long_evidence_note_brings_the_form_back_and_a_long_conclusion_stays_in_the_editor(
    db_path: Path, tmp_path: Path, strike_story
) -> None:
    _, claims = strike_story
    workspace = small_limits(db_path, tmp_path)
    note = "Table 4 of the port authority's annual report, seasonally adjusted figures. " * 2
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, ClaimScreen)
        await pilot.press("e", *"https://port.example/report", "enter", *"Port", "enter", *note, "enter")
        assert workspace.repo.get_claim(claims[0].id).evidence == []
        assert any("the note of evidence e1 is" in message for message in messages(app))
        form = app.screen
        assert isinstance(form, EvidenceForm)
        assert [form.query_one(f"#{name}", Input).value for name in ("url", "source", "note")] == [
            "https://port.example/report",
            "Port",
            note.strip(),
        ]
        assert "Someone changed" not in str(form.query_one("#form-error").render())
        await pilot.press("escape")

        conclusion = "The figure is wrong: the report shows a fall, not a rise. " * 3
        await pilot.press("c", *conclusion, "ctrl+s")
        assert workspace.repo.get_claim(claims[0].id).conclusion == ""
        assert any("the conclusion is" in message for message in messages(app))
        assert app.screen.query_one("#conclusion", TextArea).text == conclusion
