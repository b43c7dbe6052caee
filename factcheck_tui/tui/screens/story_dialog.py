"""Correct a story's details: headline, outlet, link and publication date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.story_import import parse_date
from factcheck_tui.core.models import Story
from factcheck_tui.core.text import shown
from factcheck_tui.core.urls import normalise_url
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot


@dataclass(frozen=True)
class StoryDetails:
    title: str
    outlet: str
    url: str
    published: date | None


class StoryDialog(ModalScreen[StoryDetails | None]):
    AUTO_FOCUS = "#title"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="storydetails.cancel"),
        Binding("ctrl+s", "submit", "Save", id="storydetails.save"),
    ]

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        story = self.story
        with DialogBody(classes="dialog"):
            yield Label(literal(f"Story {story.id}"), classes="dialog-title")
            yield Label("Headline")
            yield Input(shown(story.title), id="title")
            yield Label("Outlet")
            yield Input(shown(story.outlet), id="outlet")
            yield Label("Link")
            yield Input(shown(story.url), placeholder="https://…", id="url")
            yield Label("Published (YYYY-MM-DD)")
            yield Input(story.published.isoformat() if story.published else "", id="published")
            yield DialogFoot("tab: next field · ctrl+s: save · escape: cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_submit(self) -> None:
        values = {
            name: self.query_one(f"#{name}", Input).value.strip() for name in ("title", "outlet", "url", "published")
        }
        error = self.query_one("#form-error", Label)
        try:
            if not values["title"]:
                raise InputError("A story needs a headline.")
            url = normalise_url(values["url"]) if values["url"] else ""
            published = parse_date(values["published"], "Published")
        except InputError as problem:
            error.update(literal(str(problem)))
            return
        self.dismiss(StoryDetails(values["title"], values["outlet"], url, published))

    def action_cancel(self) -> None:
        self.dismiss(None)
