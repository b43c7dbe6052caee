"""A row-cursor table whose last column takes the width left, so no row needs sideways scrolling."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from factcheck_tui.core.text import one_line, shown
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.list_keys import list_keys

CELL_PADDING = 2


@dataclass(frozen=True)
class Column:
    """A fixed-width column, and when it gives its width to the flexible text column.

    ``keeps_text``: the column is shown only while the text column keeps at least that many
    characters beside it (0: always). The column that asks the most goes first; of two that ask
    the same, the one further right. ``only_filled``: shown only when some row has
    something in it; an empty column is width taken from the text for nothing.
    """

    label: str
    key: str
    width: int
    keeps_text: int = 0
    only_filled: bool = False


Layout = tuple[tuple[int, ...], int]

ASIDE_SEPARATOR = " · "
# Less room than this after the text, and the aside is left out: a few letters of it say nothing.
ASIDE_LEAST = 8


@dataclass(frozen=True)
class WithAside:
    """A flexible cell: the text a row is read for, then, dim, in the room the text leaves,
    something about it (where a claim comes from). The text is never cut for the aside."""

    text: str
    aside: str

    def fitted(self, width: int) -> Text:
        words = one_line(shown(self.text), width)
        cell = literal(words)
        room = width - len(words) - len(ASIDE_SEPARATOR)
        if self.aside and room >= ASIDE_LEAST:
            cell.append(ASIDE_SEPARATOR + one_line(shown(self.aside), room), style="dim")
        return cell


# A row: its key, its fixed cells, its flexible text.
TableRow = tuple[str, Sequence[Any], "str | WithAside"]


class FitTable(DataTable):
    """Rows are (key, fixed cells..., flexible text); string cells are literal text, cut to their
    column. The flexible text may be a ``WithAside``."""

    FRIENDLY_NAME = "list"
    # Enter selects the row, and every screen that lists rows opens the selected one.
    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="table.open"),
        *list_keys("table", down="cursor_down", up="cursor_up", first="scroll_top", last="scroll_bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._fixed: list[Column] = []
        self._flexible: tuple[str, str] = ("", "")
        # The fixed columns drawn (their places in ``_fixed``) and the text column's width.
        self._drawn: Layout | None = None
        self._rows: list[TableRow] = []

    def set_columns(self, fixed: Sequence[Column | tuple[str, str, int]], flexible: tuple[str, str]) -> None:
        """``fixed``: each a ``Column``, or (label, key, width) for one that is always shown."""
        self._fixed = [column if isinstance(column, Column) else Column(*column) for column in fixed]
        self._flexible = flexible

    def _layout(self) -> Layout:
        """Which fixed columns are shown at this width, with these rows, and the text's width."""
        shown = [
            place
            for place, column in enumerate(self._fixed)
            if not column.only_filled or any(not _blank(cells[place]) for _, cells, _ in self._rows)
        ]
        if not self.size.width:
            return tuple(shown), 60
        yielding = sorted(
            (place for place in shown if self._fixed[place].keeps_text),
            key=lambda place: (self._fixed[place].keeps_text, place),
            reverse=True,
        )
        for place in yielding:
            if self._text_width(shown) < self._fixed[place].keeps_text:
                shown.remove(place)
        return tuple(shown), max(self._text_width(shown), 12)

    def _text_width(self, shown: Sequence[int]) -> int:
        # Leave room for the vertical scrollbar so that no row ever needs a horizontal one.
        fixed = sum(self._fixed[place].width + CELL_PADDING for place in shown)
        return self.size.width - fixed - CELL_PADDING - self.styles.scrollbar_size_vertical

    def set_rows(self, rows: Sequence[TableRow], anchor: str | None = None) -> None:
        """Replace every row. The cursor stays on the row it was on (or on ``anchor``); when that
        row has left the list, it goes to the row that took its place: the next one, else the one
        before. The list does not scroll away from where the reviewer was reading.

        When the same keys come back in the same order (a save, new duplicate marks), only the
        cells that changed are updated: rebuilding a 5,000-row table costs about a second.
        """
        if self._same_keys(rows) and self._drawn == self._layout_with(rows):
            self._update_changed(rows)
            if anchor is not None and anchor != self.current_key():
                self.show_key(anchor)
            return
        anchor = anchor if anchor is not None else self.current_key()
        before = [key for key, _, _ in self._rows]
        scrolled = self.scroll_y
        self._rows = list(rows)
        self._redraw()
        self.scroll_to(y=scrolled, animate=False, immediate=True)
        target = successor(before, [key for key, _, _ in rows], anchor) if anchor is not None else None
        if target is not None:
            self.move_cursor(row=self.get_row_index(target))
        if not self.size.width:
            # Not laid out yet: look again once the table knows its width (a no-op if it fits).
            self.call_after_refresh(self.on_resize)

    def _same_keys(self, rows: Sequence[TableRow]) -> bool:
        return len(rows) == len(self._rows) == self.row_count and all(
            new[0] == old[0] for new, old in zip(rows, self._rows, strict=True)
        )

    def _layout_with(self, rows: Sequence[TableRow]) -> Layout:
        """The layout ``rows`` would get (a column may fill or empty with them)."""
        drawn, self._rows = self._rows, list(rows)
        try:
            return self._layout()
        finally:
            self._rows = drawn

    def _update_changed(self, rows: Sequence[TableRow]) -> None:
        assert self._drawn is not None
        shown, width = self._drawn
        text_key = self._flexible[1]
        for new, old in zip(rows, self._rows, strict=True):
            if new == old:
                continue
            key, cells, text = new
            for place in shown:
                if cells[place] != old[1][place]:
                    column = self._fixed[place]
                    self.update_cell(key, column.key, self._cell(cells[place], column.width))
            if text != old[2]:
                self.update_cell(key, text_key, self._cell(text, width))
        self._rows = list(rows)

    def _redraw(self) -> None:
        self._drawn = shown, width = self._layout()
        # Columns are rebuilt too: DataTable never shrinks a column it has once widened.
        self.clear(columns=True)
        columns = [self._fixed[place] for place in shown]
        for column in columns:
            self.add_column(column.label, key=column.key, width=column.width)
        label, text_key = self._flexible
        self.add_column(label, key=text_key, width=width)
        for key, cells, text in self._rows:
            drawn = [self._cell(cells[place], column.width) for place, column in zip(shown, columns, strict=True)]
            self.add_row(*drawn, self._cell(text, width), key=key)

    @staticmethod
    def _cell(value: Any, width: int) -> Any:
        """DataTable reads a plain string cell as markup: every string goes in as literal text, cut to fit."""
        if isinstance(value, WithAside):
            return value.fitted(width)
        return literal(one_line(shown(value), width)) if isinstance(value, str) else value

    def on_resize(self) -> None:
        if self._rows and self._layout() != self._drawn:
            current = self.current_key()
            self._redraw()
            if current is not None:
                self.move_cursor(row=self.get_row_index(current))

    def show_key(self, key: str) -> None:
        """Put the cursor on the row of ``key``, if it is listed."""
        if key in {row_key for row_key, _, _ in self._rows}:
            self.move_cursor(row=self.get_row_index(key))

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


def _blank(value: Any) -> bool:
    return not (value.plain if isinstance(value, Text) else value)


def successor(before: Sequence[str], after: Sequence[str], key: str) -> str | None:
    """The row of ``after`` that stands where ``key`` stood in ``before``.

    ``key`` itself when still listed; else the first row that followed it and is still listed,
    else the nearest one before it; else (a key never listed) the first row.
    """
    present = set(after)
    if key in present:
        return key
    if key in before:
        place = before.index(key)
        following = (row for row in before[place + 1 :] if row in present)
        preceding = (row for row in reversed(before[:place]) if row in present)
        found = next(following, None) or next(preceding, None)
        if found is not None:
            return found
    return after[0] if after else None


class EvidenceTable(FitTable, can_focus=False):
    """A claim's evidence. The claim's page keeps the focus (so its keys scroll it); the screen's
    j/k move this cursor, and enter edits the item under it."""

    FRIENDLY_NAME = "evidence list"
