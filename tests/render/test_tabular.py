"""CSV/XLSX: one row per table cell with keys, labels and the value; blank cells stay blank."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from gongkai.render import render
from gongkai.render.tabular import HEADER

from .conftest import synthetic_report


def _expected(report_cells: dict[str, object]) -> list[str]:
    return ["" if v is None else str(v) for v in report_cells.values()]


def test_csv_has_one_row_per_cell() -> None:
    report = synthetic_report("2019", 41)
    data = render(report, "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == HEADER
    assert len(rows) - 1 == len(report.cell_ids())
    assert [r[5] for r in rows[1:]] == _expected(report.numbers())
    procurement = next(r for r in rows if r[1] == "procurement" and r[3] == "amount_10k_yuan")
    assert procurement[:5] == ["active_disclosure", "procurement", "政府集中采购", "amount_10k_yuan", "采购总金额"]


def test_xlsx_values_are_numbers() -> None:
    report = synthetic_report("2021", 42)
    book = load_workbook(io.BytesIO(render(report, "xlsx")))
    sheet = book["numbers"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADER
    assert len(rows) - 1 == len(report.cell_ids())
    for row, (cell, value) in zip(rows[1:], report.numbers().items(), strict=True):
        if value is None:
            assert row[5] is None, cell
        else:
            assert Decimal(str(row[5])) == value, cell
    review = [r for r in rows if r[0] == "review_litigation"]
    assert review[5][2] == "行政诉讼：未经复议直接起诉"
