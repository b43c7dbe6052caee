"""A paste that looks like several articles is asked about before it becomes one story."""

from __future__ import annotations

from textual.widgets import TextArea

from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.import_dialog import ImportDialog

SIZE = (60, 20)
ARTICLE = "\n\n".join(f"The council spent {n} million on roads in year {n}, the treasurer said." for n in range(15))
# Sixteen articles, each under its own headline, in more than a third of the length that is asked about anyway.
PASTE = "\n\n".join(f"Road spending in district {n} checked\n\n{ARTICLE}" for n in range(16))


async def test_a_paste_of_many_articles_asks_before_it_becomes_one_story(workspace: Workspace) -> None:
    app = create_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "tab")
        app.screen.query_one("#pasted", TextArea).load_text(PASTE)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        assert "looks like several articles" in app.screen.question
        await pilot.press("n")
        # Back in the dialog with the paste as it was: nothing imported.
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.query_one("#pasted", TextArea).text == PASTE
        assert workspace.repo.list_stories() == []

        await pilot.press("ctrl+s", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [story] = workspace.repo.list_stories()
        assert story.title == "Road spending in district 0 checked"
