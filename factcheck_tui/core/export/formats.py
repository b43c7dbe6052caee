"""The export formats by name; each renders a ``Report`` to text."""

from __future__ import annotations

from collections.abc import Callable

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.markdown import render_markdown
from factcheck_tui.core.export.report import Report

FORMATS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
}


def render(report: Report, fmt: str) -> str:
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return renderer(report)
