"""The export formats by name; each renders a ``Report`` to text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.claimreview import Publishing, render_claimreview
from factcheck_tui.core.export.csv_table import render_csv
from factcheck_tui.core.export.html import render_html
from factcheck_tui.core.export.jsonexport import render_json
from factcheck_tui.core.export.markdown import render_markdown
from factcheck_tui.core.export.report import Report


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    suffix: str


FORMATS: dict[str, ExportFormat] = {
    item.name: item
    for item in (
        ExportFormat("md", "Markdown report for editors", ".md"),
        ExportFormat("html", "printable HTML report, one self-contained file", ".html"),
        ExportFormat("csv", "spreadsheet, one row per claim", ".csv"),
        ExportFormat("json", "full-fidelity JSON that 'factcheck restore' loads back", ".json"),
        ExportFormat("claimreview", "schema.org ClaimReview JSON-LD for search engines and partners", ".jsonld"),
    )
}

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "html": render_html,
    "csv": render_csv,
    "json": render_json,
}


def render(report: Report, fmt: str, publishing: Publishing | None = None) -> str:
    """The report as text; ``claimreview`` also needs to know who publishes it and where."""
    if fmt == "claimreview":
        if publishing is None:
            raise InputError("ClaimReview export needs the organisation and the review page URL")
        return render_claimreview(report, publishing)
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return renderer(report)
