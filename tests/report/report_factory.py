"""Consistent reports built in code, for tests that break one rule at a time.

Every column gets different numbers, so a rule evaluated on the wrong column or row would fail.
"""

from __future__ import annotations

from decimal import Decimal

from gongkai.report import Report, get_format
from gongkai.report.formats import APPLICANT_COLUMNS

__all__ = ["TOTAL", "bump", "consistent_report", "row_sum"]

TOTAL = len(APPLICANT_COLUMNS) - 1


def row_sum(values: list[int | None]) -> int:
    return sum(v for v in values[:TOTAL] if v is not None)


def consistent_report(format_key: str = "2021", year: int | None = None, *, narrative: bool = True) -> Report:
    """A report in which every cross-total holds, with an overview that states matching numbers."""
    fmt = get_format(format_key)
    year = year if year is not None else (2024 if format_key == "2021" else 2020)
    report = Report.empty(format_key, year=year, agency="示例县人民政府办公室")
    apps = report.applications
    for i, row in enumerate(fmt.outcome_rows):
        apps[row] = [(i + c) % 4 for c in range(TOTAL)] + [0]
    apps["total_processed"] = [sum(apps[r][c] or 0 for r in fmt.outcome_rows) for c in range(TOTAL)] + [0]
    apps["carried_forward"] = [c % 3 for c in range(TOTAL)] + [0]
    apps["carried_over"] = [(c + 1) % 2 for c in range(TOTAL)] + [0]
    apps["new_received"] = [
        (apps["total_processed"][c] or 0) + (apps["carried_forward"][c] or 0) - (apps["carried_over"][c] or 0)
        for c in range(TOTAL)
    ] + [0]
    for values in apps.values():
        values[TOTAL] = row_sum(values)
    for block_index, block in enumerate(fmt.review_blocks):
        parts = {"maintained": block_index + 1, "corrected": 1, "other": 0, "pending": block_index}
        report.review_litigation[block.key] = {**parts, "total": sum(parts.values())}
    for table, row in fmt.disclosure_rows:
        for k, column in enumerate(table.columns):
            if column.type == "count":
                value: int | Decimal = 3 + k
            elif column.type == "signed_change":
                value = -2
            else:
                value = Decimal("12.5")
            report.active_disclosure[row.key][column.key] = value
    report.sections = {
        "overview": _overview(report) if narrative else "本年度依法做好政府信息公开工作。",
        "problems": "存在的主要问题:信息公开的及时性有待提高。改进情况:加强培训。",
        "other": "本年度未收取信息处理费。",
    }
    return report


def _overview(report: Report) -> str:
    apps = report.applications
    rl = report.review_litigation
    litigation = (rl["litigation_direct"]["total"] or 0) + (rl["litigation_after_reconsideration"]["total"] or 0)
    return (
        "(一)主动公开。全年主动公开政府信息1200余条。\n"
        f"(二)依申请公开。{report.year}年共收到政府信息公开申请{apps['new_received'][TOTAL]}件,"
        f"其中自然人申请{apps['new_received'][0]}件;办结{apps['total_processed'][TOTAL]}件,"
        f"结转下年度继续办理{apps['carried_forward'][TOTAL]}件。"
        f"全年发生政府信息公开行政复议案件{rl['reconsideration']['total']}件、"
        f"政府信息公开行政诉讼案件{litigation}件。\n"
    )


def bump(values: list[int | None], index: int, delta: int) -> None:
    """Add ``delta`` to one cell of an applications row (the cell must hold a number)."""
    value = values[index]
    assert value is not None
    values[index] = value + delta
