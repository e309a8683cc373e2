"""Reading an uploaded CSV or XLSX sheet into rows keyed by their header, with the line each came from.

The file is read by :mod:`gongkai.web.sheets`, as the ledger import reads it; here each row becomes
text keyed by its column header (dates in an XLSX come back as ISO dates). The import services check
every row and report every bad one by its line, so a clerk fixes the file once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from gongkai.web.errors import ServiceError
from gongkai.web.sheets import SheetError, cell_text
from gongkai.web.sheets import read_sheet as read_file

__all__ = ["SheetRow", "read_sheet"]


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
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return cell_text(value)


def read_sheet(data: bytes, name: str) -> list[SheetRow]:
    """Rows of a ``.csv`` (UTF-8, with or without BOM, or GB18030) or ``.xlsx`` file."""
    try:
        sheet = read_file(data, name)
    except SheetError as exc:
        raise ServiceError(str(exc), field="file") from None
    return [
        SheetRow(number, {header: _text(value) for header, value in zip(sheet.headers, row, strict=True) if header})
        for number, row in zip(sheet.numbers, sheet.rows, strict=True)
    ]
