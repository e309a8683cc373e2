"""Layout against year, sections, cited format notice, publication date."""

from __future__ import annotations

from datetime import date

import pytest
from report_factory import consistent_report

from gongkai.report.checks import check


def codes_of(findings: list) -> list[str]:
    return [f.code for f in findings]


@pytest.mark.parametrize(
    ("format_key", "year", "expected"),
    [
        ("2021", 2021, []),
        ("2021", 2025, []),
        ("2019", 2020, []),
        ("2019", 2019, []),
        ("2021", 2019, []),  # 2019: the unified format was only encouraged
        ("2019", 2021, ["layout.matches_year"]),
        ("2019", 2022, ["layout.matches_year"]),
        ("2021", 2020, ["layout.matches_year"]),
        ("2021", 2018, ["layout.year_out_of_range"]),
        ("2021", None, ["layout.year_unknown"]),
    ],
)
def test_layout_matches_year(format_key: str, year: int | None, expected: list[str]) -> None:
    report = consistent_report(format_key, narrative=False)
    report.year = year
    assert codes_of(check(report)) == expected


def test_layout_message_names_both_notices() -> None:
    report = consistent_report("2019", 2022, narrative=False)
    (finding,) = check(report)
    assert finding.severity == "error"
    assert "国办公开办函〔2021〕30号" in finding.message and "国办公开办函〔2019〕60号" in finding.message


def test_unknown_format_never_raises() -> None:
    report = consistent_report(narrative=False)
    report.format = "2030"
    assert codes_of(check(report)) == ["layout.unknown_format"]


def test_missing_sections_are_one_warning() -> None:
    report = consistent_report(narrative=False)
    del report.sections["problems"]
    report.sections["other"] = "  "
    findings = check(report)
    assert codes_of(findings) == ["sections.missing"]
    assert findings[0].severity == "warning"
    assert "五、存在的主要问题及改进情况" in findings[0].message
    assert "六、其他需要报告的事项" in findings[0].message
    assert "一、总体情况" not in findings[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依据《通知》(国办公开办函〔2019〕60号)编制。", ["layout.cites_other_format"]),
        ("依据国办公开办函[2019]60号编制。", ["layout.cites_other_format"]),
        ("依据国办公开办函〔2021〕30号编制。", []),
        ("依据国办公开办函〔2021〕30号编制,此前依据国办公开办函〔2019〕60号。", []),
        ("依据国办函〔2020〕109号收取信息处理费。", []),
    ],
)
def test_cited_format(text: str, expected: list[str]) -> None:
    report = consistent_report(narrative=False)
    report.sections["overview"] = text
    assert codes_of(check(report)) == expected


@pytest.mark.parametrize(
    ("published", "level", "expected"),
    [
        (date(2025, 1, 31), "department", []),
        (date(2025, 2, 1), "department", ["publication.late"]),
        (date(2025, 2, 1), "部门", ["publication.late"]),
        (date(2025, 3, 31), "government", []),
        (date(2025, 4, 1), "government", ["publication.late"]),
        (date(2025, 2, 26), None, []),  # level unknown: only 31 March is certain
        (date(2025, 4, 1), None, ["publication.late"]),
        (date(2024, 12, 30), None, ["publication.before_year_end"]),
        (None, "department", []),
    ],
)
def test_publication_date(published: date | None, level: str | None, expected: list[str]) -> None:
    report = consistent_report("2021", 2024, narrative=False)
    assert codes_of(check(report, published=published, agency_level=level)) == expected
