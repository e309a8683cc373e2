"""Uploaded spreadsheets (CSV or XLSX) read as a header and rows that keep their spreadsheet row numbers.

Both imports — the ledger (ledger.importing) and the register (register.tabular) — read files here, so
they accept the same files and name a bad row by the number the clerk sees in Excel, blank rows
included. Cells come back as read: text, numbers, dates or None; each import interprets them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

__all__ = ["MAX_ROWS", "Sheet", "SheetError", "cell_text", "read_sheet"]

MAX_ROWS = 20000


class SheetError(ValueError):
    """The file as a whole cannot be read (not a table, no data, too many rows); the message names it."""


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: list[str]
    rows: list[list[Any]]  # each padded or cut to the header's width
    numbers: list[int]  # the spreadsheet row number of each row (the header is numbered too)


def cell_text(value: Any) -> str:
    """A cell as text: None → "", 12.0 → "12", everything else stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(data: bytes, name: str) -> Sheet:
    """The first sheet of an XLSX, or a CSV (UTF-8 with or without BOM, else GB18030)."""
    suffix = PurePath(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        matrix = _read_xlsx(data, name)
    elif suffix in (".csv", ".txt"):
        matrix = _read_csv(data)
    else:
        raise SheetError(f"{name}：只能导入 CSV 或 XLSX 文件（.csv、.xlsx）")
    lines = [(number, row) for number, row in enumerate(matrix, start=1) if any(cell_text(c) for c in row)]
    if not lines:
        raise SheetError(f"{name}：文件中没有数据")
    if len(lines) - 1 > MAX_ROWS:
        raise SheetError(f"{name}：一次最多导入 {MAX_ROWS} 行，请分批导入")
    headers = [cell_text(c).lstrip("\ufeff") for c in lines[0][1]]
    width = len(headers)
    rows = [[*row[:width], *[None] * (width - len(row))] for _, row in lines[1:]]
    return Sheet(name=name, headers=headers, rows=rows, numbers=[number for number, _ in lines[1:]])


def _read_xlsx(data: bytes, name: str) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError or its own errors for a damaged file
        raise SheetError(f"{name}：无法作为 Excel 文件读取（{type(exc).__name__}）") from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _read_csv(data: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [list(row) for row in csv.reader(io.StringIO(text))]
    raise SheetError("无法识别文件编码（应为 UTF-8 或 GB18030）")
