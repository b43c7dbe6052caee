"""Another reviewer is saving: the screen does not freeze, the save waits for them in a worker, and
if they take too long the reviewer reads "press again" with nothing they typed lost."""

from __future__ import annotations

import pytest
from filelock import FileLock
from textual.widgets import Input, TextArea

from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui import app as app_module
from factcheck_tui.tui.app import BUSY, create_app
from factcheck_tui.tui.screens.claim import ClaimScreen

SIZE = (80, 24)


@pytest.fixture
def another_reviewer(workspace: Workspace) -> FileLock:
    """The database lock, as another reviewer's process would hold it (its own open file)."""
    return FileLock(str(workspace.repo.layout.lock), thread_local=False)


def _busy_said(app) -> bool:
    return any(BUSY in str(note.message) for note in app._notifications)


async def test_a_save_that_waits_too_long_says_press_again_and_keeps_the_text(
    workspace: Workspace, strike_story, another_reviewer: FileLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "SAVE_WAIT_SECONDS", 0.2)
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "n", "enter", "c", *"Wages rose 11 percent")
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        with another_reviewer:
            await pilot.press("ctrl+s")
            # Keys go on being handled while the save waits: the screen is not frozen (ctrl+s left
            # the editor; c goes on writing).
            await pilot.press("c", *" in May")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert _busy_said(app)
        editor = screen.query_one("#conclusion", TextArea)
        assert editor.text == "Wages rose 11 percent in May"
        assert workspace.repo.get_claim(screen.claim_id).conclusion == ""
        draft = workspace.repo.drafts("tester").get(screen.claim_id, "conclusion")
        assert draft is not None and draft.text.startswith("Wages rose 11 percent")
        # Once the other save is done, pressing again saves.
        await pilot.press("ctrl+s")
        assert workspace.repo.get_claim(screen.claim_id).conclusion == "Wages rose 11 percent in May"


async def test_a_save_finishes_on_its_own_once_the_other_reviewer_is_done(
    workspace: Workspace, strike_story, another_reviewer: FileLock
) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "n", "enter")
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        another_reviewer.acquire()
        try:
            await pilot.press("v", "5")
            assert workspace.repo.get_claim(screen.claim_id).verdict is None
        finally:
            another_reviewer.release()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert workspace.repo.get_claim(screen.claim_id).verdict == "False"
        assert screen.claim is not None and screen.claim.verdict == "False"
        assert not _busy_said(app)


async def test_a_reworded_claim_comes_back_in_its_dialog_when_the_save_gives_up(
    workspace: Workspace, strike_story, another_reviewer: FileLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "SAVE_WAIT_SECONDS", 0.1)
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        with another_reviewer:
            await pilot.press("t", "ctrl+a", "ctrl+k", *"Reyes put the cost at $95 million a day.", "ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert _busy_said(app)
        assert app.screen.query_one("#claim-text-editor", TextArea).text == "Reyes put the cost at $95 million a day."


async def test_story_details_come_back_in_their_dialog_when_the_save_gives_up(
    workspace: Workspace, strike_story, another_reviewer: FileLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "SAVE_WAIT_SECONDS", 0.1)
    story, _ = strike_story
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        with another_reviewer:
            await pilot.press("e", "ctrl+a", "ctrl+k", *"Strike over", "ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert _busy_said(app)
        assert app.screen.query_one("#title", Input).value == "Strike over"
        assert workspace.repo.get_story(story.id).title == story.title
        await pilot.press("ctrl+s")
        assert workspace.repo.get_story(story.id).title == "Strike over"
