"""Regenerate the DOCX and PDF golden samples under tests/data/parse/docx/ and pdf/.

Run from the repository root: ``.venv/bin/python tests/data/parse/make_binary_samples.py``.

Why generated, and why here: the numbers come from the hand-typed seed expected files
(``seeds/*.expected.json``), so each sample's expected JSON is known exactly without trusting any
parser; the layout is the official one (国办公开办函〔2021〕30号 / 〔2019〕60号), built from the
format definition (``gongkai.report.formats``) — the labels are never retyped. This script must
not use ``gongkai.render`` (written in parallel, and a renderer bug would then hide a reader bug).

What is produced:
- ``docx/2021_official.docx`` (numbers of seed 001): GB/T 9704 page and fonts, merged label cells
  with ``w:gridSpan``, the vertical "三、本年度办理结果" cell and the （三）…（六） group cells with
  ``w:vMerge``, the 15-column review table with its 3 header rows, a page-number footer.
- ``docx/2019_official.docx`` (numbers of seed 002): the trial layout, with 第（九）项 and a
  single （六）其他处理 row.
- ``pdf/2021_official.pdf`` (numbers of seed 000): HTML with ruled tables printed by WeasyPrint
  (Noto CJK), "— N —" page footers, the applications table running over a page break, a white
  page background (a filled rectangle that is no table rule) and paragraphs wrapped over lines.
- ``pdf/2019_official.pdf`` (numbers of seed 002): the trial layout printed the same way.
- ``pdf/scanned.pdf``: one page holding only an image (no text layer), for the OCR error.
- ``pdf/2021_landscape.pdf``, ``pdf/2021_sideways.pdf`` and ``pdf/2021_askew.pdf`` (numbers of seed
  000): the tables on landscape pages, turned by 90° and askew by 30° on portrait pages (expected:
  the 2021 sample's file).
- ``pdf/scanned_with_stamp.pdf``: the scan with a stamp line and a page number as text;
  ``pdf/2021_image_page.pdf``: the 2021 sample with a scanned page appended.
"""

from __future__ import annotations

import html
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.report.formats import ApplicationGroup, ApplicationRow, Format, get_format

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
COPIED = ("format", "year", "agency", "active_disclosure", "applications", "review_litigation")


@dataclass
class Cell:
    """One printed cell before layout: text and how many grid rows/columns it covers."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


Table = list[list[Cell]]


# -- content ------------------------------------------------------------------------------------
def _value(value: Any, kind: str = "count") -> str:
    if value is None:
        return "/"
    if kind == "amount_unit_in_cell":
        return f"{value}万元"
    return str(value)


def disclosure_table(fmt: Format, data: dict[str, Any]) -> Table:
    """The four (2021) or five (2019) 第二十条 tables as one 4-column table, as agencies print it."""
    width = 1 + max(len(t.columns) for t in fmt.disclosure_tables)
    rows: Table = []
    for table in fmt.disclosure_tables:
        rows.append([Cell(table.caption, colspan=width, header=True)])
        header = [Cell(fmt.disclosure_row_header, header=True)]
        header += [Cell(c.label, header=True) for c in table.columns]
        header[-1].colspan = width - len(table.columns)
        rows.append(header)
        for row in table.rows:
            cells = [Cell(row.label)] + [Cell(_value(data[row.key][c.key], c.type)) for c in table.columns]
            cells[-1].colspan = width - len(table.columns)
            rows.append(cells)
    return rows


def applications_table(fmt: Format, data: dict[str, list[int]]) -> Table:
    """The 10-column table of section 三: three label columns, seven applicant columns."""
    columns = fmt.applicant_columns
    rows: Table = [
        [Cell(fmt.corner_note, colspan=3, rowspan=3, header=True), Cell(fmt.applicant_header, colspan=7, header=True)],
        [
            Cell(columns[0].label, rowspan=2, header=True),
            Cell(fmt.organisation_header, colspan=5, header=True),
            Cell(columns[-1].label, rowspan=2, header=True),
        ],
        [Cell(c.label, header=True) for c in columns[1:-1]],
    ]
    pending: list[Cell] = []  # group cells opened above, waiting for their first data row
    depth: dict[str, int] = {}
    for item in fmt.application_items:
        if isinstance(item, ApplicationGroup):
            depth[item.key] = 1 if item.parent is None else 2
            pending.append(Cell(item.label, rowspan=item.spans, header=True))
            continue
        assert isinstance(item, ApplicationRow)
        level = 0 if item.group is None else depth[item.group]
        label = Cell(item.label, colspan=3 - level)
        rows.append([*pending, label] + [Cell(_value(v)) for v in data[item.key]])
        pending = []
    return rows


def review_table(fmt: Format, data: dict[str, dict[str, int]]) -> Table:
    """The 15-column table of section 四 with its three header rows."""
    first, *litigation = fmt.review_blocks
    n = len(fmt.review_columns)
    rows: Table = [
        [Cell(fmt.review_header[0], colspan=n, header=True), Cell(fmt.review_header[1], colspan=2 * n, header=True)],
        [Cell(c.label, rowspan=2, header=True) for c in fmt.review_columns]
        + [Cell(b.label, colspan=n, header=True) for b in litigation],
        [Cell(c.label, header=True) for _ in litigation for c in fmt.review_columns],
        [Cell(_value(data[b.key][c.key])) for b in (first, *litigation) for c in fmt.review_columns],
    ]
    return rows


def report_blocks(fmt: Format, seed: dict[str, Any], title: str, masthead: list[str]) -> list[tuple[str, Any]]:
    """The report in reading order: ("title"|"heading"|"para", text) and ("table", Table)."""
    year = seed["year"]
    apps = seed["applications"]
    received, answered = apps["new_received"][6], apps["total_processed"][6]
    sections = {s.key: s.label for s in fmt.sections}
    blocks: list[tuple[str, Any]] = [("title", title)]
    blocks += [("para", line) for line in masthead]
    blocks += [
        ("para", f"本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。"),
        ("heading", sections["overview"]),
        (
            "para",
            f"（一）依申请公开。全年新收政府信息公开申请{received}件，办理答复{answered}件，均在法定期限内答复。"
            "严格执行登记、审核、办理、答复、归档制度，对“三安全一稳定”等敏感事项逐件会商，"
            "答复文书统一载明救济途径和期限，答复准确率保持在99.5%以上，群众满意度进一步提升。",
        ),
        ("para", "（二）主动公开。围绕重点领域及时发布政策文件、政策解读和部门动态，做好重大决策预公开。"),
        ("para", "（三）政府信息管理。健全政府信息公开审查机制，做到先审查、后公开，定期清理规范性文件。"),
        ("para", "（四）平台建设。优化政府网站政府信息公开专栏，规范政务新媒体运行，方便公众查询。"),
        ("para", "（五）监督保障。将政务公开工作纳入年度考核，组织业务培训，开展常态化检查。"),
        ("heading", sections["active_disclosure"]),
        ("table", disclosure_table(fmt, seed["active_disclosure"])),
        ("heading", sections["applications"]),
        ("table", applications_table(fmt, apps)),
        ("heading", sections["review_litigation"]),
        ("table", review_table(fmt, seed["review_litigation"])),
        ("heading", sections["problems"]),
        ("para", "政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。下一步将加强培训，提升公开质量。"),
        ("heading", sections["other"]),
        ("para", "本机关未收取信息处理费。"),
    ]
    return blocks


# -- DOCX -----------------------------------------------------------------------------------------
def write_docx(blocks: list[tuple[str, Any]], path: Path) -> None:
    """A Word document per GB/T 9704-2012: A4, its margins, 小标宋 title, 仿宋 body, "— N —" footer."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    core = document.core_properties
    core.author = core.last_modified_by = "gongkai test data"

    def font(run: Any, name: str, size: float, bold: bool = False) -> None:
        run.font.name = name
        run.font.size = Pt(size)
        run.font.bold = bold
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(footer.add_run("— "), "宋体", 14)
    _add_page_field(footer)
    font(footer.add_run(" —"), "宋体", 14)

    for kind, content in blocks:
        if kind == "table":
            table = _docx_table(document, content)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            font(run, "仿宋_GB2312", 9)
            continue
        paragraph = document.add_paragraph()
        if kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(paragraph.add_run(content), "方正小标宋简体", 22)
        elif kind == "heading":
            font(paragraph.add_run(content), "黑体", 16)
        else:
            paragraph.paragraph_format.first_line_indent = Pt(32)
            font(paragraph.add_run(content), "仿宋_GB2312", 16)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry dates, so regenerating gives byte-identical files."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            archive.writestr(entry, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _grid(rows: Table) -> tuple[int, list[tuple[int, int, Cell]]]:
    """Place spanning cells on a grid: (width, [(row, column, cell)]) like an HTML table."""
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, Cell]] = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
            width = max(width, c)
    return width, placed


def _docx_table(document: Any, rows: Table) -> Any:
    width, placed = _grid(rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, c, cell in placed:
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.text = cell.text
    return table


def _add_page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


# -- PDF ------------------------------------------------------------------------------------------
_CSS = """
@page { size: A4; margin: 25mm 20mm 22mm 20mm;
        @bottom-center { content: "— " counter(page) " —"; font-family: "Noto Serif CJK SC"; font-size: 12pt; } }
body { background: #fff; font-family: "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.6; }
h1 { font-size: 20pt; text-align: center; font-weight: normal; margin: 0 0 10pt; }
h2 { font-size: 15pt; font-weight: normal; margin: 12pt 0 4pt; }
p { margin: 0 0 3pt; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 9pt; line-height: 1.3; }
td, th { border: 0.75pt solid #000; padding: 1.5pt 2pt; text-align: center; font-weight: normal; }
tr { page-break-inside: avoid; }
"""


def html_page(blocks: list[tuple[str, Any]]) -> str:
    parts = ["<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><style>", _CSS, "</style></head><body>"]
    for kind, content in blocks:
        if kind == "title":
            parts.append(f"<h1>{html.escape(content)}</h1>")
        elif kind == "heading":
            parts.append(f"<h2>{html.escape(content)}</h2>")
        elif kind == "para":
            parts.append(f"<p>{html.escape(content)}</p>")
        else:
            parts.append("<table>")
            for row in content:
                parts.append("<tr>")
                for cell in row:
                    tag = "th" if cell.header else "td"
                    spans = f" colspan='{cell.colspan}'" * (cell.colspan > 1) + f" rowspan='{cell.rowspan}'" * (
                        cell.rowspan > 1
                    )
                    parts.append(f"<{tag}{spans}>{html.escape(cell.text)}</{tag}>")
                parts.append("</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(page: str, path: Path) -> None:
    import weasyprint

    path.write_bytes(weasyprint.HTML(string=page).write_pdf())


def scanned_png() -> bytes:
    """A grey page image with a drawn title, standing in for a scanner's output (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (620, 240), 250)
    draw = ImageDraw.Draw(image)
    try:
        face = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 26)
    except OSError:
        face = ImageFont.load_default()
    draw.text((40, 40), "2024年政府信息公开工作年度报告", fill=30, font=face)
    for y in range(110, 220, 22):
        draw.line((40, y, 580, y), fill=60, width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_scanned_pdf(path: Path) -> None:
    import base64

    import weasyprint

    data = base64.b64encode(scanned_png()).decode("ascii")
    page = f"<html><body style='margin:0'><img style='width:170mm' src='data:image/png;base64,{data}'></body></html>"
    path.write_bytes(weasyprint.HTML(string=page).write_pdf())


def write_scan_variants() -> None:
    """A scan with a few characters of text laid on it (a stamp line, a page number), and the 2021
    sample with a scanned page appended: image pages are reported, never read as empty tables."""
    import base64

    image = base64.b64encode(scanned_png()).decode("ascii")
    img = f"<img style='width:170mm' src='data:image/png;base64,{image}'>"
    stamped = (
        "<html><head><meta charset='utf-8'></head><body style='margin:0; font-family: Noto Sans CJK SC'>"
        f"{img}<p>衡山县人民政府办公室（印）</p><p>— 1 —</p></body></html>"
    )
    seed = _seed("000")
    fmt = get_format(seed["format"])
    title = f"{seed['agency'] or ''}{seed['year']}年政府信息公开工作年度报告"
    page = html_page(report_blocks(fmt, seed, title, ["发布机构：市政府办公室"]))
    appended = page.replace("</body>", f"<div style='page-break-before: always'>{img}</div></body>")
    for name, html_text in (("scanned_with_stamp", stamped), ("2021_image_page", appended)):
        target = HERE / "pdf" / f"{name}.pdf"
        write_pdf(html_text, target)
        print(f"wrote {target.relative_to(HERE)} ({target.stat().st_size} bytes)")


# -- main -----------------------------------------------------------------------------------------
def _seed(prefix: str) -> dict[str, Any]:
    (path,) = SEEDS.glob(f"{prefix}_*.expected.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["_seed"] = path.name
    return data


def _expected(seed: dict[str, Any], sections: list[str]) -> str:
    data = {key: seed[key] for key in COPIED}
    data["sections_present"] = sections
    data["numbers_from"] = f"seeds/{seed['_seed']}"
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    sections = ["overview", "problems", "other"]
    cases = [
        ("docx", "2021_official", "001", write_docx),
        ("docx", "2019_official", "002", write_docx),
        ("pdf", "2021_official", "000", None),
        ("pdf", "2019_official", "002", None),
    ]
    for folder, name, prefix, writer in cases:
        seed = _seed(prefix)
        fmt = get_format(seed["format"])
        agency = seed["agency"] or ""
        title = f"{agency}{seed['year']}年政府信息公开工作年度报告"
        masthead = [] if seed["agency"] else ["发布机构：市政府办公室"]
        blocks = report_blocks(fmt, seed, title, masthead)
        out = HERE / folder
        out.mkdir(exist_ok=True)
        target = out / f"{name}.{folder}"
        if writer is not None:
            writer(blocks, target)
        else:
            write_pdf(html_page(blocks), target)
        (out / f"{name}.expected.json").write_text(_expected(seed, sections), encoding="utf-8")
        print(f"wrote {target.relative_to(HERE)} ({target.stat().st_size} bytes)")
    scanned = HERE / "pdf" / "scanned.pdf"
    write_scanned_pdf(scanned)
    print(f"wrote {scanned.relative_to(HERE)} ({scanned.stat().st_size} bytes)")
    write_turned_pdfs()
    write_scan_variants()


# Landscape tables: on landscape pages (text upright, read like any page), laid turned by 90° on
# portrait pages (the reader turns those pages level), and askew by 30° (no quarter turn sets the
# text level: the reader must not read it as lines, see parse.sideways_pages)
_LANDSCAPE_CSS = "@page { size: A4 landscape }"
_TURNED_TABLE = (
    "<div style='transform: rotate(90deg); transform-origin: top left; margin-left: 100%; "
    "page-break-before: always; page-break-after: always'><table style='width: 250mm'>"
)


def write_turned_pdfs() -> None:
    seed = _seed("000")
    fmt = get_format(seed["format"])
    title = f"{seed['agency'] or ''}{seed['year']}年政府信息公开工作年度报告"
    page = html_page(report_blocks(fmt, seed, title, ["发布机构：市政府办公室"]))
    landscape = page.replace("</style>", _LANDSCAPE_CSS + "</style>", 1)
    turned = page.replace("<table>", _TURNED_TABLE).replace("</table>", "</table></div>")
    askew = page.replace("<table>", _TURNED_TABLE.replace("rotate(90deg)", "rotate(30deg)")).replace(
        "</table>", "</table></div>"
    )
    for name, html_text in (("2021_landscape", landscape), ("2021_sideways", turned), ("2021_askew", askew)):
        target = HERE / "pdf" / f"{name}.pdf"
        write_pdf(html_text, target)
        print(f"wrote {target.relative_to(HERE)} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
