"""Every key is declared once, described, remappable by id, and listed in help and the palette."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from newsroom import build_newsroom
from rich.console import Console
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

import factcheck_tui.tui.screens as screens_package
import factcheck_tui.tui.widgets as widgets_package
from factcheck_tui.core.config import Config
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.actions import screen_actions
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.screens.help import HelpScreen


def _our_classes():
    yield FactcheckApp
    for package in (screens_package, widgets_package):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and hasattr(cls, "BINDINGS"):
                    yield cls


OUR_BINDINGS = [
    (cls.__name__, binding) for cls in _our_classes() for binding in cls.__dict__.get("BINDINGS", []) if isinstance(binding, Binding)
]


def test_there_are_bindings_to_check() -> None:
    assert len(OUR_BINDINGS) > 30


@pytest.mark.parametrize(("owner", "binding"), OUR_BINDINGS, ids=[f"{owner}:{binding.key}" for owner, binding in OUR_BINDINGS])
def test_every_binding_has_a_description_and_an_id(owner: str, binding: Binding) -> None:
    assert binding.description, f"{owner} binds {binding.key} without a description"
    assert binding.id and "." in binding.id, f"{owner} binds {binding.key} without an id for the keymap"


def test_binding_ids_are_unique() -> None:
    ids = [binding.id for _, binding in OUR_BINDINGS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("keys", [[], ["j", "enter"], ["j", "enter", "n", "enter"]], ids=["stories", "claims", "claim"])
async def test_help_lists_every_binding_of_the_screen(tmp_path: Path, keys: list[str]) -> None:
    build_newsroom(tmp_path / "db")
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
    build_newsroom(tmp_path / "db")
    config = Config(reviewer="ana", keys={"claims.next_unreviewed": "ctrl+n", "review.verdict": "V"})
    app = create_app(Workspace(config, tmp_path / "c.toml", tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        story_id = app.screen.story_id
        await pilot.press("ctrl+n", "V", "5")
        assert sum(claim.verdict == "False" for claim in app.repo.list_claims(story_id)) == 1


async def test_palette_offers_the_screen_actions(tmp_path: Path) -> None:
    build_newsroom(tmp_path / "db")
    app = create_app(Workspace(Config(reviewer="ana"), tmp_path / "c.toml", tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Verdict", "Status", "Next unreviewed", "Filter", "Export", "Undo"} <= titles
        assert isinstance(app.screen, Screen)
