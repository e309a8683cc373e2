"""The report as an HTML page (for the portal) or fragment (for the workbench), in the official layout.

Speed matters here (a supervising office renders thousands of reports), so there is no template
engine: each format's tables are turned into a list of fixed HTML pieces and value slots once per
process (:func:`_table_template`), and a report is rendered by joining those pieces with its
escaped values. The page carries its own stylesheet (screen and print, A4 with "— 1 —" page
numbers); it loads nothing from outside, so it works offline and passes a strict CSP.
"""

from __future__ import annotations

from functools import cache
from html import escape

from gongkai.render.layout import (
    LayoutCell,
    TableLayout,
    format_value,
    report_title,
    report_title_lines,
    table_layouts,
)
from gongkai.report.model import SECTION_KEYS, Report

__all__ = ["PAGE_CSS", "render_html", "render_html_fragment"]

_FANGSONG = '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"'
FONT_STACK_BODY = f'{_FANGSONG}, "Noto Serif CJK SC", "Source Han Serif SC", serif'
FONT_STACK_TITLE = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", serif'
FONT_STACK_HEADING = '"黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
FONT_STACK_TABLE = f'{_FANGSONG}, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'

PAGE_CSS = f"""
.gongkai-report {{ font-family: {FONT_STACK_BODY}; font-size: 16pt; line-height: 1.75; color: #000;
  max-width: 210mm; margin: 0 auto; }}
.gongkai-report h1 {{ font-family: {FONT_STACK_TITLE}; font-size: 22pt; font-weight: bold; text-align: center;
  line-height: 1.5; margin: 0 0 1em; }}
.gongkai-report h2 {{ font-family: {FONT_STACK_HEADING}; font-size: 16pt; font-weight: normal; margin: 0.8em 0 0.3em;
  text-indent: 2em; }}
.gongkai-report p {{ margin: 0; text-indent: 2em; text-align: justify; }}
.gongkai-report table {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.4em 0 0.8em;
  font-family: {FONT_STACK_TABLE}; font-size: 9pt; line-height: 1.35; }}
.gongkai-report th, .gongkai-report td {{ border: 1px solid #000; padding: 2px 3px; text-align: center;
  vertical-align: middle; font-weight: normal; word-break: break-all; }}
.gongkai-report td.label {{ text-align: left; }}
.gongkai-report td.group {{ text-align: center; }}
.gongkai-report td.vertical {{ padding: 2px 1px; line-height: 1.2; }}
.gongkai-report td.vertical span.v {{ display: inline-block; width: 1em; word-break: break-all; line-break: anywhere; }}
.gongkai-report td.corner {{ font-size: 8pt; text-align: left; }}
.gongkai-report tr.caption td {{ text-align: left; font-weight: bold; background: #f2f2f2; }}
.gongkai-report td.value {{ font-variant-numeric: tabular-nums; }}
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center {{ content: "— " counter(page) " —"; font-family: {FONT_STACK_BODY}; font-size: 14pt; }} }}
@media print {{
  .gongkai-report {{ max-width: none; }}
  .gongkai-report table {{ page-break-inside: auto; }}
  .gongkai-report tr {{ page-break-inside: avoid; break-inside: avoid; }}
  .gongkai-report tr.keep {{ page-break-after: avoid; break-after: avoid; }}
  .gongkai-report thead {{ display: table-header-group; }}
  .gongkai-report h2 {{ page-break-after: avoid; }}
}}
body {{ margin: 2em 1em; background: #fff; }}
@media print {{ body {{ margin: 0; }} }}
"""

_Piece = str | tuple[str, str]  # fixed HTML, or (cell id, value type) filled per report


def _cell_html(cell: LayoutCell) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    classes = cell.kind + (" vertical" if cell.vertical else "")
    tag = "th" if cell.kind == "header" else "td"
    return f'<{tag} class="{classes}"{spans}>'


@cache
def _table_template(format_key: str, section: str) -> tuple[_Piece, ...]:
    """The HTML of one table with value slots, built once per format."""
    layout = next(t for t in table_layouts(format_key) if t.section == section)
    return tuple(_compile(layout))


def _compile(layout: TableLayout) -> list[_Piece]:
    total = sum(layout.column_weights)
    cols = "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in layout.column_weights)
    pieces: list[_Piece] = [f'<table class="{layout.section}"><colgroup>{cols}</colgroup>']
    in_head = False
    for index, row in enumerate(layout.rows):
        if row.header and not in_head:
            pieces.append("<thead>")
            in_head = True
        if not row.header and in_head:
            pieces.append("</thead>")
            in_head = False
        if not row.header and (index == 0 or layout.rows[index - 1].header):
            pieces.append("<tbody>")
        classes = []
        if len(row.cells) == 1 and row.cells[0].kind == "caption":
            classes.append("caption")
        if row.keep_with_next:
            classes.append("keep")
        pieces.append(f'<tr class="{" ".join(classes)}">' if classes else "<tr>")
        for cell in row.cells:
            pieces.append(_cell_html(cell))
            if cell.kind == "value":
                assert cell.cell_id is not None
                pieces.append((cell.cell_id, cell.value_type))
            elif cell.vertical:
                # one character a line whatever the column width (WeasyPrint has no writing-mode)
                pieces.append(f'<span class="v">{escape(cell.text)}</span>')
            else:
                pieces.append(escape(cell.text))
            pieces.append("</th>" if cell.kind == "header" else "</td>")
        pieces.append("</tr>")
    pieces.append("</thead></table>" if in_head else "</tbody></table>")
    return _merge(pieces)


def _merge(pieces: list[_Piece]) -> list[_Piece]:
    """Join neighbouring fixed strings so rendering is one short loop per value."""
    out: list[_Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and out and isinstance(out[-1], str):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _table_html(report: Report, section: str) -> str:
    get = report.get
    return "".join(
        p if isinstance(p, str) else escape(format_value(get(p[0]), p[1]))
        for p in _table_template(report.format, section)
    )


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())


def render_html_fragment(report: Report) -> str:
    """The report as one ``<article class="gongkai-report">`` for embedding (styles: PAGE_CSS)."""
    fmt = report.definition
    parts = [f'<article class="gongkai-report format-{escape(fmt.key)}">']
    title = "<br>".join(escape(line) for line in report_title_lines(fmt, report.agency, report.year))
    parts.append(f"<h1>{title}</h1>")
    for section in fmt.sections:
        parts.append(f'<section class="{section.key}"><h2>{escape(section.label)}</h2>')
        if section.key in SECTION_KEYS:
            parts.append(_paragraphs(report.sections.get(section.key, "")))
        else:
            parts.append(_table_html(report, section.key))
        parts.append("</section>")
    parts.append("</article>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """A standalone HTML page: title, the six sections, the tables, screen and print styles."""
    title = escape(report_title(report.definition, report.agency, report.year))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{PAGE_CSS}</style></head><body>"
        f"{render_html_fragment(report)}</body></html>\n"
    )
