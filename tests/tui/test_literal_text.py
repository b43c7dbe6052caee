"""Story text is data: every screen shows bracket-heavy, markup-like and hostile text literally.

The newsroom here is written straight into the database, bypassing import, so it also stands for
a database filled before control characters were stripped on the way in: the screens themselves
must keep escape sequences and bidi overrides away from the terminal.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Label

from factcheck_tui.core.config import Config
from factcheck_tui.core.intake.extraction import extract
from factcheck_tui.core.intake.story_import import extracted_claims
from factcheck_tui.core.models import Change, Story
from factcheck_tui.core.scale import VerdictLabel
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import review
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import create_app
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.stories import StoriesScreen
from support.pilot import changes_seen
from support.screen import screen_text

SIZE = (80, 24)
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b]0;owned\x07\x1b[2J\u202e"
TITLE = f"[/] Markup [red]x[/red] [sic]{HOSTILE}"
OUTLET = "[the council]"
BODY = (
    f"{TITLE}\n\n"
    "[sic] Officials said [/] the deficit reached $3 million last year.\n\n"
    "He said [the council] would raise the levy by 4% in 2026, [red]x[/red] more than planned.\n\n"
    f"The mayor said [b]the budget[/b] grew by 12% to $40 million in 2025.{HOSTILE}\n"
)
REVIEWER = "[/]"
SPEAKER = "[the council] [/]"
NOTE = "[sic] per [red]x[/red]"
VERDICT = "False [sic]"


def _story(repo: Repository, story_id: str, title: str, published: date) -> list[str]:
    story = Story(id=story_id, title=title, outlet=OUTLET, published=published, body=BODY, imported_at=AT)
    claims = [
        claim.model_copy(
            update={
                "id": f"{story_id}-{number}",
                "story_id": story.id,
                "number": number,
                "created_at": AT,
                "updated_at": AT,
                "updated_by": REVIEWER,
                "speaker": SPEAKER,
                "checkworthy": True,
                "history": [Change(at=AT, by=REVIEWER, field="created", new=claim.text, version=1, note=NOTE)],
            }
        )
        for number, claim in enumerate(extracted_claims(extract(BODY)), start=1)
    ]
    repo.restore_story(story, claims)
    return [claim.id for claim in claims]


def hostile_newsroom(root: Path) -> list[str]:
    """Two stories carrying the same hostile text; one of them already checked, so the other finds it."""
    repo = Repository(root)
    claim_ids = _story(repo, "br4ck", TITLE, date(2026, 3, 2))
    earlier = _story(repo, "e4r1y", f"{OUTLET} earlier [/]", date(2025, 1, 1))[1]
    for claim_id in (claim_ids[1], earlier):
        review.set_verdict(repo, claim_id, VERDICT, scale=Config(verdicts=SCALE).scale, actor=REVIEWER)
        review.set_conclusion(repo, claim_id, f"[/] {NOTE}{HOSTILE}", actor=REVIEWER)
        review.add_evidence(repo, claim_id, url="https://council.example/[x]", source=OUTLET, note=NOTE, actor=REVIEWER)
    return claim_ids


SCALE = [VerdictLabel(label="True", rating=2), VerdictLabel(label=VERDICT, rating=1)]


@pytest.fixture
def newsroom(tmp_path: Path) -> tuple[Workspace, list[str]]:
    root = tmp_path / "newsroom"
    claim_ids = hostile_newsroom(root)
    return Workspace(Config(reviewer="[b]ana[/b]", verdicts=SCALE), tmp_path / "config.toml", root), claim_ids


def assert_safe(app: App, *expected: str) -> str:
    text = screen_text(app)
    for character in ("\x1b", "\x07", "\u202e"):
        assert character not in text
    for wanted in expected:
        assert wanted in text, f"{wanted!r} not on screen:\n{text}"
    return text


async def visit(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_every_screen_shows_markup_like_text_literally(newsroom: tuple[Workspace, list[str]]) -> None:
    workspace, claim_ids = newsroom
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        # Bounded: a screen that crashes on the text would otherwise leave this waiting forever.
        await asyncio.wait_for(app.index_loaded.wait(), timeout=30)
        assert isinstance(app.screen, StoriesScreen)
        assert_safe(app, "[/] Markup [red]x[/red] [", "[the coun", "[b]ana[/b]")

        await visit(pilot, "enter")
        assert isinstance(app.screen, ClaimsScreen)
        assert_safe(app, "[/] Markup [red]x[/red] [sic]‹U+202E›", "[the council]", "[sic] Officials said [/] the")
        await visit(pilot, "down")
        assert_safe(
            app, "False [sic]   ◆    [sic] Officials", "Checked before: False [sic] in “[the council] earlier [/]"
        )

        await visit(pilot, "f")
        assert_safe(app, "Verdict: False [sic]")
        await visit(pilot, "escape", "v")
        assert_safe(app, "[sic] Officials said [/] the deficit", "2  False [sic]")
        await visit(pilot, "escape", "p")
        assert_safe(app, f"Who said {claim_ids[1]}?")
        await visit(pilot, "escape", "t")
        assert_safe(app, "[sic] Officials said [/] the deficit")
        await visit(pilot, "escape", "d")
        assert_safe(app, "(now: False [sic]): [sic] Officials said [/] the", "[the council] earlier [/]")
        await visit(pilot, "escape", "question_mark")
        assert_safe(app, "id for [keys]")
        assert "config's [keys] table" in str(app.screen.query_one(".hint", Label).render())
        await visit(pilot, "escape", "ctrl+p")
        assert_safe(app)
        await visit(pilot, "escape")

        await visit(pilot, "enter")
        assert isinstance(app.screen, ClaimScreen)
        assert_safe(
            app, "[sic] Officials said [/] the deficit", "— [the council] [/]", "[/] [sic] per [red]x[/red]‹U+202E›"
        )
        assert_safe(app, "by [/]", "council.example/[x]", "[sic] per [red]x[/red]")
        await visit(pilot, "j", "enter")
        assert_safe(app, "Edit evidence")
        await visit(pilot, "escape")

        # A reviewer named "[/]" changes the claim on screen: the notice names them literally.
        review.set_status(workspace.repo, claim_ids[1], app.screen.claim.status.cycled(), actor=REVIEWER)
        await changes_seen(pilot)
        await pilot.pause()
        await pilot.pause()
        assert_safe(app, "[/] changed this claim")

        await visit(pilot, "escape", "escape")
        assert isinstance(app.screen, StoriesScreen)
        await visit(pilot, "e")
        assert_safe(app, "Story br4ck")
        await visit(pilot, "escape", "delete")
        assert_safe(app, "“[/] Markup [red]x[/red] [sic]")
        await visit(pilot, "escape", "C")
        assert_safe(app)


async def test_a_failed_import_quotes_the_path_literally(
    newsroom: tuple[Workspace, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    workspace, _ = newsroom
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await visit(pilot, "i", *"[sic]/[/]story.txt", "ctrl+s")
        assert_safe(app, "[sic]/[/]story.txt: no such file")
