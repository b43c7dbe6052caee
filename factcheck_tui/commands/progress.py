"""A progress bar on standard error, drawn only when a person is watching it (a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from factcheck_tui.commands.output import unfiltered

WIDTH = 30
REDRAW_SECONDS = 0.1


class ProgressBar:
    def __init__(self, stream: TextIO | None = None, *, force: bool = False) -> None:
        self.stream = stream or unfiltered(sys.stderr)
        self.enabled = force or self.stream.isatty()
        self._last_draw = 0.0
        self._shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last_draw < REDRAW_SECONDS:
            return
        self._last_draw = now
        self.stream.write("\r" + self.line(stage, done, total))
        self.stream.flush()
        self._shown = True

    @staticmethod
    def line(stage: str, done: int, total: int) -> str:
        fraction = min(done / total, 1.0) if total else 1.0
        filled = round(WIDTH * fraction)
        return f"{stage:<8} {'█' * filled}{'░' * (WIDTH - filled)} {fraction:4.0%} {done:>9,}/{total:,}"

    def close(self) -> None:
        """Clear the bar so that the lines printed after it start at the left margin."""
        if self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False
