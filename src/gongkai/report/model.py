"""The typed model of one annual report, and its JSON form (shared/reference/report-json.md).

Values are ``int`` for counts, :class:`~decimal.Decimal` for amounts (exact: 251000元 → 25.1万元) and
``None`` for a cell that is blank or could not be read — never a guess. The shape of every table
comes from :mod:`gongkai.report.formats`, so a report of either layout has exactly the keys of its
format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from gongkai.report.formats import APPLICANT_COLUMNS, FORMAT_KEYS, Format, get_format

__all__ = [
    "SECTION_KEYS",
    "Finding",
    "Report",
    "ReportJSONError",
    "Severity",
    "Value",
    "application_cell",
    "disclosure_cell",
    "review_cell",
]

Value = int | Decimal | None
Severity = Literal["error", "warning"]

SECTION_KEYS: tuple[str, ...] = ("overview", "problems", "other")
"""The narrative sections kept as text (一、总体情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项)."""


def application_cell(row: str, column: int | str) -> str:
    """Stable id of an applications cell, e.g. ``applications.new_received[6]``."""
    index = APPLICANT_COLUMNS.index(column) if isinstance(column, str) else column
    return f"applications.{row}[{index}]"


def disclosure_cell(row: str, column: str) -> str:
    return f"active_disclosure.{row}.{column}"


def review_cell(block: str, column: str) -> str:
    return f"review_litigation.{block}.{column}"


@dataclass(frozen=True)
class Finding:
    """One result of reading or checking: stable code, severity, the cells involved, a plain message."""

    code: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "cells": list(self.cells),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        return cls(data["code"], data["severity"], data["message"], tuple(data.get("cells", ())))


class ReportJSONError(ValueError):
    """A JSON document that is not a report in the form of report-json.md; the message names the key."""


@dataclass
class Report:
    """One annual report: metadata, the three tables, narrative sections, findings."""

    format: str
    year: int | None = None
    agency: str | None = None
    active_disclosure: dict[str, dict[str, Value]] = field(default_factory=dict)
    applications: dict[str, list[Value]] = field(default_factory=dict)
    review_litigation: dict[str, dict[str, Value]] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def definition(self) -> Format:
        return get_format(self.format)

    @classmethod
    def empty(cls, format: str, year: int | None = None, agency: str | None = None) -> Report:
        """A report of ``format`` with every cell present and ``None`` (nothing read yet)."""
        fmt = get_format(format)
        return cls(
            format=fmt.key,
            year=year,
            agency=agency,
            active_disclosure={
                row.key: {col.key: None for col in table.columns}
                for table in fmt.disclosure_tables
                for row in table.rows
            },
            applications={row.key: [None] * len(APPLICANT_COLUMNS) for row in fmt.application_rows},
            review_litigation={b.key: {c.key: None for c in fmt.review_columns} for b in fmt.review_blocks},
        )

    # -- cell access by id -------------------------------------------------------------------
    def cell_ids(self) -> list[str]:
        """Every numeric cell of the layout, in table order."""
        fmt = self.definition
        ids = [disclosure_cell(r.key, c.key) for t in fmt.disclosure_tables for r in t.rows for c in t.columns]
        ids += [application_cell(r, i) for r in fmt.application_row_keys for i in range(len(APPLICANT_COLUMNS))]
        ids += [review_cell(b, c) for b, c in fmt.review_cell_order]
        return ids

    def get(self, cell: str) -> Value:
        table, _, rest = cell.partition(".")
        if table == "applications":
            row, _, idx = rest.partition("[")
            return self.applications[row][int(idx.rstrip("]"))]
        first, _, second = rest.partition(".")
        if table == "active_disclosure":
            return self.active_disclosure[first][second]
        if table == "review_litigation":
            return self.review_litigation[first][second]
        raise KeyError(cell)

    def set(self, cell: str, value: Value) -> None:
        table, _, rest = cell.partition(".")
        if table == "applications":
            row, _, idx = rest.partition("[")
            self.applications[row][int(idx.rstrip("]"))] = value
            return
        first, _, second = rest.partition(".")
        if table == "active_disclosure":
            self.active_disclosure[first][second] = value
        elif table == "review_litigation":
            self.review_litigation[first][second] = value
        else:
            raise KeyError(cell)

    def numbers(self) -> dict[str, Value]:
        """All cells as one flat mapping id → value (what round-trip tests compare)."""
        return {cell: self.get(cell) for cell in self.cell_ids()}

    # -- JSON ------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The object of report-json.md, keys in the documented order."""
        fmt = self.definition
        return {
            "format": self.format,
            "year": self.year,
            "agency": self.agency,
            "active_disclosure": {
                r.key: {c.key: _json_value(self.active_disclosure[r.key][c.key]) for c in t.columns}
                for t in fmt.disclosure_tables
                for r in t.rows
            },
            "applications": {k: [_json_value(v) for v in self.applications[k]] for k in fmt.application_row_keys},
            "review_litigation": {
                b.key: {c.key: _json_value(self.review_litigation[b.key][c.key]) for c in fmt.review_columns}
                for b in fmt.review_blocks
            },
            "sections": {k: self.sections[k] for k in SECTION_KEYS if k in self.sections},
            "findings": [f.to_json() for f in self.findings],
        }

    def dumps(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: Any) -> Report:
        """Build a report from its JSON object, validating every key and value against its format."""
        if not isinstance(data, dict):
            raise ReportJSONError("a report must be a JSON object")
        fmt_key = str(data.get("format"))
        if fmt_key not in FORMAT_KEYS:
            raise ReportJSONError(f"format: {data.get('format')!r} is not one of {', '.join(FORMAT_KEYS)}")
        report = cls.empty(fmt_key)
        year = data.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise ReportJSONError(f"year: {year!r} is not a whole number")
        report.year = year
        agency = data.get("agency")
        if agency is not None and not isinstance(agency, str):
            raise ReportJSONError("agency: must be text or null")
        report.agency = agency
        fmt = report.definition
        ad = _mapping(data, "active_disclosure")
        for table in fmt.disclosure_tables:
            for row in table.rows:
                values = _mapping(ad, row.key, f"active_disclosure.{row.key}")
                for col in table.columns:
                    where = disclosure_cell(row.key, col.key)
                    report.active_disclosure[row.key][col.key] = _parse_value(values.get(col.key), where, col.type)
        apps = _mapping(data, "applications")
        for key in fmt.application_row_keys:
            printed = apps.get(key)
            if not isinstance(printed, list) or len(printed) != len(APPLICANT_COLUMNS):
                raise ReportJSONError(f"applications.{key}: must be a list of {len(APPLICANT_COLUMNS)} values")
            report.applications[key] = [_parse_count(v, application_cell(key, i)) for i, v in enumerate(printed)]
        rl = _mapping(data, "review_litigation")
        for block in fmt.review_blocks:
            values = _mapping(rl, block.key, f"review_litigation.{block.key}")
            for col in fmt.review_columns:
                report.review_litigation[block.key][col.key] = _parse_count(
                    values.get(col.key), review_cell(block.key, col.key)
                )
        sections = data.get("sections") or {}
        if not isinstance(sections, dict):
            raise ReportJSONError("sections: must be an object")
        report.sections = {k: str(v) for k, v in sections.items() if k in SECTION_KEYS and v is not None}
        findings = data.get("findings") or []
        try:
            report.findings = [Finding.from_json(f) for f in findings]
        except (KeyError, TypeError) as exc:
            raise ReportJSONError(f"findings: malformed entry ({exc})") from None
        return report

    @classmethod
    def loads(cls, text: str) -> Report:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReportJSONError(f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        return cls.from_json(data)


def _mapping(data: dict[str, Any], key: str, where: str | None = None) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ReportJSONError(f"{where or key}: missing or not an object")
    return value


def _parse_count(value: Any, where: str) -> int | Decimal | None:
    """A count cell. A fraction or a negative number is kept as printed, not refused: it is a
    defect of the published report that the checker reports (counts.non_negative_integer)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ReportJSONError(f"{where}: {value!r} is not a number")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ReportJSONError(f"{where}: {value!r} is not a number")
        return int(value) if value.is_integer() else Decimal(str(value))
    return value


def _parse_value(value: Any, where: str, kind: str) -> Value:
    if kind in ("count", "signed_change"):
        return _parse_count(value, where)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ReportJSONError(f"{where}: {value!r} is not a number")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ReportJSONError(f"{where}: {value!r} is not a number") from None


def _json_value(value: Value) -> int | float | None:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
