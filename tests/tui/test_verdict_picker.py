"""The verdict picker shows the claim it rates whole: wrapped, and scrolled with pgdn/pgup when
it is longer than the screen, while the whole scale stays in view and the number keys still pick."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_tui.core.config import Config
from factcheck_tui.core.scale import VerdictLabel
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.verdict_picker import VerdictPicker
from factcheck_tui.tui.widgets.dialog_body import DialogBody
from support.long_claim import LONG_CLAIM, STORY_ID, build_long_claim_story
from support.screen import after_refresh, screen_text, text_in, words

CLAIM_ID = f"{STORY_ID}-1"
# Six times the long claim's last sentence: more than a 60x20 screen holds beside the scale.
VERY_LONG = " ".join(f"Point {n}: the tolls had raised less than a third of what was promised." for n in range(1, 13))


def _app(tmp_path: Path, text: str | None = None):
    repo = build_long_claim_story(tmp_path / "db")
    if text is not None:
        repo.update_claim(CLAIM_ID, lambda claim: claim.model_copy(update={"text": text}), "maria")
    return create_app(Workspace(Config(reviewer="maria"), tmp_path / "c.toml", tmp_path / "db"))


async def _press(pilot, *keys: str) -> None:
    """Press, then wait for the picker to be drawn again: a scroll shows on the next refresh."""
    await pilot.press(*keys)
    await after_refresh(pilot.app.screen)


def _claim_shown(app) -> str:
    picker = app.screen
    assert isinstance(picker, VerdictPicker)
    return text_in(app, picker.query_one(DialogBody).content_region)


def _scale_whole(app) -> bool:
    shown = screen_text(app)
    return all(f"{n}  {label.label}" in shown for n, label in enumerate(app.workspace.scale.labels, start=1)) and (
        "0  Clear the verdict" in shown
    )


async def test_at_60_by_20_a_long_claim_is_shown_whole_with_the_whole_scale(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await _press(pilot, "enter", "v")
        assert words(LONG_CLAIM) in _claim_shown(app)
        assert _scale_whole(app)
        assert "read on" not in screen_text(app)


async def test_a_claim_longer_than_the_screen_scrolls_with_pgdn_and_the_number_keys_still_pick(tmp_path: Path) -> None:
    app = _app(tmp_path, VERY_LONG)
    async with app.run_test(size=(60, 20)) as pilot:
        await _press(pilot, "enter", "v")
        shown = _claim_shown(app)
        assert shown.startswith("Point 1:") and "Point 12:" not in shown
        assert "pgdn pgup read on" in screen_text(app)
        seen = shown
        for _ in range(4):
            await _press(pilot, "pagedown")
            seen += " " + _claim_shown(app)
            # The scale does not move while the claim scrolls above it.
            assert _scale_whole(app)
        assert all(f"Point {n}:" in seen for n in range(1, 13))
        await _press(pilot, "pageup", "pageup", "pageup", "pageup")
        assert _claim_shown(app).startswith("Point 1:")
        await pilot.press("5")
        assert app.workspace.repo.get_claim(CLAIM_ID).verdict == "False"


async def test_the_hint_names_the_number_keys_the_scale_has(tmp_path: Path) -> None:
    build_long_claim_story(tmp_path / "db")
    three = [VerdictLabel(label=label) for label in ("Accurate", "Misleading", "Wrong")]
    app = create_app(Workspace(Config(reviewer="maria", verdicts=three), tmp_path / "c.toml", tmp_path / "db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _press(pilot, "enter", "v")
        assert "1-3 pick · 0 clear" in screen_text(app) and "1-9" not in screen_text(app)
        await pilot.press("4")
        assert isinstance(app.screen, VerdictPicker)
        await pilot.press("3")
        assert app.workspace.repo.get_claim(CLAIM_ID).verdict == "Wrong"


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_the_picker_title_names_the_claim_it_rates(tmp_path: Path, size: tuple[int, int]) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await _press(pilot, "enter", "v")
        assert f"Verdict for {CLAIM_ID}" in screen_text(app)
