"""The PDF reader: ruled tables as grids with merged cells resolved, text lines in reading order, bad files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gongkai.parse import ParseError, parse
from gongkai.parse.document import SourceCell, SourceRef, SourceRow
from gongkai.parse.pdf_reader import (
    NO_TEXT_LAYER,
    _continues,
    _glue,
    _Line,
    _line_text,
    _PageReader,
    _visible_rule,
    read_pdf,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "parse" / "pdf"
OFFICIAL = SAMPLES / "2021_official.pdf"


@dataclass
class _Table:
    """What the reader uses of a pdfplumber table: its cell rectangles (x0, top, x1, bottom)."""

    cells: list[tuple[float, float, float, float]]


def _char(text: str, x: float, y: float) -> dict[str, Any]:
    return {"text": text, "x0": x, "x1": x + 8, "top": y, "bottom": y + 8, "upright": True, "doctop": y, "size": 8}


def _texts(rows: list[SourceRow]) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in rows]


# -- merged cells ---------------------------------------------------------------------------------
def test_a_rectangle_over_several_grid_cells_repeats_with_one_origin() -> None:
    # 3 columns × 3 rows; "组" spans rows 2–3 of column 1, "头" spans columns 2–3 of row 1
    cells = [
        (0, 0, 30, 20),
        (30, 0, 90, 20.8),  # edges within the snap distance are one grid line
        (0, 20, 30, 60),
        (30, 20, 60, 40),
        (60, 20, 90, 40),
        (30, 40, 60, 60),
        (60, 40, 90, 60),
    ]
    chars = [_char("角", 5, 5), _char("头", 50, 5), _char("组", 5, 35), _char("1", 40, 25), _char("2", 70, 25)]
    chars += [_char("3", 40, 45), _char("4", 70, 45), _char("外", 200, 200)]
    rows = _PageReader().table_rows(_Table(cells), chars, page=2)
    assert _texts(rows) == [["角", "头", "头"], ["组", "1", "2"], ["组", "3", "4"]]
    assert rows[0].cells[1].origin == rows[0].cells[2].origin
    assert rows[1].cells[0].origin == rows[2].cells[0].origin
    assert len({c.origin for row in rows for c in row.cells}) == 7
    ref = rows[2].cells[2].ref
    assert (ref.page, ref.table, ref.row, ref.column) == (2, 1, 3, 3)
    assert all(row.positional for row in rows)


def test_a_merged_cell_cut_by_a_page_break_is_kept_as_one_cell() -> None:
    """No rule closes the cell at the page foot: its grid positions are covered by no rectangle."""
    cells = [(30, 0, 60, 20), (60, 0, 90, 20), (30, 20, 60, 40), (60, 20, 90, 40), (0, 40, 90, 60)]
    chars = [_char("三", 5, 5), _char("、", 5, 25), _char("a", 40, 5), _char("b", 70, 25), _char("四", 40, 45)]
    sliver = (0, 0, 0.5, 0.5)  # thinner than the snap distance: ignored
    rows = _PageReader().table_rows(_Table([*cells, sliver]), chars, page=1)
    assert _texts(rows) == [["三\n、", "a", ""], ["三\n、", "", "b"], ["四", "四", "四"]]
    assert rows[0].cells[0].origin == rows[1].cells[0].origin


def test_empty_uncovered_positions_are_not_invented() -> None:
    cells = [(30, 0, 60, 20), (30, 20, 60, 40), (0, 40, 60, 60)]
    rows = _PageReader().table_rows(_Table(cells), [_char("x", 40, 5)], page=1)
    assert _texts(rows) == [["x"], [""], ["", ""]]


# -- the sample -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def official_rows() -> list[SourceRow]:
    return read_pdf(OFFICIAL.read_bytes(), "r.pdf").rows


def test_sample_merges_and_pages(official_rows: list[SourceRow]) -> None:
    texts = [[re.sub(r"\s", "", c.text) for c in row.cells] for row in official_rows]
    results = [i for i, row in enumerate(texts) if row[0] == "三、本年度办理结果"]
    assert len(results) >= 4, "the vertical 三、本年度办理结果 cell repeats beside its rows"
    assert len({official_rows[i].cells[0].origin for i in results}) == 1
    licensing = next(row for row in official_rows if row.cells[0].text == "行政许可")
    assert len(licensing.cells) == 4 and len({c.origin for c in licensing.cells[1:]}) == 1
    review_values = next(row for row in official_rows if len(row.cells) == 15 and row.cells[0].text.isdigit())
    assert [c.text for c in review_values.cells][:5] == ["20", "13", "38", "42", "113"]
    assert {row.cells[0].ref.page for row in official_rows} == {1, 2, 3}


def test_sample_text_order_and_page_numbers(official_rows: list[SourceRow]) -> None:
    lines = [(i, row.cells[0].text) for i, row in enumerate(official_rows) if not row.positional]
    assert lines[0][1] == "2024年政府信息公开工作年度报告"
    headings = [i for i, text in lines if re.match(r"^[一二三四五六]、", text)]
    assert len(headings) == 6
    tables = [i for i, row in enumerate(official_rows) if row.positional]
    # each table sits between its heading and the next one
    assert headings[1] < min(tables) and max(tables) < headings[4]
    first_app_row = next(i for i, row in enumerate(official_rows) if row.cells[0].text.startswith("(本列数据"))
    assert headings[2] < first_app_row < headings[3]
    assert not [text for _, text in lines if re.fullmatch(r"—\s*\d+\s*—", text)]


def test_sample_reads_every_number_from_its_table_cell() -> None:
    parsed = parse(OFFICIAL)
    expected = json.loads((SAMPLES / "2021_official.expected.json").read_text(encoding="utf-8"))
    got = parsed.report.to_json()
    for key in ("format", "year", "agency", "active_disclosure", "applications", "review_litigation"):
        assert got[key] == expected[key], key
    assert parsed.kind == "pdf"
    assert not [f for f in parsed.findings if f.code.startswith(("parse.", "cells.", "layout."))]
    assert parsed.sources["applications.carried_forward[6]"].ref.page == 2
    assert parsed.sources["review_litigation.reconsideration.total"].ref.column == 5
    assert parsed.report.sections["problems"].startswith("政务公开工作仍存在")


def test_sample_paragraphs_wrapped_over_lines_are_joined() -> None:
    sections = parse(OFFICIAL).report.sections
    overview = sections["overview"].split("\n")
    assert len(overview) == 5 and all(line.endswith("。") for line in overview)
    assert "对“三安全一稳定”等敏感事项逐件会商,答复文书" in overview[0]


# -- rules and paragraphs ---------------------------------------------------------------------------
def _rect(width: float, height: float, *, stroke: bool, fill: bool, color: object = (0, 0, 0)) -> dict[str, Any]:
    return {
        "object_type": "rect",
        "width": width,
        "height": height,
        "stroke": stroke,
        "fill": fill,
        "non_stroking_color": color,
    }


def test_background_fills_are_not_table_rules() -> None:
    assert not _visible_rule(_rect(440, 640, stroke=False, fill=True, color=(1, 1, 1)))  # page background
    assert not _visible_rule(_rect(80, 20, stroke=False, fill=True, color=(0.9, 0.9, 0.9)))  # cell shading
    assert not _visible_rule(_rect(440, 0.5, stroke=False, fill=True, color=(1,)))  # white bar
    assert not _visible_rule(_rect(440, 0.5, stroke=False, fill=True, color=(0, 0, 0, 0)))  # CMYK white
    assert _visible_rule(_rect(440, 0.5, stroke=False, fill=True))  # a rule drawn as a black bar
    assert _visible_rule(_rect(80, 20, stroke=True, fill=False))  # a bordered box
    assert _visible_rule({"object_type": "line"})


def _text_row(text: str) -> SourceRow:
    return SourceRow([SourceCell(text, SourceRef(line=1), 1)])


_FULL = _Line(1, 80, 518, 100, 116, 80, 520)


@pytest.mark.parametrize(
    ("above", "line", "below", "joined"),
    [
        (_FULL, _Line(1, 80, 300, 128, 144, 80, 520), "续行。", True),
        (_FULL._replace(x1=400), _Line(1, 80, 300, 128, 144, 80, 520), "续行。", False),  # short: paragraph end
        (_FULL, _Line(1, 112, 300, 128, 144, 80, 520), "新段落。", False),  # indented: new paragraph
        (_FULL, _Line(1, 80, 300, 128, 144, 80, 520), "(二)下一项。", False),  # enumerated
        (_FULL, _Line(1, 80, 300, 160, 176, 80, 520), "续行。", False),  # a gap: not the next line
        (_FULL, _Line(1, 80, 300, 128, 150, 80, 520), "续行。", False),  # another size: a heading
        (_FULL._replace(top=700, bottom=716), _Line(2, 80, 300, 60, 76, 80, 520), "续行。", True),  # next page
    ],
)
def test_wrapped_lines(above: _Line, line: _Line, below: str, joined: bool) -> None:
    assert _continues(_text_row("上一行的文字"), above, _text_row(below), line) is joined


def test_a_row_of_an_unruled_table_is_never_joined() -> None:
    line = _Line(1, 80, 300, 128, 144, 80, 520)
    assert not _continues(_text_row("1.本机关不掌握相关政府信息 9 0 0 0 0 0 9"), _FULL, _text_row("三、本年度"), line)
    assert not _continues(_text_row("行政许可 /"), _FULL, _text_row("行政处罚"), line)
    assert _continues(_text_row("答复率达到"), _FULL, _text_row("97.83%。"), line)


def _row_texts(data: bytes) -> list[str]:
    return [row.cells[0].text for row in read_pdf(data, "t.pdf").rows]


def _hex(text: str) -> str:
    return "<" + "".join(f"{ord(c):04X}" for c in text) + ">"


_Run = tuple[float, float, float, list[str | int]]  # x, top, font size, TJ operands


def _text_pdf(pages: list[list[_Run]]) -> bytes:
    """An A4 PDF with text placed exactly, as Word's export places it.

    One CJK font (STSong-Light, not embedded, UCS-2 codes): ideographs 1 em wide, ASCII 0.5 em as
    in SimSun. A number among the TJ operands moves the next glyph right by that many
    thousandths of an em when negative: justification, autospace and word gaps without a space
    glyph.
    """
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>"
    cid = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /FontDescriptor 5 0 R"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 95 500] >>"
    )
    descriptor = (
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -120 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
    )
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(len(pages))).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        font,
        cid,
        descriptor,
    ]
    for i, runs in enumerate(pages):
        ops = []
        for x, top, size, operands in runs:
            tj = " ".join(_hex(o) if isinstance(o, str) else str(o) for o in operands)
            ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x} {842 - top - size * 0.88} Tm [{tj}] TJ ET")
        stream = "\n".join(ops).encode()
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (7 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return _pdf(objects, b"<< /Size %d /Root 1 0 R >>" % (len(objects) + 1))


# Official layout: left margin 28 mm (79 pt), 16 pt text, paragraphs indented 2 em (to 111 pt),
# 27 characters a full line (to 511 pt, the right margin at 519 pt), lines 28 pt apart.
_MARGIN, _INDENT = 79.0, 111.0


def test_a_short_report_of_one_line_paragraphs_keeps_them_apart() -> None:
    """No line reaches the margin: the longest line is not taken for a full one."""
    data = _text_pdf(
        [
            [
                (_INDENT, 100, 16, ["四、存在的主要问题及改进情况"]),
                (_INDENT, 128, 16, ["存在问题:一是时效性不足;二是解读不够。"]),
                (_INDENT, 156, 16, ["改进措施:加强培训。"]),
            ]
        ]
    )
    assert _row_texts(data) == [
        "四、存在的主要问题及改进情况",
        "存在问题:一是时效性不足;二是解读不够。",
        "改进措施:加强培训。",
    ]


def test_a_short_paragraph_then_a_wrapped_one() -> None:
    first = "本机关坚持以公开为常态、不公开为例外，全面推进决策"  # 25 characters: a full indented line
    second = "执行、管理、服务、结果公开，按照上级部署逐项落实工作，"  # 27: a full line at the margin
    assert len(first) == 25 and len(second) == 27
    data = _text_pdf(
        [
            [
                (_INDENT, 100, 16, ["总体情况良好。"]),
                (_INDENT, 128, 16, [first]),
                (_MARGIN, 156, 16, [second]),
                (_MARGIN, 184, 16, ["取得了明显成效。"]),
                (_INDENT, 212, 16, ["下一段。"]),
            ]
        ]
    )
    paragraph = (first + second).replace("，", ",") + "取得了明显成效。"
    assert _row_texts(data) == ["总体情况良好。", paragraph, "下一段。"]


def test_a_paragraph_wrapped_over_a_page_break_past_header_and_footer() -> None:
    """Word repeats the header on every page and numbers the pages: neither cuts the paragraph."""
    header = (240, 50, 10.5, ["示例县人民政府办公室"])
    # a justified line: 0.25 em more between the characters (more than pdfplumber's 3 pt)
    justified: list[str | int] = []
    for char in "全年共受理政府信息公开申请件,较上年增长":
        justified += [char, -250]
    first = [header, (_INDENT, 100, 16, justified[:-1]), (282, 780, 14, ["— 1 —"])]
    first.insert(2, (_MARGIN, 128, 16, ["主要集中在自然资源、住房城乡建设和市场监管等领域的信息,其中"]))
    second = [header, (_MARGIN, 100, 16, ["多数申请已按期答复。"]), (282, 780, 14, ["— 2 —"])]
    # the paragraph's last line on page 1 is at the foot of the text, the continuation at the top
    first[2] = (_MARGIN, 700, 16, first[2][3])
    first[1] = (_INDENT, 672, 16, first[1][3])
    assert _row_texts(_text_pdf([first, second])) == [
        "全年共受理政府信息公开申请件,较上年增长主要集中在自然资源、住房城乡建设和市场监管等领域的信息,其中多数申请已按期答复。"
    ]


def test_latin_words_keep_their_spaces_and_quotes_keep_their_neighbours() -> None:
    data = _text_pdf(
        [
            [
                # 9 pt table note: words 0.25 em (2.25 pt) apart with no space glyph
                (_MARGIN, 80, 9, ["Open", -250, "Government", -250, "Data"]),
                # quotes touching CJK; typed spaces beside CJK and digits
                (_INDENT, 100, 16, ['"引号"与', "'apostrophe' 相邻,1月 25 日"]),
                # autospace between CJK and Latin (0.25 em, no glyph): not a space in the text
                (_INDENT, 128, 16, ["访问", -250, "gov.cn", -250, "查询。"]),
            ]
        ]
    )
    assert _row_texts(data) == [
        "Open Government Data",
        "\"引号\"与'apostrophe' 相邻,1月 25 日",
        "访问gov.cn查询。",
    ]


@pytest.mark.parametrize(
    ("first", "second", "end", "start", "joined"),
    [
        ('& "引号"', "'apostrophe' 不是", "", "", "& \"引号\" 'apostrophe' 不是"),  # wrapped at the space
        ("Open", "Data", "", "", "Open Data"),
        ("2020年,", "2021年", "，", "2", "2020年,2021年"),  # a full-width comma was printed
        ("2020年,", "2021年", ",", "2", "2020年, 2021年"),  # an ASCII comma holds on to a digit
        ("e-", "mail", "", "", "e-mail"),  # a hyphen breaks without a space
        ("www.gov.cn/", "xxgk", "", "", "www.gov.cn/xxgk"),
        ("信息公开", "工作", "", "", "信息公开工作"),
        ("全年", "1200条", "", "", "全年1200条"),
    ],
)
def test_glue_at_a_wrap(first: str, second: str, end: str, start: str, joined: str) -> None:
    assert _glue(first, second, end, start) == joined


def test_line_text_drops_overprinted_bold_and_reads_gaps_in_ems() -> None:
    def glyph(text: str, x: float, width: float, size: float = 16) -> dict[str, Any]:
        return {"text": text, "x0": x, "x1": x + width, "top": 0, "bottom": size, "size": size}

    # CJK 4 pt apart (justified): no space; a column's width apart: a space
    assert _line_text([glyph("年", 0, 16), glyph("度", 20, 16), glyph("合", 60, 16)]) == "年度 合"
    # Latin 2.25 pt apart at 9 pt is a space; touching glyphs are not
    assert _line_text([glyph("a", 0, 4.5, 9), glyph("b", 6.75, 4.5, 9), glyph("c", 11.25, 4.5, 9)]) == "a bc"


# -- bad files --------------------------------------------------------------------------------------
def test_scanned_pdf_has_no_text_layer() -> None:
    with pytest.raises(ParseError) as info:
        parse(SAMPLES / "scanned.pdf")
    assert str(info.value) == f"{SAMPLES / 'scanned.pdf'}: {NO_TEXT_LAYER}"


def _pdf(objects: list[bytes], trailer: bytes) -> bytes:
    """A minimal PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


_PAGE_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
]


def test_password_protected_pdf() -> None:
    """Standard security handler whose user password is not empty: the O/U keys match no password."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
    trailer = b"<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>" % (b"ab" * 16, b"ab" * 16)
    data = _pdf([*_PAGE_OBJECTS, encrypt], trailer)
    with pytest.raises(ParseError, match=r"^s\.pdf: PDF is password-protected; "):
        parse(data, name="s.pdf")


def test_blank_pdf_without_images_has_no_text_layer() -> None:
    data = _pdf(_PAGE_OBJECTS, b"<< /Size 4 /Root 1 0 R >>")
    with pytest.raises(ParseError, match=re.escape(NO_TEXT_LAYER)):
        read_pdf(data, "blank.pdf")


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\nthis is not a pdf body\n", _pdf([b"<< /Type /Catalog >>"], b"<< /Size 2 /Root 1 0 R >>")],
    ids=["garbage", "catalog-without-pages"],
)
def test_corrupt_pdf_is_a_one_line_error(data: bytes) -> None:
    with pytest.raises(ParseError) as info:
        parse(data, name="bad.pdf")
    message = str(info.value)
    assert message.startswith("bad.pdf") and "not a readable PDF" in message
    assert "\n" not in message


def test_truncated_pdf_is_an_error_not_a_partial_report(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(OFFICIAL.read_bytes()[:4000])
    with pytest.raises(ParseError) as info:
        parse(path)
    assert str(info.value).startswith(f"{path}: ")


def _cells(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """(path, value) of every number of a report's three tables."""
    out: list[tuple[str, Any]] = []
    for table in ("active_disclosure", "applications", "review_litigation"):
        for row, cells in data[table].items():
            pairs = cells.items() if isinstance(cells, dict) else enumerate(cells)
            out += [(f"{table}.{row}.{column}", value) for column, value in pairs]
    return out


def test_tables_on_landscape_pages_are_read() -> None:
    parsed = parse(SAMPLES / "2021_landscape.pdf")
    expected = json.loads((SAMPLES / "2021_official.expected.json").read_text(encoding="utf-8"))
    assert _cells(parsed.report.to_json()) == _cells(expected)
    assert not [f for f in parsed.findings if f.code.startswith(("parse.", "cells.", "layout."))]


def test_tables_turned_a_quarter_on_their_pages_are_turned_level_and_read() -> None:
    """A landscape table laid on a portrait page: read as it stands, its digits fall apart
    ("175" → "1"); the page is turned level first, and every number is read."""
    parsed = parse(SAMPLES / "2021_sideways.pdf")
    expected = json.loads((SAMPLES / "2021_official.expected.json").read_text(encoding="utf-8"))
    assert _cells(parsed.report.to_json()) == _cells(expected)
    assert not [f for f in parsed.findings if f.code.startswith(("parse.", "cells.", "layout."))]
    assert parsed.sources["applications.new_received[0]"].ref.page == 4


def test_tables_printed_askew_are_reported_never_misread() -> None:
    """No quarter turn sets text printed at 30° level: nothing is read from those pages, and a
    finding names them."""
    parsed = parse(SAMPLES / "2021_askew.pdf")
    expected = dict(_cells(json.loads((SAMPLES / "2021_official.expected.json").read_text(encoding="utf-8"))))
    wrong = [(cell, value) for cell, value in _cells(parsed.report.to_json()) if value not in (None, expected[cell])]
    assert wrong == []
    turned = [f for f in parsed.findings if f.code == "parse.sideways_pages"]
    assert len(turned) == 1 and turned[0].severity == "error"
    assert turned[0].message.startswith("第2、4、6页的文字斜着印出")


def test_scan_with_a_stamp_line_of_text_asks_for_ocr() -> None:
    """A few characters laid on a scanned page (a stamp, a page number) are not a text layer."""
    path = SAMPLES / "scanned_with_stamp.pdf"
    with pytest.raises(ParseError) as info:
        parse(path)
    assert str(info.value) == (
        f"{path}: page(s) 1 of the PDF are images with little or no text (scanned?) and no table was "
        "found in its text; run OCR first"
    )


def test_a_scanned_page_among_text_pages_is_reported() -> None:
    parsed = parse(SAMPLES / "2021_image_page.pdf")
    expected = json.loads((SAMPLES / "2021_official.expected.json").read_text(encoding="utf-8"))
    assert _cells(parsed.report.to_json()) == _cells(expected)
    assert [(f.code, f.severity) for f in parsed.findings] == [("parse.image_pages", "warning")]
    assert parsed.findings[0].message.startswith("第4页是图片")
