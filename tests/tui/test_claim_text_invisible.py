"""Rewording a claim that holds invisible characters (a bidi override and its pop): the
editor shows them as markers, never raw, and stores the real characters, never the markers."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from factcheck_tui.core.config import Config
from factcheck_tui.core.intake.articles import Article
from factcheck_tui.core.intake.story_import import import_story
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claims import ClaimsScreen

SIZE = (80, 24)
CLAIM = "The mayor said the levy grew by 12% to $40 million in 2025, \u202ea record\u202c for the city."


def _newsroom(tmp_path: Path) -> tuple[Workspace, str]:
    workspace = Workspace(Config(reviewer="ana"), tmp_path / "config.toml", tmp_path / "db")
    article = Article(text=f"Levy rises\n\n{CLAIM}\n", title="Levy rises", source="levy.txt", format="text")
    _story, claims = import_story(workspace.repo, article, actor="ana")
    (claim,) = [claim for claim in claims if "\u202e" in claim.text]
    assert claim.text == CLAIM
    return workspace, claim.id


async def _edit(tmp_path: Path, *keys: str) -> tuple[Workspace, str, str]:
    workspace, claim_id = _newsroom(tmp_path)
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        screen.table.move_cursor(row=screen.table.get_row_index(claim_id))
        await pilot.press("t")
        in_editor = app.screen.query_one(TextArea).text
        await pilot.press(*keys)
    return workspace, claim_id, in_editor


async def test_the_editor_shows_markers_and_a_reworded_claim_keeps_the_real_characters(tmp_path: Path) -> None:
    workspace, claim_id, in_editor = await _edit(tmp_path, *"Again: ", "ctrl+s")
    assert in_editor == CLAIM.replace("\u202e", "‹U+202E›").replace("\u202c", "‹U+202C›")
    claim = workspace.repo.get_claim(claim_id)
    assert claim.text == f"Again: {CLAIM}"
    assert "‹" not in claim.text


async def test_saving_an_unchanged_claim_changes_nothing(tmp_path: Path) -> None:
    workspace, claim_id, _ = await _edit(tmp_path, "ctrl+s")
    claim = workspace.repo.get_claim(claim_id)
    assert (claim.text, claim.version) == (CLAIM, 1)
