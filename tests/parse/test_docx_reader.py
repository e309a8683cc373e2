"""The DOCX reader: body order, merged cells resolved into a grid, what is left out, and bad files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from gongkai.parse import ParseError, parse
from gongkai.parse.docx_reader import read_docx

DATA = Path(__file__).resolve().parents[1] / "data" / "parse"
SAMPLES = DATA / "docx"


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _merged_table_docx() -> bytes:
    """A 4×4 table: a vertical merge in column 1 over rows 2–4, a horizontal one over columns 2–4."""
    document = docx.Document()
    document.add_paragraph("前言")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).text = "角"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "申请人情况"
    table.cell(1, 0).merge(table.cell(3, 0)).text = "三、本年度办理结果"
    for r in range(1, 4):
        for c in range(1, 4):
            table.cell(r, c).text = f"{r}{c}"
    document.add_paragraph("后记")
    return _save(document)


def test_merged_cells_repeat_with_one_origin() -> None:
    doc = read_docx(_merged_table_docx(), "t.docx")
    texts = [[c.text for c in row.cells] for row in doc.rows]
    assert texts == [
        ["前言"],
        ["角", "申请人情况", "申请人情况", "申请人情况"],
        ["三、本年度办理结果", "11", "12", "13"],
        ["三、本年度办理结果", "21", "22", "23"],
        ["三、本年度办理结果", "31", "32", "33"],
        ["后记"],
    ]
    header = doc.rows[1].cells
    assert header[1].origin == header[2].origin == header[3].origin != header[0].origin
    group = {row.cells[0].origin for row in doc.rows[2:5]}
    assert len(group) == 1
    first = doc.rows[2].cells[0]
    assert (first.ref.table, first.ref.row, first.ref.column) == (1, 2, 1)
    assert doc.rows[3].cells[2].ref.column == 3
    assert [row.positional for row in doc.rows] == [False, True, True, True, True, False]
    all_origins = [c.origin for row in doc.rows for c in row.cells]
    assert len(set(all_origins)) == 1 + 2 + 1 + 9 + 1


def test_vmerge_continue_without_a_cell_above_is_read_as_its_own_cell() -> None:
    """A damaged file marks a first-row cell as a merge continuation; python-docx would raise."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "2"
    tc = table.rows[0].cells[0]._tc
    tc.get_or_add_tcPr().append(parse_xml(f"<w:vMerge {nsdecls('w')}/>"))
    doc = read_docx(_save(document), "t.docx")
    assert [[c.text for c in row.cells] for row in doc.rows] == [["甲", "乙"], ["1", "2"]]


def test_grid_before_keeps_vertical_merges_aligned() -> None:
    """A row that starts one grid column late still finds the cell above it by grid offset."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 2).merge(table.cell(1, 2)).text = "合"
    table.cell(0, 0).text = "a"
    table.cell(0, 1).text = "b"
    table.cell(1, 1).text = "y"
    second = table.rows[1]._tr
    second.remove(second.tc_lst[0])
    second.get_or_add_trPr().insert(0, parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    doc = read_docx(_save(document), "t.docx")
    rows = [[c.text for c in row.cells] for row in doc.rows]
    assert rows == [["a", "b", "合"], ["y", "合"]]
    assert doc.rows[1].cells[1].origin == doc.rows[0].cells[2].origin
    assert doc.rows[1].cells[0].ref.column == 2


def test_text_boxes_and_deleted_text_are_left_out_and_layout_tables_read_in_order() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("正文")
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')} xmlns:v='urn:schemas-microsoft-com:vml'><w:pict><v:shape><v:textbox><w:txbxContent>"
            "<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    paragraph._p.append(parse_xml(f"<w:del {nsdecls('w')}><w:r><w:delText>已删</w:delText></w:r></w:del>"))
    paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Pt(40))
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "外"
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "内"
    doc = read_docx(_save(document), "t.docx")
    # the outer row holds a table: a layout row, its cells read in order as body content
    assert [[c.text for c in row.cells] for row in doc.rows] == [["正文"], ["第二行"], ["外"], ["内"]]
    assert doc.rows[3].cells[0].ref.table == 2
    assert doc.notes == []


def test_text_is_normalised() -> None:
    document = docx.Document()
    document.add_paragraph("二、主動公開政府信息情況")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "１２３"
    doc = read_docx(_save(document), "t.docx")
    assert doc.rows[0].cells[0].text == "二、主动公开政府信息情况"
    assert doc.rows[1].cells[1].text == "123"


def test_content_controls_are_read_in_place() -> None:
    document = docx.Document()
    document.add_paragraph("一")
    body = document.element.body
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>二</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    body.insert(1, sdt)
    document.add_paragraph("三")
    doc = read_docx(_save(document), "t.docx")
    assert [row.cells[0].text for row in doc.rows] == ["一", "二", "三"]


# -- bad files --------------------------------------------------------------------------------------
def test_truncated_docx_is_a_one_line_error_naming_the_file(tmp_path: Path) -> None:
    data = (SAMPLES / "2021_official.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ParseError) as info:
        parse(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not a readable DOCX: ")
    assert "\n" not in message


def test_zip_without_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ParseError, match=r"^book\.xlsx: not a readable DOCX: the zip has no word/document.xml$"):
        read_docx(buffer.getvalue(), "book.xlsx")


def test_broken_document_xml() -> None:
    data = (SAMPLES / "2021_official.docx").read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content[: len(content) // 3]
            archive.writestr(info, content)
    with pytest.raises(ParseError, match=r"^r\.docx: not a readable DOCX: broken XML"):
        read_docx(buffer.getvalue(), "r.docx")


def _ole(streams: list[str]) -> bytes:
    """The start of an OLE compound file naming ``streams`` (what Word writes for encrypted .docx)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return header + b"".join(name.encode("utf-16-le") + bytes(64 - 2 * len(name)) for name in streams)


def test_password_protected_docx() -> None:
    with pytest.raises(ParseError, match=r"^s\.docx: DOCX is password-protected \(encrypted\)"):
        read_docx(_ole(["EncryptionInfo", "EncryptedPackage"]), "s.docx")


def test_legacy_doc() -> None:
    with pytest.raises(ParseError, match=r"legacy Word \.doc"):
        read_docx(_ole(["WordDocument", "1Table"]), "old.doc")


# -- the samples ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["2021_official", "2019_official"])
def test_sample_reads_every_number_from_its_table_cell(name: str) -> None:
    parsed = parse(SAMPLES / f"{name}.docx")
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    got = parsed.report.to_json()
    for key in ("format", "year", "agency", "active_disclosure", "applications", "review_litigation"):
        assert got[key] == expected[key], key
    assert parsed.kind == "docx"
    assert not [f for f in parsed.findings if f.code.startswith(("parse.", "cells.", "layout."))]
    granted = parsed.sources["applications.granted[0]"].ref
    assert (granted.table, granted.row, granted.column) == (2, 6, 4)
    review = parsed.sources["review_litigation.litigation_after_reconsideration.total"].ref
    assert (review.table, review.row, review.column) == (3, 4, 15)


def test_sample_uses_the_official_merges() -> None:
    """The 2021 sample really has what it is meant to test: vertical and horizontal merges."""
    with zipfile.ZipFile(SAMPLES / "2021_official.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert xml.count('w:vMerge w:val="restart"') >= 10  # 三、…, four groups, header cells
    assert xml.count("<w:vMerge/>") >= 22 + 8 + 3 + 5 + 3
    assert xml.count("w:gridSpan") >= 20


@pytest.mark.parametrize("path", sorted(DATA.glob("[dp][od][cf]*/*.expected.json")), ids=lambda p: p.name)
def test_binary_samples_carry_the_seed_numbers(path: Path) -> None:
    """Expected files of generated samples equal the hand-typed seed they were made from."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    seed = json.loads((DATA / expected["numbers_from"]).read_text(encoding="utf-8"))
    for key in ("format", "year", "active_disclosure", "applications", "review_litigation"):
        assert expected[key] == seed[key], key


@pytest.mark.parametrize("name", ["2021_official", "2019_official"])
def test_report_typed_inside_a_one_cell_layout_table_reads_the_same(name: str) -> None:
    """Some agencies frame the whole report in a one-cell table: the tables nested in it are read."""
    document = docx.Document(str(SAMPLES / f"{name}.docx"))
    body = document.element.body
    frame = parse_xml(f"<w:tbl {nsdecls('w')}><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc/></w:tr></w:tbl>")
    cell = frame.find(f"{{{body.nsmap['w']}}}tr/{{{body.nsmap['w']}}}tc")
    for child in list(body):
        if child.tag.endswith("}sectPr"):
            continue
        cell.append(child)  # moves it
    cell.append(parse_xml(f"<w:p {nsdecls('w')}/>"))  # a cell ends with a paragraph
    body.insert(0, frame)
    framed = parse(_save(document), name=f"{name}-framed.docx")
    plain = parse(SAMPLES / f"{name}.docx")
    assert framed.report.to_json() == plain.report.to_json()
    assert [f.code for f in framed.findings] == [f.code for f in plain.findings]
    granted = framed.sources["applications.granted[0]"].ref
    assert (granted.table, granted.row, granted.column) == (3, 6, 4)  # table 1 is the frame
