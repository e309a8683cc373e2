"""Checks on the report as a document: layout against year, sections present, format cited, publication date.

Which layout fits which report year follows the ``report_years`` of each format in formats.yaml
(30号 from 2021; the 60号 trial format for 2019–2020). One reading is gongkai's: for the first year of
the trial format (2019) any layout is accepted, because 60号 only encouraged the unified format for
2019 reports ("鼓励按照统一格式发布，确实存在现实困难的，可参照统一格式发布").

Publication deadlines are 条例第四十九条: a 县级以上人民政府部门 publishes last year's report by
31 January, a 县级以上地方人民政府 (its 本级政府 report, published by the 主管部门) by 31 March.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from gongkai.report.checks.codes import finding
from gongkai.report.checks.view import ReportView
from gongkai.report.formats import FORMAT_KEYS, Format, get_format
from gongkai.report.model import SECTION_KEYS, Finding, Report

__all__ = [
    "AGENCY_LEVELS",
    "check_cited_format",
    "check_layout_year",
    "check_publication",
    "check_sections",
    "publication_deadline",
]

AGENCY_LEVELS: dict[str, tuple[int, int]] = {
    "department": (1, 31),  # 县级以上人民政府部门: by 31 January (条例第四十九条第一款)
    "government": (3, 31),  # 县级以上地方人民政府, 本级政府 report: by 31 March (第四十九条第二款)
}
"""Publication deadline (month, day) of the year after the report year, by agency level."""

_LEVEL_ALIASES: dict[str, str] = {"部门": "department", "政府": "government", "本级政府": "government"}

_DOCUMENT_NUMBER = re.compile(r"国办公开办函\D{0,3}(\d{4})\D{1,3}(\d+)\s*号")


def check_layout_year(report: Report, fmt: Format) -> list[Finding]:
    """layout.matches_year (error), or a warning when the year is unknown or before the formats."""
    year = report.year
    if not isinstance(year, int) or isinstance(year, bool):
        return [finding("layout.year_unknown", "未能确定报告年度，无法核对表格格式是否适用于该年度。")]
    formats = [get_format(key) for key in FORMAT_KEYS]
    earliest = min(f.first_year for f in formats)
    if year < earliest:
        return [
            finding(
                "layout.year_out_of_range",
                f"报告年度为{year}年，早于{earliest}年起施行的统一年度报告格式，格式核对不适用。",
            )
        ]
    fitting = [f for f in formats if f.covers_year(year)]
    if year == earliest or fmt in fitting:
        return []
    expected = "、".join(f"{f.document}《{f.title}》" for f in fitting)
    return [
        finding(
            "layout.matches_year",
            f"报告年度为{year}年，应使用{expected}规定的表格，但报告使用的是{fmt.document}《{fmt.title}》的表格。",
        )
    ]


def check_sections(report: Report, fmt: Format) -> list[Finding]:
    """sections.missing: one warning naming every narrative section that is absent or empty."""
    sections = report.sections if isinstance(report.sections, dict) else {}
    labels = {s.key: s.label for s in fmt.sections}
    missing = [key for key in SECTION_KEYS if not str(sections.get(key) or "").strip()]
    if not missing:
        return []
    names = "、".join(labels.get(key, key) for key in missing)
    return [finding("sections.missing", f"报告缺少以下部分或内容为空：{names}。")]


def check_cited_format(report: Report, fmt: Format) -> list[Finding]:
    """layout.cites_other_format: the text names the other format's notice and never its own."""
    sections = report.sections if isinstance(report.sections, dict) else {}
    text = unicodedata.normalize("NFKC", "\n".join(str(v) for v in sections.values() if v))
    cited = {(m[1], m[2]) for m in _DOCUMENT_NUMBER.finditer(text)}
    if not cited:
        return []
    numbers = {key: _document_number(get_format(key).document) for key in FORMAT_KEYS}
    if numbers[fmt.key] in cited:
        return []
    others = [get_format(key) for key in FORMAT_KEYS if key != fmt.key and numbers[key] in cited]
    if not others:
        return []
    other = others[0]
    return [
        finding(
            "layout.cites_other_format",
            f"正文引用了{other.document}，但报告表格使用的是{fmt.document}规定的格式。",
        )
    ]


def _document_number(document: str) -> tuple[str, str] | None:
    match = _DOCUMENT_NUMBER.search(unicodedata.normalize("NFKC", document))
    return (match[1], match[2]) if match else None


def publication_deadline(year: int, agency_level: str) -> date | None:
    """The last day to publish the report for ``year``, or None for an unknown agency level."""
    level = _LEVEL_ALIASES.get(agency_level, agency_level)
    if level not in AGENCY_LEVELS:
        return None
    month, day = AGENCY_LEVELS[level]
    return date(year + 1, month, day)


def check_publication(view: ReportView, published: date | None, agency_level: str | None) -> list[Finding]:
    """publication.late / publication.before_year_end when the publication date is known.

    Without the agency level only the later (31 March) deadline is certain to apply, so a report
    published in February is reported only when the agency is known to be a department.
    """
    year = view.report.year
    if published is None or not isinstance(published, date) or not isinstance(year, int):
        return []
    if published <= date(year, 12, 31):
        return [
            finding(
                "publication.before_year_end",
                f"报告公布日期{published.isoformat()}早于报告年度{year}年结束，请核对报告年度或公布日期。",
            )
        ]
    level = agency_level if agency_level is not None else "government"
    deadline = publication_deadline(year, level)
    if deadline is None or published <= deadline:
        return []
    who = "县级以上人民政府部门" if deadline.month == 1 else "县级以上地方人民政府"
    return [
        finding(
            "publication.late",
            f"报告于{published.isoformat()}公布，晚于{who}应公布上一年度报告的期限"
            f"{deadline.isoformat()}（《政府信息公开条例》第四十九条）。",
        )
    ]
