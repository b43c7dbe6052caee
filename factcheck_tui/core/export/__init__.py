"""Verdict reports: one report model, rendered to each publishable format.

Front ends call ``export_report`` / ``write_export`` with an ``ExportOptions``.
"""

from factcheck_tui.core.export.exporter import Export, build_export, export_report, select, write_export
from factcheck_tui.core.export.formats import FORMATS, render
from factcheck_tui.core.export.options import ExportOptions
from factcheck_tui.core.export.report import Report, StoryReport, build_report
from factcheck_tui.core.export.wording import selection_line

__all__ = [
    "FORMATS",
    "Export",
    "ExportOptions",
    "Report",
    "StoryReport",
    "build_export",
    "build_report",
    "export_report",
    "render",
    "select",
    "selection_line",
    "write_export",
]
