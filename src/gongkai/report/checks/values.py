"""Checks on the cells themselves: types and signs, blank cells, missing tables, blank applicant columns.

Blank or unreadable cells are ``None`` in the model (the reader never guesses). The checker reports them
once per table, so a clerk sees "12 cells of table 三 are blank" instead of twelve lines, and the
cross-totals that needed them are skipped rather than reported as wrong.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from gongkai.report.checks.codes import finding
from gongkai.report.checks.view import ReportView, as_whole, is_number
from gongkai.report.formats import APPLICANT_COLUMNS, Format
from gongkai.report.model import Finding, Report, application_cell, disclosure_cell, review_cell

__all__ = ["TABLES", "blank_applicant_rows", "check_blank_cells", "check_value_types", "missing_tables"]

TABLES: tuple[str, ...] = ("active_disclosure", "applications", "review_litigation")
"""The three tables of a report, by the section key whose heading introduces them."""

# How many cell labels a summarising message names before "等".
_LISTED_CELLS = 5


def _column_types(view: ReportView) -> dict[str, str]:
    return dict(_column_types_of(view.fmt))


@cache
def _column_types_of(fmt: Format) -> tuple[tuple[str, str], ...]:
    """Cell id -> value type from formats.yaml (count, signed_change, amount_…), once per layout."""
    types = dict.fromkeys(Report.empty(fmt.key).cell_ids(), "count")
    for table, row in fmt.disclosure_rows:
        for column in table.columns:
            types[disclosure_cell(row.key, column.key)] = column.type
    for block in fmt.review_blocks:
        for column in fmt.review_columns:
            types[review_cell(block.key, column.key)] = column.type
    return tuple(types.items())


class _Label:
    """A cell's printed label, computed only when a message needs it (most cells are fine)."""

    def __init__(self, view: ReportView, cell: str) -> None:
        self.view, self.cell = view, cell

    def __str__(self) -> str:
        return self.view.cell_label(self.cell)


def check_value_types(view: ReportView) -> list[Finding]:
    """Counts must be whole numbers ≥ 0, 本年增/减 whole numbers, amounts ≥ 0 (one finding per cell)."""
    findings: list[Finding] = []
    for cell, kind in _column_types(view).items():
        value = view.raw(cell)
        if value is None:
            continue
        label = _Label(view, cell)
        if not is_number(value) or not isinstance(value, int | float | Decimal):
            code = (
                "counts.non_negative_integer"
                if kind == "count"
                else ("counts.signed_integer" if kind == "signed_change" else "amounts.non_negative")
            )
            findings.append(finding(code, f"{label}：“{value}”不是数字。", [cell]))
        elif kind == "count" and (as_whole(value) is None or value < 0):
            findings.append(
                finding("counts.non_negative_integer", f"{label}为{value}，件数应为不小于0的整数。", [cell])
            )
        elif kind == "signed_change" and as_whole(value) is None:
            findings.append(finding("counts.signed_integer", f"{label}为{value}，增减数应为整数。", [cell]))
        elif kind.startswith("amount") and value < 0:
            findings.append(finding("amounts.non_negative", f"{label}为{value}，金额不应为负数。", [cell]))
    return findings


def missing_tables(view: ReportView) -> list[str]:
    """Tables of which not a single cell holds a value (not printed, or nothing could be read)."""
    return [table for table in TABLES if all(view.raw(cell) is None for cell in view.table_cells(table))]


def blank_applicant_rows(view: ReportView) -> list[str]:
    """Rows of 三 whose six applicant cells are blank while 总计 is filled (only the total printed)."""
    total = len(APPLICANT_COLUMNS) - 1
    return [
        row
        for row in view.fmt.application_row_keys
        if view.raw(application_cell(row, total)) is not None
        and all(view.raw(application_cell(row, i)) is None for i in range(total))
    ]


def check_blank_cells(view: ReportView) -> list[Finding]:
    """tables.missing (error), applications.applicants_blank and cells.placeholders (warnings, one per table)."""
    findings: list[Finding] = []
    missing = missing_tables(view)
    for table in missing:
        cells = view.table_cells(table)
        findings.append(
            finding(
                "tables.missing",
                f"{view.section_label(table)}：整张表格没有任何数字（未印出或无法识别），无法核对。",
                cells,
            )
        )
    covered: set[str] = set()
    if "applications" not in missing:
        rows = blank_applicant_rows(view)
        if rows:
            total = len(APPLICANT_COLUMNS) - 1
            covered = {application_cell(row, i) for row in rows for i in range(total)}
            names = "、".join(view.row_label(row) for row in rows[:_LISTED_CELLS])
            more = f"等{len(rows)}行" if len(rows) > _LISTED_CELLS else f"共{len(rows)}行"
            findings.append(
                finding(
                    "applications.applicants_blank",
                    f"{view.section_label('applications')}：{names}{more}只填了总计，"
                    f"{view.column_label(0)}至{view.column_label(total - 1)}各列为空，按申请人的核对无法进行。",
                    sorted(covered, key=view.report_cell_ids().index),
                )
            )
    for table in TABLES:
        if table in missing:
            continue
        blank = [cell for cell in view.table_cells(table) if view.raw(cell) is None and cell not in covered]
        if not blank:
            continue
        names = "、".join(view.cell_label(cell) for cell in blank[:_LISTED_CELLS])
        more = "等" if len(blank) > _LISTED_CELLS else ""
        findings.append(
            finding(
                "cells.placeholders",
                f"{view.section_label(table)}：{len(blank)}个单元格空白或无法识别（{names}{more}），"
                "涉及这些单元格的勾稽关系未核对；如应为0，请填写0。",
                blank,
            )
        )
    return findings
