"""A row-cursor table whose last column takes the width left, so no row needs sideways scrolling."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.binding import Binding
from textual.widgets import DataTable

from factcheck_tui.core.text import one_line, shown
from factcheck_tui.tui.literal import literal
from factcheck_tui.tui.widgets.list_keys import list_keys

CELL_PADDING = 2


class FitTable(DataTable):
    """Rows are (key, fixed cells..., flexible text); string cells are literal text, cut to their column."""

    FRIENDLY_NAME = "list"
    # Enter selects the row, and every screen that lists rows opens the selected one.
    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="table.open"),
        *list_keys("table", down="cursor_down", up="cursor_up", first="scroll_top", last="scroll_bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._fixed: list[int] = []
        self._drawn_width: int | None = None
        self._columns: tuple[list[tuple[str, str, int]], tuple[str, str]] = ([], ("", ""))
        self._rows: list[tuple[str, Sequence[Any], str]] = []

    def set_columns(self, fixed: Sequence[tuple[str, str, int]], flexible: tuple[str, str]) -> None:
        self._columns = (list(fixed), flexible)
        self._fixed = [width for _, _, width in fixed]

    def _text_width(self) -> int:
        # Leave room for the vertical scrollbar so that no row ever needs a horizontal one.
        used = sum(width + CELL_PADDING for width in self._fixed) + CELL_PADDING + self.styles.scrollbar_size_vertical
        return max(self.size.width - used, 12) if self.size.width else 60

    def set_rows(self, rows: list[tuple[str, Sequence[Any], str]], anchor: str | None = None) -> None:
        """Replace every row. The cursor stays on the row it was on (or on ``anchor``); when that
        row has left the list, it goes to the row that took its place: the next one, else the one
        before. The list does not scroll away from where the reviewer was reading.

        When the same keys come back in the same order (a save, new duplicate marks), only the
        cells that changed are updated: rebuilding a 5,000-row table costs about a second.
        """
        if self._same_keys(rows) and self._drawn_width == self._text_width():
            self._update_changed(rows)
            if anchor is not None and anchor != self.current_key():
                self.show_key(anchor)
            return
        anchor = anchor if anchor is not None else self.current_key()
        before = [key for key, _, _ in self._rows]
        scrolled = self.scroll_y
        self._rows = rows
        self._redraw()
        self.scroll_to(y=scrolled, animate=False, immediate=True)
        target = successor(before, [key for key, _, _ in rows], anchor) if anchor is not None else None
        if target is not None:
            self.move_cursor(row=self.get_row_index(target))
        if not self.size.width:
            # Not laid out yet: look again once the table knows its width (a no-op if it fits).
            self.call_after_refresh(self.on_resize)

    def _same_keys(self, rows: list[tuple[str, Sequence[Any], str]]) -> bool:
        return len(rows) == len(self._rows) == self.row_count and all(
            new[0] == old[0] for new, old in zip(rows, self._rows, strict=True)
        )

    def _update_changed(self, rows: list[tuple[str, Sequence[Any], str]]) -> None:
        fixed, (_, text_key) = self._columns
        keys = [key for _, key, _ in fixed]
        width = self._drawn_width or self._text_width()
        for new, old in zip(rows, self._rows, strict=True):
            if new == old:
                continue
            key, cells, text = new
            for column, value, before, cell_width in zip(keys, cells, old[1], self._fixed, strict=True):
                if value != before:
                    self.update_cell(key, column, self._cell(value, cell_width))
            if text != old[2]:
                self.update_cell(key, text_key, self._cell(text, width))
        self._rows = rows

    def _redraw(self) -> None:
        width = self._text_width()
        self._drawn_width = width
        # Columns are rebuilt too: DataTable never shrinks a column it has once widened.
        self.clear(columns=True)
        fixed, (label, column_key) = self._columns
        for fixed_label, fixed_key, fixed_width in fixed:
            self.add_column(fixed_label, key=fixed_key, width=fixed_width)
        self.add_column(label, key=column_key, width=width)
        for key, cells, text in self._rows:
            self.add_row(*map(self._cell, cells, self._fixed), self._cell(text, width), key=key)

    @staticmethod
    def _cell(value: Any, width: int) -> Any:
        """DataTable reads a plain string cell as markup: every string goes in as literal text, cut to fit."""
        return literal(one_line(shown(value), width)) if isinstance(value, str) else value

    def on_resize(self) -> None:
        if self._rows and self._text_width() != self._drawn_width:
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
