"""PDF: CJK fonts embedded, and the text layer holds every label and the narrative (no boxes, no ?)."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from gongkai.render import render
from gongkai.report.formats import get_format
from gongkai.report.model import Report

from .conftest import synthetic_report


@pytest.fixture(scope="module")
def report() -> Report:
    return synthetic_report("2021", 31)


@pytest.fixture(scope="module")
def pdf_text_and_fonts(report: Report) -> tuple[str, set[str], int, set[str]]:
    """Page text, font names, page count, and the squeezed text of every table cell."""
    with pdfplumber.open(io.BytesIO(render(report, "pdf"))) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
        cells = {_squeeze(c or "") for page in pdf.pages for t in page.extract_tables() for row in t for c in row}
        return text, fonts, len(pdf.pages), cells


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_text_layer_has_every_label(pdf_text_and_fonts: tuple[str, set[str], int, set[str]]) -> None:
    cells = pdf_text_and_fonts[3]
    fmt = get_format("2021")
    page_text = _squeeze(pdf_text_and_fonts[0])
    assert [s.label for s in fmt.sections if s.label not in page_text] == []
    labels = [t.caption for t in fmt.disclosure_tables]
    labels += [c.label for t in fmt.disclosure_tables for c in t.columns] + [r.label for _, r in fmt.disclosure_rows]
    labels += [c.label for c in fmt.applicant_columns] + [fmt.corner_note]
    labels += [i.label for i in fmt.application_items]
    labels += [*fmt.review_header, *(b.label for b in fmt.review_blocks), *(c.label for c in fmt.review_columns)]
    labels += [fmt.applicant_header, fmt.organisation_header, fmt.application_groups[0].label]
    missing = [label for label in labels if _squeeze(label) not in cells]
    assert not missing


def test_no_boxes_or_question_marks(pdf_text_and_fonts: tuple[str, set[str], int, set[str]], report: Report) -> None:
    text = pdf_text_and_fonts[0]
    assert "\ufffd" not in text and "□" not in text
    narrative_questions = sum(v.count("?") for v in report.sections.values())
    assert text.count("?") == narrative_questions


def test_narrative_is_in_the_text_layer(
    pdf_text_and_fonts: tuple[str, set[str], int, set[str]], report: Report
) -> None:
    pages = re.sub(r"— \d+ —", "", pdf_text_and_fonts[0])
    squeezed = _squeeze(pages)
    for section in report.sections.values():
        assert _squeeze(section) in squeezed


def test_cjk_fonts_embedded_and_page_numbers(pdf_text_and_fonts: tuple[str, set[str], int, set[str]]) -> None:
    text, fonts, pages, _ = pdf_text_and_fonts
    assert any("CJK" in f for f in fonts), fonts
    assert pages >= 3
    for number in range(1, pages + 1):
        assert f"— {number} —" in text
