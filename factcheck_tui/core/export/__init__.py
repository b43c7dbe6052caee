"""Verdict reports: one report model, rendered to each publishable format."""

from factcheck_tui.core.export.report import Report, StoryReport, build_report
from factcheck_tui.core.export.formats import FORMATS, render

__all__ = ["FORMATS", "Report", "StoryReport", "build_report", "render"]
