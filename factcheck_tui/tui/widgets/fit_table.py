"""A row-cursor table whose last column takes the width left, so no row needs sideways scrolling."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.binding import Binding
from textual.widgets import DataTable

from factcheck_tui.core.text import one_line

CELL_PADDING = 2


class FitTable(DataTable):
    """Rows are (key, fixed cells..., flexible text); the text is cut to fit the table's width."""

    FRIENDLY_NAME = "list"
    # Enter selects the row, and every screen that lists rows opens the selected one.
    BINDINGS = [Binding("enter", "select_cursor", "Open", id="table.open")]

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

    def set_rows(self, rows: list[tuple[str, Sequence[Any], str]], keep: Callable[[str], bool] | None = None) -> None:
        """Replace every row, keeping the cursor on the same key when it is still there."""
        current = self.current_key()
        self._rows = rows
        self._redraw()
        if current is not None:
            self.show_key(current)
        if not self.size.width:
            # Not laid out yet: look again once the table knows its width (a no-op if it fits).
            self.call_after_refresh(self.on_resize)

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
            self.add_row(*cells, one_line(text, width), key=key)

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


class EvidenceTable(FitTable):
    FRIENDLY_NAME = "evidence list"
    BINDINGS = [Binding("enter", "select_cursor", "Edit evidence", id="evidence.edit")]
