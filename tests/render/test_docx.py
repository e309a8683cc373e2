"""DOCX: GB/T 9704 page, fonts named for East Asian text, "— PAGE —" footer, merged table cells."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from gongkai.render import render
from gongkai.render.fonts import OFFICIAL_FONTS
from gongkai.report.formats import get_format

from .conftest import synthetic_report


@pytest.fixture(scope="module")
def document() -> docx.document.Document:
    return docx.Document(io.BytesIO(render(synthetic_report("2021", 21), "docx")))


def test_page_setup(document: docx.document.Document) -> None:
    section = document.sections[0]
    got = (section.page_width, section.page_height, section.top_margin, section.bottom_margin)
    got += (section.left_margin, section.right_margin)
    wanted = (210, 297, 37, 35, 28, 26)
    assert all(abs(g - Mm(w)) < Mm(0.05) for g, w in zip(got, wanted, strict=True)), got  # twip rounding


def _east_asia(paragraph: docx.text.paragraph.Paragraph) -> set[str]:
    return {r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in paragraph.runs}


def test_fonts_and_sizes(document: docx.document.Document) -> None:
    title = document.paragraphs[0]
    assert title.text == "示例县人民政府办公室\n2024年政府信息公开工作年度报告"
    assert _east_asia(title) == {OFFICIAL_FONTS["title"]}
    assert {r.font.size.pt for r in title.runs} == {22}
    headings = [p for p in document.paragraphs if p.text in {s.label for s in get_format("2021").sections}]
    assert len(headings) == 6
    assert all(_east_asia(h) == {OFFICIAL_FONTS["heading1"]} for h in headings)
    body = next(p for p in document.paragraphs if p.text.startswith("(一)主动公开"))
    assert [(_east_asia_run(r), r.font.size.pt) for r in body.runs] == [
        (OFFICIAL_FONTS["heading2"], 16),
        (OFFICIAL_FONTS["body"], 16),
    ]


def _east_asia_run(run: docx.text.run.Run) -> str:
    return run._r.rPr.rFonts.get(qn("w:eastAsia"))


def test_footer_has_page_field(document: docx.document.Document) -> None:
    footer = document.sections[0].footer.paragraphs[0]
    xml = footer._p.xml
    assert "PAGE" in xml and 'fldCharType="begin"' in xml
    assert footer.text.startswith("— ") and footer.text.endswith(" —")


def test_tables_are_merged_like_the_official_layout(document: docx.document.Document) -> None:
    disclosure, applications, review = document.tables
    assert len(disclosure.columns) == 4 and len(applications.columns) == 10 and len(review.columns) == 15
    results = get_format("2021").application_groups[0].label
    column = [applications.cell(r, 0) for r in range(len(applications.rows))]
    merged = [c for c in column if c.text == results]
    assert len(merged) == 22  # python-docx returns the one merged cell for each row it spans
    assert len({id(c._tc) for c in merged}) == 1
    assert review.cell(1, 0)._tc is review.cell(2, 0)._tc  # 行政复议 leaf headers span two rows
    tc = review.rows[0].cells[0]._tc
    assert tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "5"


def test_2019_docx_has_single_other_row() -> None:
    document = docx.Document(io.BytesIO(render(synthetic_report("2019", 22), "docx")))
    applications = document.tables[1]
    labels = [applications.cell(r, 1).text for r in range(len(applications.rows))]
    assert labels.count("（六）其他处理") == 1
