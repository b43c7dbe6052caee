"""The whole story as it reads, every claim marked where it stands: a number and a verdict symbol
in the verdict's colour (the symbol says the same without colour). A cursor walks the claims;
enter opens the claim under it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import Footer, Header, Static

from factcheck_tui.core.errors import FactcheckError
from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.text import shown
from factcheck_tui.tui.clipboard import copy_claim_id
from factcheck_tui.tui.formatting import verdict_style, verdict_symbol
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.screens.base import AppScreen
from factcheck_tui.tui.widgets.page import Page

LEGEND = "✓ true side · ~ mixed · ✗ false side · ! other verdict · ? to check · · not check-worthy"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    claims: tuple[Claim, ...]


def paragraphs(story: Story, claims: list[Claim]) -> list[Paragraph]:
    """The body's non-empty lines, each with the claims that begin in it, in order."""
    found, start = [], 0
    body = story.body
    while start <= len(body):
        end = body.find("\n", start)
        end = len(body) if end == -1 else end
        if body[start:end].strip():
            inside = tuple(claim for claim in claims if claim.start is not None and start <= claim.start < end)
            found.append(Paragraph(start, end, inside))
        start = end + 1
    return found


def marked_paragraph(
    body: str, paragraph: Paragraph, scale: VerdictScale, *, colour: bool, cursor: str | None
) -> tuple[Text, dict[str, tuple[int, int]]]:
    """The paragraph's text with each claim marked, and where each claim (its mark and its words)
    begins and ends in it."""
    text, places = Text(), {}
    position = paragraph.start
    for claim in paragraph.claims:
        start = max(claim.start or position, position)
        end = min(claim.end or start, paragraph.end)
        text.append(shown(body[position:start]))
        begins = len(text)
        style = verdict_style(claim.verdict, scale, colour=colour)
        text.append(f"[{claim.number}{verdict_symbol(claim, scale)}]", style=style)
        text.append(shown(body[start:end]), style="reverse" if claim.id == cursor else "underline")
        places[claim.id] = (begins, len(text))
        position = end
    text.append(shown(body[position : paragraph.end]))
    return text, places


def lines_of(text: Text, offsets: Iterable[int], width: int) -> list[int]:
    """The wrapped line, at ``width``, on which each character ``offset`` of ``text`` falls
    (the text is wrapped once for all of them)."""
    ends = list(accumulate(len(line.plain) for line in text.wrap(Console(width=width), width))) or [0]
    return [min(bisect_right(ends, offset), len(ends) - 1) for offset in offsets]


class StoryReader(AppScreen[None]):
    AUTO_FOCUS = "#story-page"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="reader.back"),
        Binding("j", "claim_cursor(1)", "Next claim", id="reader.next"),
        Binding("k", "claim_cursor(-1)", "Previous claim", id="reader.previous"),
        Binding("enter", "open", "Open the claim", id="reader.open"),
        Binding("ctrl+c", "copy", "Copy claim id", show=False, id="reader.copy"),
    ]

    def __init__(self, story_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.story_id = story_id
        self.cursor = claim_id
        self.story: Story | None = None
        self.claims: list[Claim] = []
        self._paragraphs: list[Paragraph] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="reader-cursor")
        with Page(id="story-page"):
            yield Static(id="reader-title")
            yield Static(LEGEND, id="reader-legend", classes="hint")
        yield Footer()

    def on_screen_resume(self) -> None:
        # Also runs when the screen is first shown: verdicts given meanwhile show on return.
        try:
            self.story = self.app.repo.get_story(self.story_id)
            self.claims = self.app.repo.list_claims(self.story_id)
        except FactcheckError as error:
            self.app.report(error)
            return
        ids = [claim.id for claim in self.claims]
        if self.cursor not in ids:
            self.cursor = ids[0] if ids else None
        self._build()

    def _build(self) -> None:
        assert self.story is not None
        title = literal(self.story.title, "bold")
        meta = " · ".join(part for part in (self.story.outlet, str(self.story.published or "")) if part)
        if meta:
            title.append(f"\n{shown(meta)}", style="dim")
        self.query_one("#reader-title", Static).update(title)
        self._paragraphs = paragraphs(self.story, self.claims)
        page = self.query_one("#story-page", Page)
        if not page.query(".reader-paragraph"):
            # The body never changes, so its paragraphs are laid out once; claims are repainted.
            page.mount_all(
                Static(id=f"paragraph-{index}", classes="reader-paragraph") for index in range(len(self._paragraphs))
            )
        self._paint()
        self.call_after_refresh(self._scroll_to_cursor)

    def _paint(self) -> None:
        assert self.story is not None
        scale, colour = self.app.workspace.scale, not self.app.no_color
        for index, paragraph in enumerate(self._paragraphs):
            text, _ = marked_paragraph(self.story.body, paragraph, scale, colour=colour, cursor=self.cursor)
            self.query_one(f"#paragraph-{index}", Static).update(text)
        claim = self._current()
        line = Text("No claims in this story." if claim is None else "")
        if claim is not None:
            line.append(f"[{claim.number}{verdict_symbol(claim, scale)}] ", style=verdict_style(claim.verdict, scale))
            line.append(
                f"{claim.id} · {shown(claim.verdict or 'no verdict')} · enter opens it · j k next / previous claim"
            )
        self.query_one("#reader-cursor", Static).update(line)

    def _current(self) -> Claim | None:
        return next((claim for claim in self.claims if claim.id == self.cursor), None)

    def action_copy(self) -> None:
        copy_claim_id(self, self._current())

    def _scroll_to_cursor(self) -> None:
        assert self.story is not None
        for index, paragraph in enumerate(self._paragraphs):
            if any(claim.id == self.cursor for claim in paragraph.claims):
                widget = self.query_one(f"#paragraph-{index}", Static)
                if not widget.content_size.width:
                    # Not laid out yet (j typed right after r): its lines are known after the refresh.
                    self.call_after_refresh(self._scroll_to_cursor)
                    return
                scale, colour = self.app.workspace.scale, not self.app.no_color
                text, places = marked_paragraph(self.story.body, paragraph, scale, colour=colour, cursor=self.cursor)
                width = widget.content_size.width
                begins, ends = places[self.cursor or ""]
                first, last = lines_of(text, (begins, max(begins, ends - 1)), width)
                page = self.query_one("#story-page", Page)
                # The whole claim in view; one taller than the page shows from its first line.
                height = max(1, min(last - first + 1, page.scrollable_content_region.height))
                place = widget.virtual_region
                page.scroll_to_region(
                    Region(place.x, place.y + first, place.width, height), animate=False, immediate=True
                )
                return

    def _placed(self) -> list[str]:
        """The claims marked in the text, in reading order (claims added by hand have no place)."""
        return [claim.id for paragraph in self._paragraphs for claim in paragraph.claims]

    def action_claim_cursor(self, step: int) -> None:
        placed = self._placed()
        if not placed:
            return
        index = placed.index(self.cursor) if self.cursor in placed else -step
        self.cursor = placed[max(0, min(len(placed) - 1, index + step))]
        self._paint()
        self._scroll_to_cursor()

    def show_claim(self, claim_id: str) -> None:
        """Put the cursor on a claim (back from that claim's screen)."""
        self.cursor = claim_id

    def action_open(self) -> None:
        if self.cursor is None:
            return
        from factcheck_tui.tui.screens.claim import ClaimScreen

        self.app.push_screen(ClaimScreen(self.story_id, self.cursor, self._placed()))
