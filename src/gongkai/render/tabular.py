"""The numbers as a flat table for reviewers who live in Excel: one row per table cell.

Columns: table (section key), row key, row label, column key, column label, value — the keys
are the JSON keys of report-json.md, the labels those of the official layout, so a pivot table
over many exported reports lines up by key while a person reads the labels. CSV is written as
UTF-8 with a byte-order mark, which is what makes Excel on a Chinese Windows open it without
mojibake.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from gongkai.report.model import Report, Value, application_cell, disclosure_cell, review_cell

__all__ = ["HEADER", "cell_rows", "render_csv", "render_xlsx"]

HEADER: tuple[str, ...] = ("table", "row_key", "row_label", "column_key", "column_label", "value")

Row = tuple[str, str, str, str, str, Value]


def cell_rows(report: Report) -> Iterator[Row]:
    """Every numeric cell of the report, in table order."""
    fmt = report.definition
    for table in fmt.disclosure_tables:
        for row in table.rows:
            for col in table.columns:
                value = report.get(disclosure_cell(row.key, col.key))
                yield ("active_disclosure", row.key, row.label, col.key, col.label, value)
    for app_row in fmt.application_rows:
        for index, col in enumerate(fmt.applicant_columns):
            value = report.get(application_cell(app_row.key, index))
            yield ("applications", app_row.key, app_row.label, col.key, col.label, value)
    for block in fmt.review_blocks:
        label = f"{block.parent_label}：{block.label}" if block.parent_label else block.label
        for col in fmt.review_columns:
            value = report.get(review_cell(block.key, col.key))
            yield ("review_litigation", block.key, label, col.key, col.label, value)


def render_csv(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for *text, value in cell_rows(report):
        writer.writerow([*text, "" if value is None else value])
    return out.getvalue().encode("utf-8-sig")


def render_xlsx(report: Report) -> bytes:
    """One sheet of the same rows; values are numbers (blank cells stay empty)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "numbers"
    sheet.append(HEADER)
    for row in cell_rows(report):
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEF", (18, 26, 40, 18, 24, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
