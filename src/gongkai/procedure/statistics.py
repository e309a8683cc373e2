"""The annual report's tables computed from the ledger: applications (三) and review/litigation (四).

Year assignment (annual-report-format.md §7, status I — the texts do not fix it):

* ``new_received``: applications whose 第三十一条 receipt date is in the year;
* ``carried_over``: received before the year and not concluded before 1 January;
* outcome rows: applications concluded (final decision) during the year, under their outcome;
* ``carried_forward``: received by 31 December and not concluded by then.

So every application on hand during the year is counted exactly once on each side of the balance
(new + carried over = concluded + carried forward — check C1 holds by construction) and year Y's
carried-forward row is year Y+1's carried-over row.

Review and litigation cases: a case is counted in a year if it was filed in that year or was still
pending on 1 January (a case pending at the end of one report is reported again, with its result,
in the next); its column is its result on 31 December, ``pending`` when not yet concluded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.procedure.outcomes import decision, final_outcomes, table_row
from gongkai.report.formats import APPLICANT_COLUMNS, format_for_year, get_format
from gongkai.report.model import Report

__all__ = [
    "APPLICANT_TYPES",
    "Case",
    "CaseKind",
    "CaseResult",
    "LedgerEntry",
    "application_table",
    "ledger_report",
    "review_table",
]

APPLICANT_TYPES: tuple[str, ...] = APPLICANT_COLUMNS[:-1]
"""The six applicant columns an application can belong to (总计 is their sum)."""


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One application as the statistics see it (the ledger keeps far more)."""

    received: date
    applicant: str
    concluded: date | None = None
    outcome: str | None = None

    def __post_init__(self) -> None:
        if self.applicant not in APPLICANT_TYPES:
            raise ValueError(f"applicant: {self.applicant!r} is not one of {', '.join(APPLICANT_TYPES)}")
        if (self.concluded is None) != (self.outcome is None):
            raise ValueError("concluded and outcome: give both (a concluded application) or neither")
        if self.concluded is not None and self.concluded < self.received:
            raise ValueError(
                f"concluded: {self.concluded.isoformat()} is before the receipt date {self.received.isoformat()}"
            )
        if self.outcome is not None and not decision(self.outcome).final:
            raise ValueError(f"outcome: {self.outcome!r} is an interim decision, not a final outcome")


def application_table(entries: Iterable[LedgerEntry], year: int, format_key: str) -> dict[str, list[int | None]]:
    """The applications table of ``year`` in the layout ``format_key`` (row key → seven values).

    One pass over the entries with plain list counters: a million applications take about a second.
    """
    fmt = get_format(format_key)
    start, end = date(year, 1, 1), date(year, 12, 31)
    column = {key: i for i, key in enumerate(APPLICANT_TYPES)}
    rows = fmt.outcome_rows
    row_index = {key: i for i, key in enumerate(rows)}
    outcome_row = {key: row_index[table_row(key, fmt.key)] for key in final_outcomes()}
    width = len(APPLICANT_TYPES)
    new = [0] * width
    over = [0] * width
    forward = [0] * width
    results = [[0] * width for _ in rows]
    for entry in entries:
        received = entry.received
        if received > end:
            continue
        concluded = entry.concluded
        col = column[entry.applicant]
        if received < start:
            if concluded is not None and concluded < start:
                continue
            over[col] += 1
        else:
            new[col] += 1
        if concluded is None or concluded > end:
            forward[col] += 1
        else:
            results[outcome_row[entry.outcome or ""]][col] += 1
    table: dict[str, list[int | None]] = {}

    def put(key: str, values: list[int]) -> None:
        table[key] = [*values, sum(values)]

    put("new_received", new)
    put("carried_over", over)
    for key, values in zip(rows, results, strict=True):
        put(key, values)
    put("total_processed", [sum(r[c] for r in results) for c in range(width)])
    put("carried_forward", forward)
    return {key: table[key] for key in fmt.application_row_keys}


class CaseKind(StrEnum):
    RECONSIDERATION = "reconsideration"  # 行政复议
    LITIGATION_DIRECT = "litigation_direct"  # 未经复议直接起诉
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration"  # 复议后起诉


class CaseResult(StrEnum):
    MAINTAINED = "maintained"  # 结果维持
    CORRECTED = "corrected"  # 结果纠正
    OTHER = "other"  # 其他结果


@dataclass(frozen=True)
class Case:
    """One reconsideration or lawsuit about the agency's disclosure work."""

    kind: CaseKind
    filed: date
    concluded: date | None = None
    result: CaseResult | None = None

    def __post_init__(self) -> None:
        if (self.concluded is None) != (self.result is None):
            raise ValueError("case concluded and result: give both (a concluded case) or neither")
        if self.concluded is not None and self.concluded < self.filed:
            raise ValueError(f"case concluded: {self.concluded.isoformat()} is before it was filed ({self.filed})")


def review_table(cases: Iterable[Case], year: int) -> dict[str, dict[str, int | None]]:
    """The review/litigation table of ``year``: per block, maintained/corrected/other/pending/total."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    table: dict[str, dict[str, int | None]] = {
        kind.value: {"maintained": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0} for kind in CaseKind
    }
    for case in cases:
        if case.filed > end or (case.concluded is not None and case.concluded < start):
            continue
        block = table[CaseKind(case.kind).value]
        done = case.concluded is not None and case.concluded <= end and case.result is not None
        column = CaseResult(case.result).value if done and case.result is not None else "pending"
        block[column] = int(block[column] or 0) + 1
        block["total"] = int(block["total"] or 0) + 1
    return table


def ledger_report(
    entries: Iterable[LedgerEntry],
    year: int,
    *,
    cases: Iterable[Case] = (),
    format_key: str | None = None,
    agency: str | None = None,
) -> Report:
    """A :class:`Report` of ``year`` with the applications and review tables filled from the ledger.

    The format defaults to the one the year must use; the 第二十条 tables stay empty (``None``): they
    do not come from the application ledger.
    """
    key = format_key or format_for_year(year).key
    report = Report.empty(key, year=year, agency=agency)
    report.applications = {row: list(values) for row, values in application_table(entries, year, key).items()}
    report.review_litigation = {block: dict(values) for block, values in review_table(cases, year).items()}
    return report
