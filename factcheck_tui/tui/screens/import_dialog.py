"""Import a story without leaving the app: a file, a link to a page or a feed, or pasted text or HTML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Input, Label, TextArea

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.articles import several_articles
from factcheck_tui.core.intake.story_import import parse_date
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.screens.confirm import ConfirmScreen
from factcheck_tui.tui.widgets.dialog_body import DialogBody, DialogFoot


@dataclass(frozen=True)
class ImportRequest:
    path: str
    pasted: str
    title: str
    outlet: str
    url: str
    published: str
    again: bool = False

    def is_blank(self) -> bool:
        return not any(value.strip() for value in asdict(self).values() if isinstance(value, str))


class ImportDialog(ModalScreen[ImportRequest | None]):
    AUTO_FOCUS = "#path"
    # Below 24 lines the paste box gives up lines so that every field is on screen at once (at
    # 60x20 the headline, outlet, link and date fields showed only their top border).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
        Binding("ctrl+s", "submit", "Import", id="import.submit"),
    ]

    def __init__(
        self,
        typed: ImportRequest | None = None,
        problem: str = "",
        *,
        keep: Callable[[ImportRequest], None] | None = None,
    ) -> None:
        """``typed``: what the reviewer filled in last time, back with the ``problem`` it met.
        ``keep`` gets what was typed when the dialog is left with escape, so that it is not lost."""
        super().__init__()
        self._typed = typed
        self._problem = problem
        self._keep = keep

    def on_mount(self) -> None:
        if self._typed is None:
            return
        for name in ("path", "title", "outlet", "url", "published"):
            self.query_one(f"#{name}", Input).value = getattr(self._typed, name)
        self.query_one("#pasted", TextArea).load_text(self._typed.pasted)

    def compose(self) -> ComposeResult:
        with DialogBody(id="import-dialog", classes="dialog"):
            yield Label("Import a story", classes="dialog-title")
            yield Label("A file (.txt, .md, .html), a page or feed link, or paste below")
            yield Input(placeholder="~/stories/article.html or https://…", id="path")
            yield TextArea(id="pasted", soft_wrap=True, tab_behavior="focus")
            with Horizontal(classes="fields"):
                yield Input(placeholder="Headline (optional)", id="title")
                yield Input(placeholder="Outlet", id="outlet")
            with Horizontal(classes="fields"):
                yield Input(placeholder="URL", id="url")
                yield Input(placeholder="Published YYYY-MM-DD", id="published")
            yield DialogFoot("tab: next field · ctrl+s: import · escape: cancel", error=self._problem)

    def _typed_now(self) -> ImportRequest:
        def value(name: str) -> str:
            return self.query_one(f"#{name}", Input).value.strip()

        return ImportRequest(
            path=value("path"),
            pasted=self.query_one("#pasted", TextArea).text,
            title=value("title"),
            outlet=value("outlet"),
            url=value("url"),
            published=value("published"),
        )

    def action_submit(self) -> None:
        typed = self._typed_now()
        values, pasted = asdict(typed), typed.pasted
        error = self.query_one("#form-error", Label)
        if not values["path"] and not pasted.strip():
            error.update("Give a file path or a link, or paste the article text.")
            self.query_one("#path", Input).focus()
            return
        try:
            parse_date(values["published"], "Published")
        except InputError as problem:
            error.update(literal(str(problem)))
            self.query_one("#published", Input).focus()
            return
        if not values["path"] and (several := several_articles(pasted)):
            self._ask_one_story(typed, several)
            return
        self.dismiss(typed)

    def _ask_one_story(self, typed: ImportRequest, several: str) -> None:
        """A long paste is asked about before it becomes one story of thousands of claims."""

        def answered(key: str | None) -> None:
            if key == "y":
                self.dismiss(typed)

        self.app.push_screen(
            ConfirmScreen(
                f"{several}. Import it as one story?",
                {"y": "Import it as one story", "n": "Go back: paste one article at a time"},
                cancel="Go back to the paste",
            ),
            answered,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_cancel(self) -> None:
        if self._keep is not None:
            self._keep(self._typed_now())
        self.dismiss(None)
