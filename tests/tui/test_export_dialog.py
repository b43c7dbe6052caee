"""The export dialog: fits the terminal, offers the CLI's filters, says what it will write, remembers
where, and never writes relative to the folder the app was started in."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select

from factcheck_tui.core.config import Config, ExportSettings
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.screens.export_dialog import ExportDialog
from support.newsrooms import build_export_newsroom


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, and a working directory elsewhere that must stay empty."""
    home = tmp_path / "home"
    started_in = tmp_path / "started-in"
    home.mkdir()
    started_in.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(started_in)
    return home


def _workspace(root: Path, folder: Path | None = None) -> Workspace:
    build_export_newsroom(Repository(root))
    config = Config(reviewer="ana", export=ExportSettings(folder=folder))
    return Workspace(config, root.parent / "config.toml", root)


def _selection(dialog: ExportDialog) -> str:
    return str(dialog.query_one("#selection", Label).render())


async def recounted(pilot: Pilot, dialog: ExportDialog) -> None:
    """Count now, as the dialog's timer would a moment after the change, and wait for the count."""
    await pilot.pause()
    dialog.count_now()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open(pilot: Pilot, app: FactcheckApp) -> ExportDialog:
    await pilot.press("x")
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_choice_is_in_reach_on_a_small_terminal(tmp_path: Path, home: Path, size: tuple[int, int]) -> None:
    app = create_app(_workspace(tmp_path / "db"))
    async with app.run_test(size=size) as pilot:
        dialog = await _open(pilot, app)
        body = dialog.query_one("#export-dialog")
        assert body.outer_size.height <= size[1] and body.outer_size.width <= size[0]
        for _ in range(8):  # every field, in tab order, ends up on screen
            await pilot.press("tab")
            focused = app.focused
            assert focused is not None and dialog.screen.region.contains_region(focused.region)
        if size == (80, 24):
            assert body.max_scroll_y == 0, "at 80×24 the whole dialog shows at once"


async def test_the_dialog_counts_what_the_filters_keep_before_writing(tmp_path: Path, home: Path) -> None:
    app = create_app(_workspace(tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open(pilot, app)
        assert _selection(dialog) == "Will export 4 claims from 2 stories; left out: 1 dismissed, 1 without a verdict."
        dialog.query_one("#status", Select).value = "Done"
        await recounted(pilot, dialog)
        assert _selection(dialog) == (
            "Will export 2 claims from 2 stories; left out: 2 with a status other than Done, 1 dismissed, "
            "1 without a verdict."
        )
        dialog.query_one("#reviewer", Input).value = "Ben"
        dialog.query_one("#since", Input).value = "2026-04-01"
        await recounted(pilot, dialog)
        assert _selection(dialog).startswith("Will export 1 claim from 1 story;")
        dialog.query_one("#until", Input).value = "April"
        await recounted(pilot, dialog)
        assert _selection(dialog) == "To: 'April' is not a date (use YYYY-MM-DD)"
        dialog.query_one("#until", Input).value = ""
        dialog.query_one("#path", Input).value = str(home / "ben.csv")
        dialog.query_one("#format", Select).value = "csv"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    rows = (home / "ben.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and rows[1].startswith("r9b5s,") and "r9b5s-2" in rows[1]


async def test_a_relative_path_is_written_under_home_never_where_the_app_started(tmp_path: Path, home: Path) -> None:
    app = create_app(_workspace(tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open(pilot, app)
        assert dialog.query_one("#path", Input).value == str(home / "factcheck-report.md")
        dialog.query_one("#path", Input).value = "report.md"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (home / "report.md").read_text().startswith("# Fact-check report")
    assert list(Path.cwd().iterdir()) == []


async def test_format_and_folder_are_remembered_per_database(tmp_path: Path, home: Path) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    configured = tmp_path / "configured"
    configured.mkdir()
    workspace = _workspace(tmp_path / "db", folder=configured)
    app = create_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open(pilot, app)
        assert dialog.query_one("#path", Input).value == str(configured / "factcheck-report.md")
        dialog.query_one("#format", Select).value = "claimreview"
        await pilot.pause()
        assert dialog.query_one("#path", Input).value.endswith("factcheck-report.jsonld")
        assert dialog.query_one("#claimreview-fields").display
        dialog.query_one("#format", Select).value = "html"
        await pilot.pause()
        assert not dialog.query_one("#claimreview-fields").display
        dialog.query_one("#path", Input).value = str(desk / "week.html")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")  # the dialog saying where the report went
        dialog = await _open(pilot, app)
        assert dialog.query_one("#format", Select).value == "html"
        assert dialog.query_one("#path", Input).value == str(desk / "factcheck-report.html")
    stored = workspace.repo.layout.preference_file("ana")
    assert stored.stat().st_mode & 0o077 == 0, "another user of the host cannot read it"
    other = create_app(_workspace(tmp_path / "other-db", folder=configured))
    async with other.run_test(size=(80, 24)) as pilot:
        dialog = await _open(pilot, other)
        assert dialog.query_one("#format", Select).value == "md"
        assert dialog.query_one("#path", Input).value == str(configured / "factcheck-report.md")


async def test_a_damaged_preferences_file_only_means_the_defaults(tmp_path: Path, home: Path) -> None:
    workspace = _workspace(tmp_path / "db")
    stored = workspace.repo.layout.preference_file("ana")
    stored.parent.mkdir(parents=True)
    stored.write_text('{"export": {"format": ["not", "a", "format"]}')
    app = create_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open(pilot, app)
        assert dialog.query_one("#format", Select).value == "md"
