"""The cross-totals C1–C4, read from formats.yaml: each fails when broken and stays silent when it holds."""

from __future__ import annotations

import pytest
from report_factory import TOTAL, bump, consistent_report

from gongkai.report import get_format
from gongkai.report.checks import check
from gongkai.report.checks.formulas import linear_checks, parse_formula
from gongkai.report.model import application_cell, review_cell

FORMATS = ("2021", "2019")


def codes_of(findings: list) -> list[str]:
    return [f.code for f in findings]


@pytest.mark.parametrize("format_key", FORMATS)
def test_consistent_report_has_no_findings(format_key: str) -> None:
    assert check(consistent_report(format_key)) == []


def test_every_linear_check_of_the_definition_is_evaluated() -> None:
    ids = {c.id for c in linear_checks()}
    assert ids == {
        "applications.balance",
        "applications.results_sum",
        "applications.row_total",
        "review_litigation.block_total",
        "applications.carry_over_continuity",
        "active_disclosure.in_force_continuity",
    }
    assert {c.id for c in linear_checks() if c.cross_year} == {
        "applications.carry_over_continuity",
        "active_disclosure.in_force_continuity",
    }


def test_prose_formulas_are_not_parsed_as_sums() -> None:
    assert parse_formula("every cell of type count is an integer >= 0") is None
    assert parse_formula("year >= 2021 -> format == '2021'") is None
    assert parse_formula("A[x][c] + == A[y][c]") is None


@pytest.mark.parametrize("format_key", FORMATS)
def test_balance(format_key: str) -> None:
    report = consistent_report(format_key, narrative=False)
    bump(report.applications["new_received"], 0, 1)
    bump(report.applications["new_received"], TOTAL, 1)
    findings = check(report)
    assert codes_of(findings) == ["applications.balance", "applications.balance"]
    first = findings[0]
    assert first.severity == "error"
    assert application_cell("new_received", 0) in first.cells
    assert application_cell("carried_forward", 0) in first.cells
    new = report.applications["new_received"][0]
    over = report.applications["carried_over"][0]
    assert first.message.startswith("自然人列：")
    assert f"一、本年新收政府信息公开申请数量 {new}" in first.message
    assert new is not None and over is not None
    assert f"= {new + over}" in first.message
    assert "相差1" in first.message


@pytest.mark.parametrize("format_key", FORMATS)
def test_results_sum_uses_the_outcome_rows_of_the_format(format_key: str) -> None:
    report = consistent_report(format_key, narrative=False)
    last_outcome = get_format(format_key).outcome_rows[-1]  # other_other (2021) / other_handling (2019)
    bump(report.applications[last_outcome], 2, 5)
    bump(report.applications[last_outcome], TOTAL, 5)
    findings = check(report)
    assert codes_of(findings) == ["applications.results_sum", "applications.results_sum"]
    assert application_cell(last_outcome, 2) in findings[0].cells
    assert len(findings[0].cells) == 1 + len(get_format(format_key).outcome_rows)
    assert "相差5" in findings[0].message
    assert "（七）总计应等于（一）至（六）各项之和" in findings[0].message


def test_row_total() -> None:
    report = consistent_report(narrative=False)
    bump(report.applications["carried_over"], 0, 1)
    bump(report.applications["carried_forward"], 0, 1)  # C1 still holds in column 0
    findings = check(report)
    assert codes_of(findings) == ["applications.row_total", "applications.row_total"]
    assert findings[0].message.startswith("二、上年结转政府信息公开申请数量行：总计")
    assert set(findings[0].cells) == {application_cell("carried_over", i) for i in range(TOTAL + 1)}


@pytest.mark.parametrize("block", ["reconsideration", "litigation_direct", "litigation_after_reconsideration"])
def test_block_total(block: str) -> None:
    report = consistent_report(narrative=False)
    cells = report.review_litigation[block]
    cells["pending"] = (cells["pending"] or 0) + 2
    findings = check(report)
    assert codes_of(findings) == ["review_litigation.block_total"]
    assert review_cell(block, "total") in findings[0].cells
    assert "尚未审结" in findings[0].message


def test_blank_cell_skips_the_relation_instead_of_failing_it() -> None:
    report = consistent_report(narrative=False)
    report.applications["new_received"][0] = None
    report.applications["carried_over"][1] = 999  # breaks C1 and C3 where nothing is blank
    codes = codes_of(check(report))
    assert "cells.placeholders" in codes
    balance = [f for f in check(report) if f.code == "applications.balance"]
    assert [f.cells[0] for f in balance] == [application_cell("new_received", 1)]
