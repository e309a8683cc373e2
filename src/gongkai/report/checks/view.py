"""Safe reading of a report that may be incomplete, and the printed label of every cell.

The checker must never raise, whatever a parser or a hand-made JSON put into a :class:`Report`: a row
may be missing, a list too short, a value of the wrong type. :class:`ReportView` reads every cell as
"a whole number or nothing" and names cells the way the clerk sees them in the printed table
(labels come from the :class:`Format`, never retyped).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from gongkai.report.formats import APPLICANT_COLUMNS, Format
from gongkai.report.model import Report

__all__ = ["ReportView", "as_whole", "is_number"]

# A trailing explanatory note in a row label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）".
_TRAILING_NOTE = re.compile(r"(?<=.)（[^（）]*）$")


def is_number(value: object) -> bool:
    """True for the value types a cell may hold (int, Decimal, float), bool excluded."""
    if isinstance(value, bool):
        return False
    if isinstance(value, Decimal):
        return value.is_finite()
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int)


def as_whole(value: object) -> int | None:
    """The value as a whole number, or None when it is blank, not a number or has a fraction."""
    if not is_number(value):
        return None
    if isinstance(value, int):
        return value
    assert isinstance(value, Decimal | float)
    if value != int(value):
        return None
    return int(value)


@dataclass(frozen=True)
class ReportView:
    """A report together with its layout; every accessor tolerates missing or malformed data."""

    report: Report
    fmt: Format
    _memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    # -- raw values ---------------------------------------------------------------------------
    def raw(self, cell: str) -> object:
        """The stored value of a cell id, or None when the report lacks it (never raises).

        Read once per view: a check run reads each cell several times and the report does not change.
        """
        if cell in self._memo:
            return self._memo[cell]
        value = self._read(cell)
        self._memo[cell] = value
        return value

    def _read(self, cell: str) -> object:
        table, _, rest = cell.partition(".")
        try:
            if table == "applications":
                row, _, idx = rest.partition("[")
                values = _mapping(self.report.applications).get(row)
                index = int(idx.rstrip("]"))
                if isinstance(values, list | tuple) and 0 <= index < len(values):
                    return values[index]
                return None
            first, _, second = rest.partition(".")
            source: object = None
            if table == "active_disclosure":
                source = self.report.active_disclosure
            elif table == "review_litigation":
                source = self.report.review_litigation
            if source is None:
                return None
            return _mapping(_mapping(source).get(first)).get(second)
        except (ValueError, TypeError):
            return None

    def whole(self, cell: str) -> int | None:
        return as_whole(self.raw(cell))

    # -- labels -------------------------------------------------------------------------------
    def column_label(self, column: int | str) -> str:
        """自然人, 法人或其他组织·商业企业 … 总计 (organisation columns carry their header)."""
        index = APPLICANT_COLUMNS.index(column) if isinstance(column, str) else column
        label = self.fmt.applicant_columns[index].label
        if 0 < index < len(APPLICANT_COLUMNS) - 1:
            return f"{self.fmt.organisation_header}·{label}"
        return label

    def row_label(self, key: str) -> str:
        """The printed row label without its trailing note, prefixed by its group: （三）不予公开·1.属于国家秘密."""
        groups = {g.key: g for g in self.fmt.application_groups}
        for row in self.fmt.application_rows:
            if row.key == key:
                label = _TRAILING_NOTE.sub("", row.label)
                group = groups.get(row.group or "")
                if group is not None and group.parent is not None:
                    return f"{group.label}·{label}"
                return label
        return key

    def block_label(self, key: str) -> str:
        for block in self.fmt.review_blocks:
            if block.key == key:
                return f"{block.parent_label}·{block.label}" if block.parent_label else block.label
        return key

    def review_column_label(self, key: str) -> str:
        return next((c.label for c in self.fmt.review_columns if c.key == key), key)

    def disclosure_label(self, row: str, column: str) -> str:
        for table in self.fmt.disclosure_tables:
            for r in table.rows:
                if r.key == row:
                    col = next((c.label for c in table.columns if c.key == column), column)
                    return f"{table.caption}·{r.label}·{col}"
        return f"{row}·{column}"

    def section_label(self, key: str) -> str:
        return next((s.label for s in self.fmt.sections if s.key == key), key)

    def cell_label(self, cell: str) -> str:
        """How a clerk finds a cell in the printed table, e.g. ``一、本年新收政府信息公开申请数量·总计``."""
        table, _, rest = cell.partition(".")
        if table == "applications":
            row, _, idx = rest.partition("[")
            try:
                return f"{self.row_label(row)}·{self.column_label(int(idx.rstrip(']')))}"
            except (ValueError, IndexError):
                return cell
        first, _, second = rest.partition(".")
        if table == "review_litigation":
            return f"{self.block_label(first)}·{self.review_column_label(second)}"
        if table == "active_disclosure":
            return self.disclosure_label(first, second)
        return cell

    def table_cells(self, table: str) -> list[str]:
        """The cell ids of one table of the layout (active_disclosure, applications, review_litigation)."""
        return [cell for cell in self.report_cell_ids() if cell.startswith(f"{table}.")]

    def report_cell_ids(self) -> list[str]:
        return list(_cell_ids(self.fmt.key))


@cache
def _cell_ids(format_key: str) -> tuple[str, ...]:
    return tuple(Report.empty(format_key).cell_ids())


def _mapping(value: object) -> dict[object, object]:
    return value if isinstance(value, dict) else {}
