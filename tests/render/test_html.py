"""HTML: standalone and offline, escaped, blank cells empty, the official merged cells."""

from __future__ import annotations

import re

import lxml.html

from gongkai.render import render_html_fragment
from gongkai.render.html import render_html
from gongkai.report.formats import get_format
from gongkai.report.model import Report

from .conftest import synthetic_report


def test_page_has_title_headings_and_tables() -> None:
    report = synthetic_report("2021", 7)
    page = render_html(report)
    root = lxml.html.document_fromstring(page)
    assert root.findtext(".//title") == "示例县人民政府办公室2024年政府信息公开工作年度报告"
    assert [h.text for h in root.iter("h2")] == [s.label for s in get_format("2021").sections]
    assert len(root.findall(".//table")) == 3
    assert "@media print" in page and "@page" in page


def test_no_external_assets() -> None:
    page = render_html(synthetic_report("2019", 8))
    assert not re.search(r"<(link|script|img|iframe)\b", page)
    assert "http://" not in page and "https://" not in page and "url(" not in page


def test_text_is_escaped() -> None:
    report = synthetic_report("2021", 9, agency="<script>alert('x')</script>")
    page = render_html(report)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    root = lxml.html.document_fromstring(page)
    assert "<b>不是标签</b>" in root.text_content()


def test_none_renders_as_empty_cell() -> None:
    report = Report.empty("2021", 2024, "示例县人民政府办公室")
    root = lxml.html.fragment_fromstring(render_html_fragment(report))
    values = root.xpath('.//td[contains(@class, "value")]')
    assert len(values) == len(report.cell_ids())
    assert all(td.text_content() == "" for td in values)


def test_vertical_results_cell_spans_outcome_rows() -> None:
    fmt = get_format("2021")
    root = lxml.html.fragment_fromstring(render_html_fragment(synthetic_report("2021", 10)))
    (cell,) = root.xpath('.//td[contains(@class, "vertical")]')
    assert cell.text_content() == fmt.application_groups[0].label
    assert cell.get("rowspan") == "22"


def test_fragment_is_embedded_in_page() -> None:
    report = synthetic_report("2019", 11)
    assert render_html_fragment(report) in render_html(report)
