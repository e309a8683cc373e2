"""Cell-level checks: types and signs, blank cells, missing tables, blank applicant columns."""

from __future__ import annotations

from decimal import Decimal

from report_factory import TOTAL, bump, consistent_report

from gongkai.report.checks import check
from gongkai.report.model import application_cell, disclosure_cell, review_cell


def by_code(findings: list, code: str) -> list:
    return [f for f in findings if f.code == code]


def test_negative_and_fractional_counts() -> None:
    report = consistent_report(narrative=False)
    report.active_disclosure["regulations"]["issued"] = -1
    report.active_disclosure["licensing"]["decisions"] = Decimal("2.5")
    report.active_disclosure["punishment"]["decisions"] = Decimal("7")  # whole Decimal is fine
    found = by_code(check(report), "counts.non_negative_integer")
    assert [f.cells for f in found] == [
        (disclosure_cell("regulations", "issued"),),
        (disclosure_cell("licensing", "decisions"),),
    ]
    assert all(f.severity == "error" for f in found)
    assert "-1" in found[0].message and "本年制发件数" in found[0].message


def test_a_count_that_is_not_a_number() -> None:
    report = consistent_report(narrative=False)
    report.review_litigation["reconsideration"]["other"] = "十"  # type: ignore[assignment]
    found = by_code(check(report), "counts.non_negative_integer")
    assert [f.cells for f in found] == [(review_cell("reconsideration", "other"),)]
    assert "不是数字" in found[0].message


def test_negative_application_count() -> None:
    report = consistent_report(narrative=False)
    report.applications["granted"][0] = -1
    bump(report.applications["granted"], 1, 1)  # keeps the sums intact
    assert [f.cells for f in by_code(check(report), "counts.non_negative_integer")] == [
        (application_cell("granted", 0),)
    ]


def test_signed_change_may_be_negative_but_must_be_whole() -> None:
    report = consistent_report("2019", narrative=False)
    report.active_disclosure["licensing"]["change"] = -7
    assert check(report) == []
    report.active_disclosure["licensing"]["change"] = Decimal("1.5")
    found = check(report)
    assert [(f.code, f.cells) for f in found] == [("counts.signed_integer", (disclosure_cell("licensing", "change"),))]


def test_negative_amount() -> None:
    report = consistent_report(narrative=False)
    report.active_disclosure["fees"]["amount_10k_yuan"] = Decimal("-0.5")
    assert [f.code for f in check(report)] == ["amounts.non_negative"]
    report.active_disclosure["fees"]["amount_10k_yuan"] = Decimal("3798.8854")
    assert check(report) == []


def test_missing_table_is_one_error_and_nothing_else_for_it() -> None:
    report = consistent_report(narrative=False)
    for block in report.review_litigation.values():
        for column in block:
            block[column] = None
    findings = check(report)
    assert [f.code for f in findings] == ["tables.missing"]
    assert findings[0].severity == "error"
    assert "四、政府信息公开行政复议、行政诉讼情况" in findings[0].message
    assert len(findings[0].cells) == 15


def test_missing_table_when_rows_are_absent_altogether() -> None:
    report = consistent_report(narrative=False)
    report.applications = {}
    assert [f.code for f in check(report)] == ["tables.missing"]


def test_blank_cells_are_summarised_once_per_table() -> None:
    report = consistent_report(narrative=False)
    report.applications["granted"][3] = None
    report.applications["unable_unclear"][0] = None
    report.active_disclosure["fees"]["amount_10k_yuan"] = None
    found = by_code(check(report), "cells.placeholders")
    assert [f.severity for f in found] == ["warning", "warning"]
    assert found[0].cells == (disclosure_cell("fees", "amount_10k_yuan"),)
    assert found[1].cells == (application_cell("granted", 3), application_cell("unable_unclear", 0))
    assert "2个单元格" in found[1].message
    assert not by_code(check(report), "applications.results_sum")  # skipped, not failed


def test_applicant_columns_blank_while_total_filled() -> None:
    report = consistent_report(narrative=False)
    for values in report.applications.values():
        for i in range(TOTAL):
            values[i] = None
    findings = check(report)
    assert [f.code for f in findings] == ["applications.applicants_blank"]
    assert findings[0].severity == "warning"
    assert f"共{len(report.applications)}行" in findings[0].message or "等" in findings[0].message
    assert application_cell("new_received", 0) in findings[0].cells


def test_a_row_with_only_its_total_blank_is_not_applicants_blank() -> None:
    report = consistent_report(narrative=False)
    report.applications["granted"][TOTAL] = None
    assert [f.code for f in check(report)] == ["cells.placeholders"]
