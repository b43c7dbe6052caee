"""The README's key table ("In the app") and the app's bindings say the same: every key the table
lists for a place is bound there, and every key the app binds is in the table for its place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.dom import DOMNode
from textual.keys import _character_to_key

from factcheck_tui.tui.app import FactcheckApp
from factcheck_tui.tui.keymap import our_classes, own_bindings
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claim_text_dialog import ClaimTextDialog
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.clusters import ClustersScreen
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.screens.copy_dialog import CopyDialog
from factcheck_tui.tui.screens.duplicates import DuplicatesScreen
from factcheck_tui.tui.screens.evidence_form import EvidenceForm
from factcheck_tui.tui.screens.export_dialog import ExportDialog
from factcheck_tui.tui.screens.filter_menu import FilterMenu
from factcheck_tui.tui.screens.help import HelpScreen
from factcheck_tui.tui.screens.import_dialog import ImportDialog
from factcheck_tui.tui.screens.prompt import PromptScreen
from factcheck_tui.tui.screens.queue import QueueScreen
from factcheck_tui.tui.screens.review_base import ReviewScreen
from factcheck_tui.tui.screens.stories import StoriesScreen
from factcheck_tui.tui.screens.story_dialog import StoryDialog
from factcheck_tui.tui.screens.story_reader import StoryReader
from factcheck_tui.tui.screens.verdict_picker import VerdictPicker
from factcheck_tui.tui.widgets.filter_bar import FilterBar
from factcheck_tui.tui.widgets.fit_table import FitTable
from factcheck_tui.tui.widgets.menu import Menu
from factcheck_tui.tui.widgets.page import Page, ReadingPage

README = Path(__file__).parents[2] / "README.md"

# What each name in the table's "where" column stands for: the screens, and the widgets on them
# that hold keys of their own (a page scrolls, a list moves its cursor).
PLACES: dict[str, tuple[type[DOMNode], ...]] = {
    "anywhere": (FactcheckApp,),
    "stories": (StoriesScreen,),
    "claims": (ClaimsScreen, ReviewScreen),
    "claim": (ClaimScreen, ReviewScreen, Page),
    "lists": (FitTable, StoriesScreen, ClaimsScreen, QueueScreen, ClustersScreen, DuplicatesScreen),
    "menus": (Menu,),
    "search": (FilterBar,),
    "help": (HelpScreen, ReadingPage, Page),
    "reading view": (StoryReader, Page),
    "verdict picker": (VerdictPicker,),
    "duplicates": (DuplicatesScreen,),
    "recurring claims": (ClustersScreen,),
    "my queue": (QueueScreen,),
    "dialogs": (
        ImportDialog,
        ExportDialog,
        EvidenceForm,
        StoryDialog,
        ClaimTextDialog,
        CopyDialog,
        PromptScreen,
        ConfirmScreen,
        FilterMenu,
        VerdictPicker,
        HelpScreen,
    ),
}
# Textual's own keys that the table lists: the command palette is bound by the App class itself.
TEXTUAL_APP_KEYS = {FactcheckApp.COMMAND_PALETTE_BINDING}
# The README's short names for keys, as Textual names them.
KEY_NAMES = {"pgdn": "pagedown", "pgup": "pageup"}
# Bindings that need no line in the table, each with the reason. None so far: add one here only
# for a key no reviewer is meant to press.
NOT_FOR_REVIEWERS: dict[str, str] = {}


def _key(token: str) -> str:
    token = KEY_NAMES.get(token, token)
    return _character_to_key(token) if len(token) == 1 and not token.isalnum() else token


def _keys(cell: str) -> list[str]:
    """The backquoted keys of a "key" cell; `1`…`9` stands for every digit between."""
    cell = re.sub(r"`(\d)`…`(\d)`", lambda m: " ".join(f"`{n}`" for n in range(int(m[1]), int(m[2]) + 1)), cell)
    return [_key(token) for token in re.findall(r"`([^`]+)`", cell)]


def readme_table() -> list[tuple[list[str], list[str], str]]:
    """Each row of the key table: (keys, places, the row as written)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### In the app", 1)[1]
    rows = []
    for line in section.splitlines()[1:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        keys, where, _ = (cell.strip() for cell in line.strip("|").split("|", 2))
        if keys in ("key", "---"):
            continue
        rows.append((_keys(keys), [place.strip() for place in where.split(",")], line))
    return rows


ROWS = readme_table()


def _bound_keys(cls: type) -> set[str]:
    """Every key ``cls`` binds, its base classes' included."""
    keys = {key.strip() for base in cls.__mro__ for binding in own_bindings(base) for key in binding.key.split(",")}
    return keys | (TEXTUAL_APP_KEYS if issubclass(cls, FactcheckApp) else set())


def test_the_table_is_read() -> None:
    assert len(ROWS) > 30
    assert all(keys for keys, _, _ in ROWS), [row for keys, _, row in ROWS if not keys]


@pytest.mark.parametrize(("keys", "places", "row"), ROWS, ids=[row[2].split("|")[1].strip() for row in ROWS])
def test_every_key_the_readme_lists_is_bound_where_it_says(keys: list[str], places: list[str], row: str) -> None:
    unknown = [place for place in places if place not in PLACES]
    assert not unknown, f"README names the place {unknown} that this test does not know; add it to PLACES: {row}"
    for place in places:
        bound = set().union(*(_bound_keys(cls) for cls in PLACES[place]))
        for key in keys:
            assert key in bound, f"README lists {key!r} for screen {place!r} but no binding there: {row}"


OUR_BINDINGS = [
    (cls, key.strip(), binding.id or "")
    for cls in our_classes(FactcheckApp)
    for binding in own_bindings(cls)
    for key in binding.key.split(",")
]


@pytest.mark.parametrize(
    ("cls", "key", "binding_id"), OUR_BINDINGS, ids=[f"{cls.__name__}:{key}" for cls, key, _ in OUR_BINDINGS]
)
def test_every_binding_is_in_the_readme(cls: type, key: str, binding_id: str) -> None:
    if binding_id in NOT_FOR_REVIEWERS:
        return
    documented = any(
        key in keys and any(cls in PLACES.get(place, ()) or place == "anywhere" for place in places)
        for keys, places, _ in ROWS
    )
    assert documented, (
        f"binding {key!r} ({binding_id}) on screen {cls.__name__} missing from README's key table "
        f"(section “In the app”); the places there: {', '.join(PLACES)}"
    )
