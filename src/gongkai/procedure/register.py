"""The 主动公开 table (二、第二十条) computed from the agency's register of rules and documents.

Counting (annual-report-format.md §2.3 gives the columns, not how to count them; status I):

* ``issued`` (本年制发件数): documents whose 成文日期 falls in the year — the date the document
  was made and issued under its 文号;
* ``abolished`` (本年废止件数): documents whose 废止日期 falls in the year;
* ``in_force`` (现行有效件数): documents made by 31 December and not abolished by then.

So ``in_force(Y) = in_force(Y-1) + issued(Y) - abolished(Y)`` holds exactly for a register (the
checker's C6 is only approximate for published reports, whose registers are not seen). The 2019
format's columns map as: 本年新制作数量 = issued, 本年新公开数量 = documents whose 公开日期 is in
the year, 对外公开总数量 = documents made by 31 December and published by then (abolished ones
included: the 2019 format counts what was ever made public).

The other 第二十条 figures (行政许可, 行政处罚, 行政强制 decisions; 行政事业性收费 in 万元; 2019:
project counts, 采购) are not derived from documents: the agency enters them per year, and
:func:`disclosure_table` takes them as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from gongkai.report.formats import get_format
from gongkai.report.model import Value

__all__ = [
    "DocumentKind",
    "RegisterEntry",
    "disclosure_table",
    "document_counts",
    "index_number",
    "parse_index_number",
]


class DocumentKind(StrEnum):
    """The two rows of 第二十条第（一）项."""

    REGULATION = "regulations"  # 规章
    NORMATIVE = "normative_documents"  # 行政规范性文件 (2019: 规范性文件)


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One document of the register as the statistics see it."""

    kind: DocumentKind
    made: date  # 成文日期
    published: date | None = None  # 公开日期
    abolished: date | None = None  # 废止日期

    def __post_init__(self) -> None:
        DocumentKind(self.kind)
        if self.published is not None and self.published < self.made:
            raise ValueError(f"published: {self.published.isoformat()} is before 成文日期 {self.made.isoformat()}")
        if self.abolished is not None and self.abolished < self.made:
            raise ValueError(f"abolished: {self.abolished.isoformat()} is before 成文日期 {self.made.isoformat()}")


def _in(year: int, day: date | None) -> bool:
    return day is not None and day.year == year


def document_counts(entries: Iterable[RegisterEntry], year: int, format_key: str) -> dict[str, dict[str, int]]:
    """The 第二十条第（一）项 rows for ``year`` in the columns of ``format_key``."""
    end = date(year, 12, 31)
    counts: dict[str, dict[str, int]] = {}
    columns = [c.key for c in get_format(format_key).disclosure_tables[0].columns]
    for kind in DocumentKind:
        counts[kind.value] = dict.fromkeys(columns, 0)
    for entry in entries:
        row = counts[DocumentKind(entry.kind).value]
        if format_key == "2021":
            row["issued"] += _in(year, entry.made)
            row["abolished"] += _in(year, entry.abolished)
            row["in_force"] += entry.made <= end and (entry.abolished is None or entry.abolished > end)
        else:
            row["made"] += _in(year, entry.made)
            row["published"] += _in(year, entry.published)
            row["total_public"] += entry.published is not None and entry.published <= end
    return counts


def disclosure_table(
    entries: Iterable[RegisterEntry],
    year: int,
    format_key: str,
    figures: Mapping[str, Mapping[str, Value]] | None = None,
) -> dict[str, dict[str, Value]]:
    """The whole 二 table: document rows from the register, the other rows from ``figures``.

    ``figures`` maps row key → column key → value as entered by the agency (e.g.
    ``{"licensing": {"decisions": 120}, "fees": {"amount_10k_yuan": Decimal("12.5")}}``); a figure
    not entered stays ``None`` — never 0, since nobody said it was 0. Unknown keys are refused.
    """
    fmt = get_format(format_key)
    table: dict[str, dict[str, Value]] = {
        row.key: {col.key: None for col in t.columns} for t in fmt.disclosure_tables for row in t.rows
    }
    for key, row in document_counts(entries, year, format_key).items():
        table[key].update(row)
    for key, values in (figures or {}).items():
        if key not in table or key in DocumentKind._value2member_map_:
            raise ValueError(f"figures: {key!r} is not an entered row of the {format_key} format")
        for column, value in values.items():
            if column not in table[key]:
                raise ValueError(f"figures: {key}.{column} is not a column of the {format_key} format")
            if value is not None and not isinstance(value, int | Decimal):
                raise ValueError(f"figures: {key}.{column} must be a whole number or a decimal")
            table[key][column] = value
    return table


_INDEX = re.compile(r"^(?P<code>[0-9A-Z]{6,20})/(?P<year>\d{4})-(?P<serial>\d{1,9})$")


def index_number(agency_code: str, year: int, serial: int, width: int = 5) -> str:
    """The 索引号 in its usual form: agency code / year - serial ("11330800002618015K/2025-00012").

    Published registers use the agency's 统一社会信用代码 or organisation code, the year and a serial
    number within the year (seed 000 prints 11330800002618015K/2025-151075).
    """
    code = agency_code.strip().upper()
    if not re.fullmatch(r"[0-9A-Z]{6,20}", code):
        raise ValueError(f"agency code: {agency_code!r} is not 6–20 digits or capital letters")
    if serial < 1:
        raise ValueError("serial: starts at 1")
    return f"{code}/{year:04d}-{serial:0{width}d}"


def parse_index_number(text: str) -> tuple[str, int, int]:
    """(agency code, year, serial) of a 索引号; ValueError naming the text when it is not one."""
    m = _INDEX.match(text.strip())
    if not m:
        raise ValueError(f"索引号 {text!r} is not of the form CODE/YYYY-NNNNN")
    return m["code"], int(m["year"]), int(m["serial"])
