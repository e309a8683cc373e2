"""The report as a Word document in the layout of Chinese official documents (GB/T 9704-2012).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 2号 (22 pt),
centred; body in 仿宋_GB2312 3号 (16 pt) on a fixed 28.95 pt line (22 lines a page), first line
indented two characters; first-level headings (一、…) in 黑体, run-in second-level headings
(（一）…) in 楷体_GB2312; page numbers "— 1 —" in 4号 宋体 from a PAGE field in the footer. The
tables are the official ones with the same merged cells as the HTML (both walk
:mod:`gongkai.render.layout`): gridSpan for column spans, vMerge for row spans, header rows
repeated on each page.

python-docx builds the package once per process (page setup, styles, footer, properties); each
report's body is written as WordprocessingML strings into that package's document.xml. Building
300 table cells through python-docx's object API and re-saving its 800 KB template cost ~40 ms a
report; this way a report takes a few milliseconds (benchmarks/bench_render.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from html import escape
from typing import Any

from gongkai.render.fonts import OFFICIAL_FONTS
from gongkai.render.layout import (
    LayoutCell,
    TableLayout,
    format_value,
    report_title,
    report_title_lines,
    table_layouts,
)
from gongkai.report.model import SECTION_KEYS, Report

__all__ = ["PAGE_MARGINS_MM", "render_docx"]

PAGE_MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TWIPS_PER_MM = 1440 / 25.4
_TEXT_WIDTH = round((210 - PAGE_MARGINS_MM["left"] - PAGE_MARGINS_MM["right"]) * _TWIPS_PER_MM)
_LINE = 579  # twips: 28.95 pt, 22 lines on the 225 mm GB/T 9704 type area
_TITLE_LINE = 760  # twips: 38 pt for the 22 pt title
_LATIN = "Times New Roman"
_BODY_PT = 16
_TITLE_PT = 22
_TABLE_PT = 10.5
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_RUN_IN_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)][^。]{0,40}。?")


def _text(text: str) -> str:
    return escape(_INVALID_XML.sub("", text), quote=False)


def _rpr(font: str, size_pt: float, *, bold: bool = False) -> str:
    half_points = round(size_pt * 2)
    return (
        f'<w:rPr><w:rFonts w:ascii="{_LATIN}" w:hAnsi="{_LATIN}" w:eastAsia="{font}" w:cs="{_LATIN}"/>'
        f'{"<w:b/>" if bold else ""}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    )


def _run(text: str, font: str, size_pt: float, *, bold: bool = False) -> str:
    return f'<w:r>{_rpr(font, size_pt, bold=bold)}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _paragraph(
    runs: str, *, align: str = "both", indent: bool = True, line: int = _LINE, keep_next: bool = False
) -> str:
    ind = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent else ""
    keep = "<w:keepNext/>" if keep_next else ""
    return (
        f'<w:p><w:pPr>{keep}<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
        f'{ind}<w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'
    )


def _narrative(line: str) -> str:
    """A body paragraph; a leading （一）… run-in heading is set in 楷体, the rest in 仿宋."""
    body = OFFICIAL_FONTS["body"]
    match = _RUN_IN_HEADING.match(line)
    if match and match.end() < len(line):
        runs = _run(line[: match.end()], OFFICIAL_FONTS["heading2"], _BODY_PT) + _run(
            line[match.end() :], body, _BODY_PT
        )
    else:
        runs = _run(line, body, _BODY_PT)
    return _paragraph(runs)


# -- tables ------------------------------------------------------------------------------------


def _table_xml(report: Report, layout: TableLayout) -> str:
    total = sum(layout.column_weights)
    widths = [round(_TEXT_WIDTH * w / total) for w in layout.column_weights]
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    parts = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr><w:tblGrid>",
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    covering: dict[int, tuple[int, LayoutCell]] = {}  # grid column → (rows still covered, cell)
    get = report.get
    for row in layout.rows:
        starts = {c.column: c for c in row.cells}
        header = "<w:tblHeader/>" if row.header else ""
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        column = 0
        while column < layout.width:
            cell = starts.get(column)
            if cell is not None:
                if cell.kind == "value":
                    assert cell.cell_id is not None
                    text = format_value(get(cell.cell_id), cell.value_type)
                else:
                    text = cell.text
                parts.append(_cell_xml(cell, text, widths, restart=cell.rowspan > 1, keep=row.keep_with_next))
                if cell.rowspan > 1:
                    covering[column] = (cell.rowspan - 1, cell)
                column += cell.colspan
                continue
            left, above = covering[column]
            parts.append(_cell_xml(above, "", widths, restart=False, continued=True, keep=row.keep_with_next))
            if left <= 1:
                del covering[column]
            else:
                covering[column] = (left - 1, above)
            column += above.colspan
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell_xml(
    cell: LayoutCell, text: str, widths: list[int], *, restart: bool, continued: bool = False, keep: bool = False
) -> str:
    """One w:tc; ``keep`` sets keepNext, which is how Word keeps a table row with the next one."""
    width = sum(widths[cell.column : cell.column + cell.colspan])
    span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
    merge = '<w:vMerge w:val="restart"/>' if restart else ("<w:vMerge/>" if continued else "")
    align = "left" if cell.kind in ("label", "corner", "caption") else "center"
    bold = cell.kind == "caption"
    runs = _run(text, OFFICIAL_FONTS["body"], _TABLE_PT, bold=bold) if text else ""
    paragraph = (
        f'<w:p><w:pPr>{"<w:keepNext/>" if keep else ""}<w:spacing w:before="0" w:after="0" w:line="240" '
        f'w:lineRule="auto"/><w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>'
        f"{paragraph}</w:tc>"
    )


# -- document ----------------------------------------------------------------------------------


def _body_xml(report: Report) -> str:
    fmt = report.definition
    lines = report_title_lines(fmt, report.agency, report.year)
    font = OFFICIAL_FONTS["title"]
    title = f"<w:r>{_rpr(font, _TITLE_PT)}<w:br/></w:r>".join(_run(line, font, _TITLE_PT) for line in lines)
    parts = [
        _paragraph(title, align="center", indent=False, line=_TITLE_LINE),
        _paragraph("", indent=False),
    ]
    layouts = {t.section: t for t in table_layouts(fmt.key)}
    for section in fmt.sections:
        parts.append(_paragraph(_run(section.label, OFFICIAL_FONTS["heading1"], _BODY_PT), keep_next=True))
        if section.key in SECTION_KEYS:
            parts += [_narrative(line) for line in report.sections.get(section.key, "").split("\n") if line.strip()]
        else:
            parts.append(_table_xml(report, layouts[section.key]))
            parts.append(_paragraph("", indent=False, line=240))
    return "".join(parts)


def _setup(document: Any) -> None:
    """A4, GB/T 9704 margins, default fonts, and the "— PAGE —" footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(PAGE_MARGINS_MM["top"]), Mm(PAGE_MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE_MARGINS_MM["left"]), Mm(PAGE_MARGINS_MM["right"])
    section.footer_distance = Mm(PAGE_MARGINS_MM["bottom"] - 7 - 5)
    normal = document.styles["Normal"].element
    normal.get_or_add_rPr().append(
        parse_xml(
            f'<w:rFonts xmlns:w="{_W_NS}" w:ascii="{_LATIN}" w:hAnsi="{_LATIN}" w:eastAsia="{OFFICIAL_FONTS["body"]}"/>'
        )
    )
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font = OFFICIAL_FONTS["page_number"]
    field = (
        f'<w:r>{_rpr(font, 14)}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{_rpr(font, 14)}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{_rpr(font, 14)}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{_rpr(font, 14)}<w:t>1</w:t></w:r>"
        f'<w:r>{_rpr(font, 14)}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    runs = _run("— ", font, 14) + field + _run(" —", font, 14)
    for element in parse_xml(f'<w:p xmlns:w="{_W_NS}">{runs}</w:p>'):
        footer._p.append(element)


_TITLE_MARK = "GONGKAI-TITLE"
_AUTHOR_MARK = "GONGKAI-AUTHOR"


@cache
def _package() -> tuple[tuple[tuple[str, bytes], ...], str, str]:
    """The fixed parts of every report's DOCX, made once with python-docx.

    Returns the package's parts in order (word/document.xml and docProps/core.xml as templates:
    the body goes before the final w:sectPr, the title and author replace their markers).
    Re-opening and re-saving the 800 KB default template per report would cost more than
    everything else together.
    """
    import docx

    document = docx.Document()
    _setup(document)
    props = document.core_properties
    props.title, props.author, props.comments = _TITLE_MARK, _AUTHOR_MARK, "gongkai"
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as package:
        parts = tuple((info.filename, package.read(info)) for info in package.infolist())
    xml = dict(parts)["word/document.xml"].decode("utf-8")
    body = xml.index("<w:body>") + len("<w:body>")
    if not xml.startswith("<w:sectPr", body):
        raise ValueError("python-docx default template has content in its body; gongkai expects none")
    return parts, xml[:body], xml[body:]


def render_docx(report: Report) -> bytes:
    """The report as DOCX bytes (fonts named: :data:`gongkai.render.fonts.OFFICIAL_FONTS`)."""
    parts, head, tail = _package()
    title = report_title(report.definition, report.agency, report.year)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, data in parts:
            if name == "word/document.xml":
                data = (head + _body_xml(report) + tail).encode("utf-8")
            elif name == "docProps/core.xml":
                text = data.decode("utf-8").replace(_TITLE_MARK, _text(title))
                data = text.replace(_AUTHOR_MARK, _text(report.agency or "")).encode("utf-8")
            package.writestr(name, data)
    return out.getvalue()
