"""Which of the two official formats a document is printed in (annual-report-format.md §8).

Told by the 第二十条 column headers; when the headers and the report year disagree, by the row
labels that exist in one format only; without headers, by the （六） sub-rows, else by the year.
"""

from __future__ import annotations

from gongkai.parse.document import Document
from gongkai.parse.labels import LabelIndex
from gongkai.parse.normalize import label_key
from gongkai.report.formats import FORMAT_KEYS, format_for_year, get_format
from gongkai.report.model import Finding

__all__ = ["detect_format"]


def detect_format(doc: Document, year: int | None, index: LabelIndex) -> tuple[str, list[Finding]]:
    """The layout printed: by 第二十条 headers, else by the （六） sub-rows, else by the year."""
    # markers and row labels are short cells; whitespace inside them ("本年新 制作数量") is removed
    compact = "".join("".join([t for row in doc.rows for t in row.texts if len(t) <= 60]).split())
    counts = {k: sum(1 for m in index.markers[k] if m in compact) for k in FORMAT_KEYS}
    best = max(FORMAT_KEYS, key=lambda k: counts[k])
    if counts[best] > 0:
        expected = _format_of_year(year)
        if expected is not None and expected != best:
            # the headers say one format and the year the other: the rows of the tables decide (an
            # agency that kept the 2019 第二十条 headers over 2021 rows, as some did in 2021 and 2022)
            rows = _row_evidence(doc, index)
            if rows[expected] > rows[best]:
                return expected, [
                    Finding(
                        "layout.header_mismatch",
                        "warning",
                        f"第二十条表格的表头为{best}年格式，而各表的行为{expected}年格式"
                        f"（{year}年度报告应使用的格式），已按{expected}年格式读取。",
                    )
                ]
        return best, []
    if label_key(get_format("2021").application_rows[-5].label)[:12] in compact:
        return "2021", []
    by_year = _format_of_year(year)
    if by_year is not None:
        return by_year, []
    return "2021", [
        Finding(
            "layout.undetermined",
            "warning",
            "未找到能区分2019年与2021年格式的表头，按2021年格式读取。",
        )
    ]


def _format_of_year(year: int | None) -> str | None:
    if year is None:
        return None
    try:
        return format_for_year(year).key
    except KeyError:
        return None


def _row_evidence(doc: Document, index: LabelIndex) -> dict[str, int]:
    """How many row labels printed in ``doc`` exist in one format only, for each format."""
    keys = {label_key(t) for row in doc.rows for t in row.texts if 0 < len(t) <= 60}
    return {k: len(keys & index.only_rows[k]) for k in FORMAT_KEYS}
