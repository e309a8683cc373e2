"""Reading an uploaded CSV or XLSX sheet into rows keyed by their header, with the line each came from.

The first non-empty row is the header; cells are text (dates in an XLSX come back as ISO dates). The
import services check every row and report every bad one by its line, so a clerk fixes the file once.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from gongkai.web.errors import ServiceError

__all__ = ["SheetRow", "read_sheet"]

MAX_ROWS = 20000


@dataclass(frozen=True)
class SheetRow:
    line: int
    cells: dict[str, str]

    def get(self, *names: str) -> str:
        """The first of ``names`` that is a column, stripped ("" when none is)."""
        for name in names:
            if name in self.cells:
                return self.cells[name].strip()
        return ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(matrix: list[list[str]], name: str) -> list[SheetRow]:
    lines = [(i + 1, row) for i, row in enumerate(matrix) if any(c.strip() for c in row)]
    if not lines:
        raise ServiceError(f"{name}: 文件中没有数据", field="file")
    _, header = lines[0]
    names = [h.strip().lstrip("\ufeff") for h in header]
    if len(lines) - 1 > MAX_ROWS:
        raise ServiceError(f"{name}: 一次最多导入{MAX_ROWS}行", field="file")
    return [
        SheetRow(line, {n: (row[i] if i < len(row) else "") for i, n in enumerate(names) if n})
        for line, row in lines[1:]
    ]


def read_sheet(data: bytes, name: str) -> list[SheetRow]:
    """Rows of a ``.csv`` (UTF-8, with or without BOM, or GB18030) or ``.xlsx`` file."""
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise ServiceError(f"{name}: 不是可读取的 XLSX 文件（{type(exc).__name__}）", field="file") from None
        sheet = book.worksheets[0]
        matrix = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
        return _rows(matrix, name)
    if not name.lower().endswith(".csv"):
        raise ServiceError(f"{name}: 只能导入 CSV 或 XLSX 文件", field="file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ServiceError(f"{name}: 无法识别文件编码（应为 UTF-8 或 GB18030）", field="file")
    return _rows([list(r) for r in csv.reader(io.StringIO(text))], name)
