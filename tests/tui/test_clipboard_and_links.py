"""Clipboard and links over SSH: the copy key puts the claim id, the evidence link or the report path
on the terminal's clipboard (OSC 52), evidence links are terminal hyperlinks only when safe to open,
and without a browser "open" shows the link to copy."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from factcheck_tui.core.export.safe_links import safe_href
from factcheck_tui.core.models import Claim, Evidence
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow import desk
from factcheck_tui.core.workspace import Workspace
from factcheck_tui.tui.app import FactcheckApp, create_app
from factcheck_tui.tui.browser import draws_on_terminal, has_display
from factcheck_tui.tui.screens.claim import ClaimScreen
from factcheck_tui.tui.screens.claims import ClaimsScreen
from factcheck_tui.tui.screens.copy_dialog import CopyDialog
from factcheck_tui.tui.screens.queue import QueueScreen
from factcheck_tui.tui.screens.story_reader import StoryReader
from support.screen import screen_text

SIZE = (80, 24)
MINUTES = "https://harbor.example/council/minutes?item=14&page=3"
# What a hand-edited or restored file may hold: a line break that would run the rest in a shell,
# and an escape sequence that would write the clipboard or end a hyperlink early.
HOSTILE = "https://harbor.example/budget\n; rm -rf ~\x1b]52;c;ZXZpbA==\x07#\x1b]8;;\x1b\\x"


def _with_evidence(repo: Repository, claim: Claim, urls: list[str]) -> None:
    """Evidence written straight into the database, as a restored backup or a hand edit leaves it."""
    story_id, number = claim.id.rsplit("-", 1)
    with repo.transaction(story_id, "mallory") as tx:
        stored = tx.claim(int(number))
        stored.evidence = [Evidence(id=f"e{n}", url=url, source=f"Source {n}") for n, url in enumerate(urls, 1)]
        tx.save(stored)


async def _open_claim(pilot: Pilot, app: FactcheckApp, claim: Claim) -> ClaimScreen:
    await pilot.press("enter")
    claims = app.screen
    assert isinstance(claims, ClaimsScreen)
    claims.table.show_key(claim.id)
    await pilot.press("enter")
    assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == claim.id
    return app.screen


def _links(app: FactcheckApp) -> set[str]:
    """The hyperlinks on screen: what the terminal receives in OSC 8 sequences."""
    strips = app.screen._compositor.render_strips()
    return {segment.style.link for strip in strips for segment in strip if segment.style and segment.style.link}


def _said(app: FactcheckApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


def _no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Logged in over SSH to a host without a display."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 52000 10.0.0.1 22")


async def test_the_copy_key_copies_the_claim_id_on_the_list_and_on_the_claim(
    workspace: Workspace, strike_story
) -> None:
    _, claims = strike_story
    third = claims[2]
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimsScreen)
        app.screen.table.show_key(third.id)
        await pilot.press("ctrl+c")
        assert app.clipboard == third.id
        assert _said(app)[-1] == f"Copied claim id {third.id} to the clipboard (your terminal must allow OSC 52)"
        await pilot.press("j", "enter", "ctrl+c")
        assert isinstance(app.screen, ClaimScreen)
        assert app.clipboard == app.screen.claim_id == claims[3].id


async def test_my_queue_and_the_reading_view_copy_the_claim_under_the_cursor(
    workspace: Workspace, repo: Repository, strike_story
) -> None:
    _, claims = strike_story
    desk.assign(repo, [claims[4]], "tester", actor="tester")
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("ctrl+c")
        assert app.clipboard == claims[4].id
        await pilot.press("escape", "enter", "r")
        reader = app.screen
        assert isinstance(reader, StoryReader)
        await pilot.press("j", "ctrl+c")
        assert app.clipboard == reader.cursor and reader.cursor in {claim.id for claim in claims}


async def test_on_a_claim_the_evidence_chosen_with_j_k_is_copied_as_one_clean_line(
    workspace: Workspace, repo: Repository, strike_story
) -> None:
    _, claims = strike_story
    claim = claims[2]
    _with_evidence(repo, claim, [MINUTES, HOSTILE, ""])
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open_claim(pilot, app, claim)
        evidence = screen.query_one("#evidence", DataTable)
        await pilot.press("ctrl+c")
        assert not evidence.show_cursor, "before j/k no evidence item is highlighted"
        assert app.clipboard == claim.id, "so the copy key copies the claim itself"
        await pilot.press("j", "ctrl+c")
        assert evidence.show_cursor and evidence.cursor_row == 0
        assert app.clipboard == MINUTES
        assert _said(app)[-1].startswith("Copied evidence link https://harbor.example/council/minutes")
        await pilot.press("j", "ctrl+c")
        copied = app.clipboard
        assert copied.isprintable() and "\x1b" not in copied and "\n" not in copied
        assert copied.startswith("https://harbor.example/budget ; rm -rf ~")
        await pilot.press("j", "ctrl+c")
        assert evidence.cursor_row == 2 and app.clipboard == copied, "a highlighted item without a link copies nothing"
        assert _said(app)[-1] == "Evidence e3 has no link to copy"
        await pilot.press("k", "k", "ctrl+c")
        assert app.clipboard == MINUTES


async def test_on_a_claim_keys_act_only_on_the_evidence_item_highlighted(
    workspace: Workspace, repo: Repository, strike_story
) -> None:
    _, claims = strike_story
    claim = claims[2]
    _with_evidence(repo, claim, [MINUTES, "https://harbor.example/vote"])
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open_claim(pilot, app, claim)
        evidence = screen.query_one("#evidence", DataTable)
        await pilot.press("delete", "enter", "o")
        assert app.screen is screen, "nothing highlighted: nothing to edit or open"
        assert [item.id for item in repo.get_claim(claim.id).evidence] == ["e1", "e2"]
        assert _said(app)[-1] == "Choose an evidence item first: j or k highlights one"
        # k highlights the last item, and delete removes that one, the one on screen.
        await pilot.press("k")
        assert evidence.show_cursor and evidence.cursor_row == 1
        await pilot.press("delete")
        assert [item.id for item in repo.get_claim(claim.id).evidence] == ["e1"]
        assert evidence.show_cursor and evidence.current_key() == "e1"
        # Another claim starts with nothing highlighted again.
        await pilot.press("right_square_bracket")
        assert app.screen is screen and screen.claim_id != claim.id and not evidence.show_cursor


async def test_only_web_and_mail_links_become_terminal_hyperlinks(
    workspace: Workspace, repo: Repository, strike_story
) -> None:
    _, claims = strike_story
    claim = claims[2]
    marked_up = "https://h.example/[b]v[/b]"
    _with_evidence(repo, claim, [MINUTES, "javascript:alert(1)", "file:///etc/passwd", marked_up, HOSTILE])
    app = create_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_claim(pilot, app, claim)
        await pilot.press("G")
        links = _links(app)
        assert links == {safe_href(MINUTES), safe_href(marked_up), safe_href(HOSTILE)}
        assert all(link.isprintable() and "\x1b" not in link for link in links)
        shown = screen_text(app)
        assert "javascript:alert(1)" in shown and "file:///etc/passwd" in shown
        assert marked_up in shown, "an address is text, never markup"
        assert isinstance(app.screen, ClaimScreen) and app.screen is screen


async def test_without_a_browser_open_shows_the_whole_link_with_the_copy_key(
    workspace: Workspace, strike_story, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_browser(monkeypatch)
    _, claims = strike_story
    long_link = MINUTES + "&section=" + "levy-" * 12
    _with_evidence(repo, claims[2], [long_link])
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _open_claim(pilot, app, claims[2])
        await pilot.press("j", "o")
        dialog = app.screen
        assert isinstance(dialog, CopyDialog)
        shown = screen_text(app)
        assert "No browser here" in shown and "ctrl+c copies the link" in shown
        # The link's own lines, read inside its box (the page behind the dialog shows beside it).
        box = dialog.query_one("#copy-value").region
        wrapped = "".join(line[box.x : box.right].strip() for line in shown.splitlines()[box.y : box.bottom])
        assert long_link in wrapped, "the whole link, never cut"
        assert _links(app) == {safe_href(long_link)}
        await pilot.press("ctrl+c")
        assert app.clipboard == long_link
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimScreen)


class _Recording(webbrowser.BackgroundBrowser):
    """A graphical browser that only notes what it was asked to open."""

    def __init__(self) -> None:
        super().__init__("recording-browser")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


@pytest.mark.parametrize(("url", "opened"), [("javascript:alert(1)", False), ("https://union.example/vote", True)])
async def test_with_a_browser_o_opens_only_web_and_mail_links(
    workspace: Workspace,
    strike_story,
    repo: Repository,
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    opened: bool,
) -> None:
    """A link from a restored or hand-edited file is never handed to the browser unless it is a web address."""
    browser = _Recording()
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    _, claims = strike_story
    _with_evidence(repo, claims[2], [url])
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _open_claim(pilot, app, claims[2])
        await pilot.press("j", "o")
        assert browser.opened == ([url] if opened else [])
        assert isinstance(app.screen, ClaimScreen), "nothing to copy when the browser took it, or it is refused"


async def test_after_an_export_the_report_path_is_shown_and_copied(
    workspace: Workspace, strike_story, tmp_path: Path
) -> None:
    target = tmp_path / "reports" / "strike.md"
    target.parent.mkdir()
    app = create_app(workspace)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("x")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CopyDialog)
        assert "Report written" in screen_text(app) and "ctrl+c copies the report path" in screen_text(app)
        await pilot.press("ctrl+c")
        assert app.clipboard == str(target)
        await pilot.press("enter")
        assert not isinstance(app.screen, CopyDialog)
    assert target.exists()


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"SSH_CONNECTION": "a b c d", "DISPLAY": "localhost:10.0"}, "linux", True),
        ({}, "darwin", True),
        ({"SSH_TTY": "/dev/pts/3"}, "darwin", False),
    ],
)
def test_a_browser_is_only_used_with_a_display(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], platform: str, expected: bool
) -> None:
    monkeypatch.setattr("sys.platform", platform)
    assert has_display(environ) is expected


def test_a_browser_that_draws_on_the_terminal_is_never_started() -> None:
    assert draws_on_terminal(webbrowser.GenericBrowser("lynx"))
    assert draws_on_terminal(webbrowser.Elinks("elinks"))
    assert not draws_on_terminal(webbrowser.BackgroundBrowser("xdg-open"))
    assert not draws_on_terminal(webbrowser.Mozilla("firefox"))
