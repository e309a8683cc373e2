"""The two entry points: :func:`check` (one report) and :func:`check_pair` (two consecutive years).

Both are total functions: whatever a :class:`Report` holds — ``None`` anywhere, absent rows, a
format nobody knows — they return findings and never raise, so one odd report cannot stop a batch.
"""

from __future__ import annotations

from datetime import date

from gongkai.report.checks.arithmetic import check_cross_totals, check_cross_year
from gongkai.report.checks.codes import finding
from gongkai.report.checks.layout import (
    check_cited_format,
    check_layout_year,
    check_publication,
    check_sections,
)
from gongkai.report.checks.narrative import check_narrative
from gongkai.report.checks.values import check_blank_cells, check_value_types
from gongkai.report.checks.view import ReportView
from gongkai.report.formats import FORMAT_KEYS, Format, get_format
from gongkai.report.model import Finding, Report

__all__ = ["check", "check_pair", "merge_findings"]


def _format_of(report: Report) -> Format | None:
    key = str(getattr(report, "format", None))
    return get_format(key) if key in FORMAT_KEYS else None


def merge_findings(read: list[Finding], checked: list[Finding]) -> list[Finding]:
    """The reader's findings, then the checker's, without saying one thing twice.

    The reader knows what was printed ("/", "—", digits run together, a truncated table); the
    checker only sees that a value is missing. So a checker finding about missing values
    (cells.placeholders) is dropped when the reader has already explained every one of its cells,
    and any checker finding is dropped when the reader gave the same code for the same or more cells.
    """
    explained: set[str] = set()
    covered: dict[str, set[str]] = {}
    for f in read:
        explained.update(f.cells)
        covered.setdefault(f.code, set()).update(f.cells)
    merged = list(read)
    for f in checked:
        cells = set(f.cells)
        if f in merged or (cells and cells <= covered.get(f.code, set())):
            continue
        if f.code == "cells.placeholders" and cells and cells <= explained:
            continue
        merged.append(f)
    return merged


def check(report: Report, *, published: date | None = None, agency_level: str | None = None) -> list[Finding]:
    """Every single-report check, errors and warnings, in a stable order.

    ``published`` (the publication date) and ``agency_level`` ("department": 县级以上人民政府部门,
    deadline 31 January; "government": 本级政府 report, deadline 31 March) enable the publication-date
    warnings; without the level only the later deadline is applied.
    """
    fmt = _format_of(report)
    if fmt is None:
        shown = getattr(report, "format", None)
        return [
            finding(
                "layout.unknown_format",
                f"报告格式“{shown}”不是已知的年度报告格式（{'、'.join(FORMAT_KEYS)}），无法核对表格。",
            ),
            *check_sections(report, get_format(FORMAT_KEYS[0])),
        ]
    view = ReportView(report, fmt)
    findings: list[Finding] = []
    findings += check_layout_year(report, fmt)
    findings += check_blank_cells(view)
    findings += check_value_types(view)
    findings += check_cross_totals(view)
    findings += check_sections(report, fmt)
    findings += check_cited_format(report, fmt)
    findings += check_narrative(view)
    findings += check_publication(view, published, agency_level)
    return findings


def check_pair(previous: Report, current: Report) -> list[Finding]:
    """Cross-year warnings (C5 carry-over, C6 rules in force) between year Y-1 and year Y of one agency.

    Cells of the previous report are named ``previous:<cell id>``. Reports whose years are not
    consecutive, whose agencies differ, or whose format is unknown give one ``pair.not_comparable``.
    """
    previous_fmt, current_fmt = _format_of(previous), _format_of(current)
    if previous_fmt is None or current_fmt is None:
        return [finding("pair.not_comparable", "至少一份报告的表格格式无法确定，不能作跨年度比较。")]
    previous_year, current_year = previous.year, current.year
    if not isinstance(previous_year, int) or not isinstance(current_year, int):
        return [finding("pair.not_comparable", "至少一份报告的年度不明，不能确认两份报告是相邻年度。")]
    if previous_year + 1 != current_year:
        return [
            finding(
                "pair.not_comparable",
                f"两份报告的年度为{previous.year}年和{current.year}年，不是相邻年度，不作跨年度比较。",
            )
        ]
    agencies = [_agency_key(r.agency) for r in (previous, current)]
    if all(agencies) and agencies[0] != agencies[1]:
        return [
            finding(
                "pair.not_comparable",
                f"两份报告的机关不同（“{previous.agency}”与“{current.agency}”），不作跨年度比较。",
            )
        ]
    return check_cross_year(ReportView(previous, previous_fmt), ReportView(current, current_fmt))


def _agency_key(agency: object) -> str:
    return "".join(agency.split()) if isinstance(agency, str) else ""
