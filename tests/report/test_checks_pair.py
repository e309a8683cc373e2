"""check_pair: C5 carry-over and C6 rules in force between consecutive years (warnings)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from report_factory import TOTAL, consistent_report

from gongkai.report import Report
from gongkai.report.checks import check_pair
from gongkai.report.model import application_cell, disclosure_cell


def continuous_pair(format_key: str = "2021") -> tuple[Report, Report]:
    previous = consistent_report(format_key, 2023 if format_key == "2021" else 2019, narrative=False)
    current = consistent_report(format_key, 2024 if format_key == "2021" else 2020, narrative=False)
    # carry-over: last year's 结转下年度 is this year's 上年结转; keep this year's C1 by moving 新收
    for c in range(TOTAL + 1):
        forward = previous.applications["carried_forward"][c] or 0
        shift = forward - (current.applications["carried_over"][c] or 0)
        current.applications["carried_over"][c] = forward
        current.applications["new_received"][c] = (current.applications["new_received"][c] or 0) - shift
    if format_key == "2021":
        for row in ("regulations", "normative_documents"):
            cur = current.active_disclosure[row]
            before = previous.active_disclosure[row]["in_force"]
            cur["in_force"] = int(before or 0) + int(cur["issued"] or 0) - int(cur["abolished"] or 0)
    return previous, current


@pytest.mark.parametrize("format_key", ["2021", "2019"])
def test_continuous_years_are_silent(format_key: str) -> None:
    assert check_pair(*continuous_pair(format_key)) == []


def test_carry_over_continuity() -> None:
    previous, current = continuous_pair()
    previous.applications["carried_forward"][0] = 40
    (finding,) = check_pair(previous, current)
    assert finding.code == "applications.carry_over_continuity"
    assert finding.severity == "warning"
    assert finding.cells == (application_cell("carried_over", 0), "previous:" + application_cell("carried_forward", 0))
    assert "2023年四、结转下年度继续办理 40" in finding.message


def test_in_force_continuity_only_in_the_2021_format() -> None:
    previous, current = continuous_pair()
    current.active_disclosure["normative_documents"]["in_force"] = 100
    (finding,) = check_pair(previous, current)
    assert finding.code == "active_disclosure.in_force_continuity"
    assert disclosure_cell("normative_documents", "in_force") in finding.cells
    assert "previous:" + disclosure_cell("normative_documents", "in_force") in finding.cells


def test_blank_cells_skip_the_comparison() -> None:
    previous, current = continuous_pair()
    previous.applications["carried_forward"][0] = None
    current.active_disclosure["regulations"]["issued"] = None
    assert check_pair(previous, current) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda p, c: setattr(c, "year", 2025),
        lambda p, c: setattr(p, "year", None),
        lambda p, c: setattr(c, "agency", "另一个县人民政府办公室"),
        lambda p, c: setattr(p, "format", "1999"),
    ],
)
def test_not_comparable(change: Callable[[Report, Report], None]) -> None:
    previous, current = continuous_pair()
    change(previous, current)
    assert [f.code for f in check_pair(previous, current)] == ["pair.not_comparable"]


def test_agency_spelling_with_spaces_is_the_same_agency() -> None:
    previous, current = continuous_pair()
    current.agency = "示例县人民政府 办公室"
    assert check_pair(previous, current) == []
