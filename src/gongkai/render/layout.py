"""The official table structure of each format, derived once from the format definition.

Every renderer that draws tables (HTML, DOCX, and through HTML the PDF) walks the same
:class:`TableLayout`: rows of cells with their grid column, rowspan and colspan, exactly as the
layout issued with 国办公开办函〔2021〕30号 (and the 2019 trial format) merges them. Nothing here
retypes a label: captions, headers, row labels and groups all come from
:func:`gongkai.report.formats.get_format`, and the spans are computed from the definition's
nesting (a group spans its rows; a header spans its leaf columns), so a change in
``formats.yaml`` changes every output at once.

Value cells carry the report's cell id (``applications.granted[6]``) instead of a value: the
layout of a format is built once per process and filled per report, which is what keeps
rendering a thousand reports fast.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from gongkai.report.formats import (
    APPLICANT_COLUMNS,
    ApplicationGroup,
    ApplicationRow,
    Column,
    Format,
    get_format,
)
from gongkai.report.model import Value, application_cell, disclosure_cell, review_cell

__all__ = [
    "LayoutCell",
    "LayoutRow",
    "TableLayout",
    "document_title",
    "format_value",
    "report_title",
    "report_title_lines",
    "table_layout",
    "table_layouts",
]

TABLE_SECTIONS: tuple[str, ...] = ("active_disclosure", "applications", "review_litigation")


@dataclass(frozen=True, slots=True)
class LayoutCell:
    """One printed cell.

    kind: ``caption`` (第二十条第（一）项 row), ``corner`` (the 勾稽关系 note), ``header``,
    ``group`` (merged label without numbers: 三、本年度办理结果, （三）不予公开 …), ``label`` (a data
    row's label) or ``value`` (``cell_id`` names the report cell, ``value_type`` its column type).
    ``column`` is the grid column where the cell starts; ``vertical`` marks the tall, one-column-wide
    三、本年度办理结果 cell whose characters stand one under the other.
    """

    kind: str
    text: str = ""
    cell_id: str | None = None
    value_type: str = "count"
    rowspan: int = 1
    colspan: int = 1
    column: int = 0
    vertical: bool = False


@dataclass(frozen=True, slots=True)
class LayoutRow:
    """A printed row; ``keep_with_next`` rows must not end a page (captions, headers)."""

    cells: tuple[LayoutCell, ...]
    header: bool = False
    keep_with_next: bool = False


@dataclass(frozen=True, slots=True)
class TableLayout:
    """One table of the report: its section key, grid width, rows, and relative column widths."""

    section: str
    width: int
    rows: tuple[LayoutRow, ...]
    column_weights: tuple[float, ...]

    @property
    def header_rows(self) -> int:
        return sum(1 for row in self.rows if row.header)

    def value_cells(self) -> tuple[LayoutCell, ...]:
        return tuple(c for row in self.rows for c in row.cells if c.kind == "value")


def document_title(fmt: Format) -> str:
    """政府信息公开工作年度报告 — the report's own name, taken from the format's title.

    The format is called 中华人民共和国政府信息公开工作年度报告格式 (2019: …格式（试行）); a report
    is titled "<agency><year>年政府信息公开工作年度报告", so the name is the format title without the
    state prefix and from 格式 on.
    """
    name = fmt.title.removeprefix("中华人民共和国")
    return name[: name.index("格式")] if "格式" in name else name


def report_title(fmt: Format, agency: str | None, year: int | None) -> str:
    """ "<agency><year>年政府信息公开工作年度报告" (agency or year left out when unknown)."""
    return f"{agency or ''}{f'{year}年' if year is not None else ''}{document_title(fmt)}"


def report_title_lines(fmt: Format, agency: str | None, year: int | None) -> tuple[str, ...]:
    """The title broken where GB/T 9704 wants it: whole words per line, the agency on its own line.

    At 22 pt a line holds about 20 characters, so most titles wrap; breaking after the agency
    keeps "2024年政府信息公开工作年度报告" whole instead of cutting it wherever the width ends.
    """
    rest = report_title(fmt, None, year)
    return (agency, rest) if agency else (rest,)


def format_value(value: Value, value_type: str = "count") -> str:
    """The printed form of a cell: "" for None, plain digits, amounts without exponent.

    The 2019 采购总金额 column names no unit, so its amounts (kept in 万元) print with "万元" in the
    cell; every other amount column names its unit in the header.
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
    else:
        text = str(value)
    if value_type == "amount_unit_in_cell":
        return f"{text}万元"
    return text


# -- building ----------------------------------------------------------------------------------


_Rows = list[tuple[list[LayoutCell], bool, bool]]  # cells, header, keep_with_next


def _place(rows: _Rows, width: int) -> tuple[LayoutRow, ...]:
    """Give every cell its grid column, skipping columns that cells from rows above span into."""
    busy: dict[tuple[int, int], bool] = {}
    placed: list[LayoutRow] = []
    for r, (cells, header, keep) in enumerate(rows):
        column = 0
        out: list[LayoutCell] = []
        for cell in cells:
            while busy.get((r, column)):
                column += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    busy[(r + dr, column + dc)] = True
            out.append(replace(cell, column=column))
            column += cell.colspan
        while busy.get((r, column)):
            column += 1
        if column != width:
            raise ValueError(f"layout row {r} fills {column} of {width} grid columns")
        placed.append(LayoutRow(tuple(out), header, keep))
    return tuple(placed)


def _disclosure(fmt: Format) -> TableLayout:
    """The 第二十条 tables as one table: caption rows span all columns; a table with fewer value
    columns than the widest one lets its last value column span the rest (one value → all three)."""
    value_columns = max(len(t.columns) for t in fmt.disclosure_tables)
    width = 1 + value_columns
    rows: _Rows = []
    for table in fmt.disclosure_tables:
        rows.append(([LayoutCell("caption", table.caption, colspan=width)], False, True))
        spans = [1] * len(table.columns)
        spans[-1] += value_columns - len(table.columns)
        header = [LayoutCell("header", fmt.disclosure_row_header)]
        header += [LayoutCell("header", c.label, colspan=s) for c, s in zip(table.columns, spans, strict=True)]
        rows.append((header, False, True))
        for index, row in enumerate(table.rows, start=1):
            cells = [LayoutCell("label", row.label)]
            cells += [
                LayoutCell("value", cell_id=disclosure_cell(row.key, c.key), value_type=c.type, colspan=s)
                for c, s in zip(table.columns, spans, strict=True)
            ]
            rows.append((cells, False, index < len(table.rows)))
    weights = (2.2,) + (1.6,) * value_columns
    return TableLayout("active_disclosure", width, _place(rows, width), weights)


@dataclass
class _Node:
    """A header label over the leaf columns below it (a leaf is a value column)."""

    label: str
    children: list[_Node]

    @property
    def depth(self) -> int:
        return 1 + max((c.depth for c in self.children), default=0)

    @property
    def leaves(self) -> int:
        return sum(c.leaves for c in self.children) if self.children else 1


def _header_rows(roots: list[_Node], lead: list[LayoutCell]) -> _Rows:
    """Header rows of a column tree: a node spans its leaves; a leaf reaches down to the last row."""
    depth = max(n.depth for n in roots)
    rows: list[list[LayoutCell]] = [[] for _ in range(depth)]
    rows[0].extend(lead)

    def walk(node: _Node, level: int) -> None:
        if node.children:
            rows[level].append(LayoutCell("header", node.label, colspan=node.leaves))
            for child in node.children:
                walk(child, level + 1)
        else:
            rows[level].append(LayoutCell("header", node.label, rowspan=depth - level))

    for root in roots:
        walk(root, 0)
    return [(r, True, True) for r in rows]


def _applicant_tree(node: dict[str, Any]) -> _Node:
    return _Node(node["label"], [_applicant_tree(c) for c in node.get("children", [])])


def _applications(fmt: Format) -> TableLayout:
    groups = {g.key: g for g in fmt.application_groups}

    def depth(parent: str | None) -> int:
        return 0 if parent is None else 1 + depth(groups[parent].parent)

    def ancestors(parent: str | None) -> list[str]:
        return [] if parent is None else [parent, *ancestors(groups[parent].parent)]

    row_depths = [depth(r.group) for r in fmt.application_rows]
    label_columns = 1 + max(row_depths)
    width = label_columns + len(APPLICANT_COLUMNS)
    members = {key: sum(1 for r in fmt.application_rows if key in ancestors(r.group)) for key in groups}
    for key, group in groups.items():
        if members[key] != group.spans:
            raise ValueError(
                f"formats.yaml: group {key} of format {fmt.key} says {group.spans} rows, has {members[key]}"
            )
    tree = _applicant_tree(fmt.raw["applications"]["column_header"])
    if [c.label for c in fmt.applicant_columns] != _leaf_labels(tree):
        raise ValueError(f"formats.yaml: applicant header of format {fmt.key} does not match its columns")
    corner = LayoutCell("corner", fmt.corner_note, rowspan=tree.depth, colspan=label_columns)
    rows = _header_rows([tree], [corner])
    pending: list[LayoutCell] = []
    for item in fmt.application_items:
        if isinstance(item, ApplicationGroup):
            level = depth(item.parent)
            pending.append(LayoutCell("group", item.label, rowspan=members[item.key], vertical=level == 0))
            continue
        assert isinstance(item, ApplicationRow)
        level = depth(item.group)
        cells = [*pending, LayoutCell("label", item.label, colspan=label_columns - level)]
        pending = []
        cells += [LayoutCell("value", cell_id=application_cell(item.key, i)) for i in range(len(APPLICANT_COLUMNS))]
        rows.append((cells, False, False))
    weights = (0.55, 1.25, 3.6)[-label_columns:] + (1.0,) * len(APPLICANT_COLUMNS)
    return TableLayout("applications", width, _place(rows, width), weights)


def _leaf_labels(node: _Node) -> list[str]:
    if not node.children:
        return [node.label]
    return [label for child in node.children for label in _leaf_labels(child)]


def _review(fmt: Format) -> TableLayout:
    """行政复议 (five columns over two header rows) and 行政诉讼 (two blocks of five), one data row."""

    def leaves(columns: tuple[Column, ...]) -> list[_Node]:
        return [_Node(c.label, []) for c in columns]

    roots: list[_Node] = []
    for top in fmt.review_header:
        own = [b for b in fmt.review_blocks if b.parent_label is None and b.label == top]
        nested = [b for b in fmt.review_blocks if b.parent_label == top]
        if own:
            roots.append(_Node(top, leaves(fmt.review_columns)))
        else:
            roots.append(_Node(top, [_Node(b.label, leaves(fmt.review_columns)) for b in nested]))
    order = [(b.key, c.key) for b in fmt.review_blocks for c in fmt.review_columns]
    width = sum(r.leaves for r in roots)
    rows = _header_rows(roots, [])
    rows.append(([LayoutCell("value", cell_id=review_cell(b, c)) for b, c in order], False, False))
    return TableLayout("review_litigation", width, _place(rows, width), (1.0,) * width)


@cache
def table_layouts(format_key: str) -> tuple[TableLayout, ...]:
    """The three tables of format ``format_key`` in section order (built once per process)."""
    fmt = get_format(format_key)
    return (_disclosure(fmt), _applications(fmt), _review(fmt))


def table_layout(format_key: str, section: str) -> TableLayout:
    """The table printed in ``section`` (active_disclosure, applications or review_litigation)."""
    for layout in table_layouts(format_key):
        if layout.section == section:
            return layout
    raise KeyError(f"section {section!r} has no table")
