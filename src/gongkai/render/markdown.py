"""The report as Markdown: pipe tables readable on code hosts and in chat, and readable back.

Markdown has no merged cells, so the official layout is flattened (docs/render.md):

* the 第二十条 tables become one small table each, introduced by their caption line;
* in the applications table every merged group cell (三、本年度办理结果, （三）不予公开 …) becomes a
  row of its own with empty value cells, placed right above the rows it spans. Each data row thus
  keeps its own label exactly as the official layout prints it — which is what
  :func:`gongkai.parse.parse` matches — and the table reads like the text copies agencies publish;
* the three header rows of the applications and review tables become one header row whose
  labels name their whole header path ("法人或其他组织 / 商业企业").

Section headings are written as bare lines (no ``#``): gongkai's reader matches them by their
exact official wording, and so do the text readers of other tools. Narrative lines are separated
by blank lines so that each stays its own paragraph.
"""

from __future__ import annotations

from gongkai.render.layout import format_value, report_title, table_layout
from gongkai.report.formats import Format
from gongkai.report.model import SECTION_KEYS, Report, application_cell, disclosure_cell, review_cell

__all__ = ["render_markdown"]

_PATH_SEPARATOR = " / "


def _cell(text: str) -> str:
    """A table cell: pipes and line breaks would end the cell, so they are replaced."""
    return text.replace("|", "/").replace("\n", " ").strip()


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _separator(count: int, first_left: bool = True) -> str:
    marks = [":---" if first_left else "---"] + ["---:"] * (count - 1)
    return "| " + " | ".join(marks) + " |"


def _disclosure(report: Report, fmt: Format) -> list[str]:
    lines: list[str] = []
    for table in fmt.disclosure_tables:
        lines += [table.caption, ""]
        lines.append(_row([fmt.disclosure_row_header, *(c.label for c in table.columns)]))
        lines.append(_separator(1 + len(table.columns)))
        for row in table.rows:
            values = [format_value(report.get(disclosure_cell(row.key, c.key)), c.type) for c in table.columns]
            lines.append(_row([row.label, *values]))
        lines.append("")
    return lines


def _header_paths(report: Report, section: str) -> list[str]:
    """The label path above each value column of a table, joined ("行政诉讼 / 复议后起诉 / 总计")."""
    layout = table_layout(report.format, section)
    paths: dict[int, list[str]] = {}
    for row in layout.rows:
        if not row.header:
            continue
        for cell in row.cells:
            if cell.kind != "header":
                continue
            for column in range(cell.column, cell.column + cell.colspan):
                paths.setdefault(column, []).append(cell.text)
    return [_PATH_SEPARATOR.join(paths[c]) for c in sorted(paths)]


def _applications(report: Report, fmt: Format) -> list[str]:
    headers = _header_paths(report, "applications")
    lines = [_row([fmt.corner_note, *headers]), _separator(1 + len(headers))]
    blanks = [""] * len(headers)
    for item in fmt.application_items:
        key = getattr(item, "key", "")
        if hasattr(item, "spans"):
            lines.append(_row([item.label, *blanks]))
            continue
        values = [format_value(report.get(application_cell(key, i))) for i in range(len(headers))]
        lines.append(_row([item.label, *values]))
    return [*lines, ""]


def _review(report: Report, fmt: Format) -> list[str]:
    headers = _header_paths(report, "review_litigation")
    values = [format_value(report.get(review_cell(b, c))) for b, c in fmt.review_cell_order]
    return [_row(headers), _separator(len(headers), first_left=False), _row(values), ""]


def render_markdown(report: Report) -> str:
    """The whole report as Markdown text (UTF-8 when written out)."""
    fmt = report.definition
    lines = [f"# {report_title(fmt, report.agency, report.year)}", ""]
    for section in fmt.sections:
        lines += [section.label, ""]
        if section.key in SECTION_KEYS:
            for paragraph in report.sections.get(section.key, "").split("\n"):
                if paragraph.strip():
                    lines += [paragraph, ""]
        elif section.key == "active_disclosure":
            lines += _disclosure(report, fmt)
        elif section.key == "applications":
            lines += _applications(report, fmt)
        else:
            lines += _review(report, fmt)
    return "\n".join(lines).rstrip("\n") + "\n"
