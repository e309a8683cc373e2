"""Every finding code the checker can report, with its severity and a one-line Chinese title.

The arithmetic and cross-year codes are the ``id``s of the ``checks:`` list in formats.yaml, and their
severity is read from there, so the definition and the checker cannot disagree. The codes gongkai adds
for rules the definition does not list (missing tables, publication dates …) are declared here, in the
same dotted style. docs/checks.md has one heading per code; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from gongkai.report.formats import definition
from gongkai.report.model import Finding, Severity

__all__ = ["CheckCode", "codes", "definition_check", "finding"]


@dataclass(frozen=True)
class CheckCode:
    """A finding code: what the checker reports under it and how serious it is."""

    code: str
    severity: Severity
    title: str
    from_definition: bool


# Titles of the codes that formats.yaml defines (their severity comes from the definition).
_DEFINITION_TITLES: dict[str, str] = {
    "applications.balance": "申请情况表勾稽关系不平（第一项+第二项≠第三项+第四项）",
    "applications.results_sum": "（七）总计不等于各项办理结果之和",
    "applications.row_total": "总计列不等于各类申请人之和",
    "review_litigation.block_total": "行政复议、行政诉讼总计不等于各项结果之和",
    "counts.non_negative_integer": "件数为负数或不是整数",
    "layout.matches_year": "表格格式与报告年度不符",
    "applications.carry_over_continuity": "上年结转数与上一年度报告的结转下年度数不一致",
    "active_disclosure.in_force_continuity": "现行有效件数与上年数及本年制发、废止数对不上",
    "text_matches_tables": "总体情况中的数字与表格不一致",
    "cells.placeholders": "表格中有空白或无法识别的单元格",
}

# Codes gongkai adds: code -> (severity, title).
_OWN_CODES: dict[str, tuple[Severity, str]] = {
    "counts.signed_integer": ("error", "本年增/减不是整数"),
    "amounts.non_negative": ("error", "金额为负数"),
    "layout.unknown_format": ("error", "无法确定报告使用的表格格式"),
    "layout.year_unknown": ("warning", "无法确定报告年度"),
    "layout.year_out_of_range": ("warning", "报告年度早于现行年度报告格式"),
    "layout.cites_other_format": ("warning", "正文引用的格式文件与所用表格格式不符"),
    "tables.missing": ("error", "缺少整张表格"),
    "sections.missing": ("warning", "缺少正文部分"),
    "applications.applicants_blank": ("warning", "只填总计、各类申请人列空白"),
    "publication.late": ("warning", "年度报告公布时间晚于法定期限"),
    "publication.before_year_end": ("warning", "年度报告在报告年度结束前公布"),
    "pair.not_comparable": ("warning", "两份报告不能作跨年度比较"),
}


def definition_check(check_id: str) -> dict[str, Any]:
    """The entry of formats.yaml's ``checks:`` list with this id (KeyError if there is none)."""
    for entry in definition().get("checks", []):
        if entry.get("id") == check_id:
            return dict(entry)
    raise KeyError(f"formats.yaml has no check with id {check_id!r}")


@cache
def codes() -> dict[str, CheckCode]:
    """All finding codes of the checker, definition codes first, in a stable order."""
    result: dict[str, CheckCode] = {}
    for entry in definition().get("checks", []):
        code = str(entry["id"])
        title = _DEFINITION_TITLES.get(code) or str(entry.get("message") or code)
        severity: Severity = "error" if entry.get("severity") == "error" else "warning"
        result[code] = CheckCode(code, severity, title, True)
    for code, (severity, title) in _OWN_CODES.items():
        result[code] = CheckCode(code, severity, title, False)
    return result


def finding(code: str, message: str, cells: Iterable[str] = ()) -> Finding:
    """A finding under ``code`` with the code's registered severity (KeyError for an unknown code)."""
    return Finding(code, codes()[code].severity, message, tuple(dict.fromkeys(cells)))
