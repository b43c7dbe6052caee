"""Every key is declared once, described, remappable by id, and listed in help and the palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.actions import screen_actions
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.keymap import our_classes, own_bindings
from factcheck_tui.tui.screens.help import HelpScreen
from support.newsrooms import build_screen_newsroom
from support.screen import after_refresh, screen_text

OUR_BINDINGS = [(cls.__name__, binding) for cls in our_classes(FactcheckApp) for binding in own_bindings(cls)]


def test_there_are_bindings_to_check() -> None:
    assert len(OUR_BINDINGS) > 30


@pytest.mark.parametrize(
    ("owner", "binding"), OUR_BINDINGS, ids=[f"{owner}:{binding.key}" for owner, binding in OUR_BINDINGS]
)
def test_every_binding_has_a_description_and_an_id(owner: str, binding: Binding) -> None:
    assert binding.description, f"{owner} binds {binding.key} without a description"
    assert binding.id and "." in binding.id, f"{owner} binds {binding.key} without an id for the keymap"


def test_binding_ids_are_unique() -> None:
    ids = [binding.id for _, binding in OUR_BINDINGS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("keys", [[], ["j", "enter"], ["j", "enter", "n", "enter"]], ids=["stories", "claims", "claim"])
async def test_help_lists_every_binding_of_the_screen(tmp_path: Path, keys: list[str]) -> None:
    build_screen_newsroom(tmp_path / "db")
    app = create_app(Workspace(Config(reviewer="ana"), tmp_path / "c.toml", tmp_path / "db"))
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press(*keys)
        screen = app.screen
        own = [binding for binding in type(screen).BINDINGS if isinstance(binding, Binding)]
        expected = screen_actions(screen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True)
        console.print(app.screen.query_one("#help-keys", Static).content)
        listed = console.export_text()
        for binding in own:
            assert binding.description in listed
        assert {entry.description for entry in expected} == {entry.description for entry in app.screen.entries}


async def test_keymap_from_config_remaps_a_binding(tmp_path: Path) -> None:
    build_screen_newsroom(tmp_path / "db")
    config = Config(reviewer="ana", keys={"claims.next_unreviewed": "ctrl+n", "review.verdict": "V"})
    app = create_app(Workspace(config, tmp_path / "c.toml", tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        story_id = app.screen.story_id
        await pilot.press("ctrl+n", "V", "5")
        assert sum(claim.verdict == "False" for claim in app.repo.list_claims(story_id)) == 1


async def test_palette_offers_the_screen_actions(tmp_path: Path) -> None:
    build_screen_newsroom(tmp_path / "db")
    app = create_app(Workspace(Config(reviewer="ana"), tmp_path / "c.toml", tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Verdict", "Status", "Next unreviewed", "Filter", "Export", "Undo"} <= titles
        assert isinstance(app.screen, Screen)


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ({"review.verdikt": "V"}, "keys.review.verdikt: no action has this id"),
        ({"review.verdict": "s"}, "keys.review.verdict: 's' already means “Status” (review.status)"),
        ({"claims.filter": "n"}, "keys.claims.filter: 'n' already means “Next unreviewed” (claims.next_unreviewed)"),
    ],
)
def test_a_keymap_that_breaks_a_screen_is_refused(tmp_path: Path, keys: dict[str, str], message: str) -> None:
    from factcheck_tui.core.errors import ConfigError

    build_screen_newsroom(tmp_path / "db")
    with pytest.raises(ConfigError) as error:
        create_app(Workspace(Config(reviewer="ana", keys=keys), tmp_path / "c.toml", tmp_path / "db"))
    assert str(error.value).startswith(f"{tmp_path / 'c.toml'}: {message}")


async def test_the_marks_legend_reads_across_the_help_window_at_60_columns(tmp_path: Path) -> None:
    build_screen_newsroom(tmp_path / "db")
    app = create_app(Workspace(Config(reviewer="ana"), tmp_path / "c.toml", tmp_path / "db"))
    # Tall enough to show the whole help window at once: no scroll to wait for.
    async with app.run_test(size=(60, 70)) as pilot:
        await pilot.press("question_mark")
        await after_refresh(app.screen.query_one("#help"))
        lines = [line.strip("█ ▇▆▅▃▂") for line in screen_text(app).splitlines()]
        # Each meaning takes two lines at most beside its column's name, not five in a narrow column.
        legend = lines[lines.index("Marks in the lists") + 1 :]
        assert legend[0].startswith("Score  ● check-worthy, ○ not; 0 to 1, higher is")
        assert any(line.startswith("Dup    ◆ likely checked before elsewhere,") for line in legend[:6])
