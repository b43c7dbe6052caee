"""The export formats: one registry entry each says how the format renders and what goes into it.

Adding a format is one entry here (and its renderer module): the CLI's ``--format`` choices, the
export dialog's list, file suffixes and which claims are exported all follow from the entry.
"""

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
from factcheck_tui.core.text import shown

# A renderer gets the report and, for a publication, who publishes it and where (else None).
Renderer = Callable[[Report, Publishing | None], str]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    description: str
    suffix: str
    render: Renderer
    # A publication (ClaimReview) needs the organisation, and only finished, rated checks go out
    # unless every claim is asked for.
    publication: bool = False
    # A full-fidelity backup (JSON, what ``factcheck restore`` loads): it also keeps the archives
    # of imported checks, dismissed claims and the decisions on linked claims.
    backup: bool = False


def _report_only(render: Callable[[Report], str]) -> Renderer:
    return lambda report, _publishing: render(report)


def _read_by_people(render: Callable[[Report], str]) -> Renderer:
    """Markdown and HTML are read as they stand: stored text cannot reorder or hide itself in them.
    (The CSV makes its cells safe itself: its own line ends are \\r\\n. JSON keeps the stored text.)"""
    return lambda report, _publishing: shown(render(report))


def _published(report: Report, publishing: Publishing | None) -> str:
    if publishing is None:
        raise InputError("ClaimReview export needs the organisation and the review page URL")
    return render_claimreview(report, publishing)


FORMATS: dict[str, ExportFormat] = {
    item.name: item
    for item in (
        ExportFormat("md", "Markdown", "Markdown report for editors", ".md", _read_by_people(render_markdown)),
        ExportFormat(
            "html", "HTML", "printable HTML report, one self-contained file", ".html", _read_by_people(render_html)
        ),
        ExportFormat("csv", "CSV", "spreadsheet, one row per claim", ".csv", _report_only(render_csv)),
        ExportFormat(
            "json",
            "JSON",
            "full-fidelity JSON that 'factcheck restore' loads back",
            ".json",
            _report_only(render_json),
            backup=True,
        ),
        ExportFormat(
            "claimreview",
            "ClaimReview",
            "schema.org ClaimReview JSON-LD for search engines and partners",
            ".jsonld",
            _published,
            publication=True,
        ),
    )
}


def export_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(f"unknown export format {name!r}; choose one of: {', '.join(FORMATS)}") from None


def render(report: Report, fmt: str, publishing: Publishing | None = None) -> str:
    """The report as text; a publication also needs to know who publishes it and where."""
    return export_format(fmt).render(report, publishing)
