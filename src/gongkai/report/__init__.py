"""The annual report: one declarative definition of both official formats, the typed model, checks."""

from gongkai.report.checks import check, check_pair
from gongkai.report.formats import Format, format_for_year, get_format
from gongkai.report.model import Finding, Report, ReportJSONError

__all__ = [
    "Finding",
    "Format",
    "Report",
    "ReportJSONError",
    "check",
    "check_pair",
    "format_for_year",
    "get_format",
]
