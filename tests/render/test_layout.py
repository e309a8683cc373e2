"""The table layout is the official one: spans, merged groups, header rows — for both formats."""

from __future__ import annotations

import pytest

from gongkai.render.layout import LayoutCell, TableLayout, report_title, table_layout, table_layouts
from gongkai.report.formats import FORMAT_KEYS, get_format


def _cells(layout: TableLayout) -> list[LayoutCell]:
    return [c for row in layout.rows for c in row.cells]


def _by_text(layout: TableLayout, text: str) -> LayoutCell:
    (cell,) = [c for c in _cells(layout) if c.text == text]
    return cell


@pytest.mark.parametrize("key", FORMAT_KEYS)
def test_every_grid_slot_is_covered_exactly_once(key: str) -> None:
    for layout in table_layouts(key):
        covered: dict[tuple[int, int], int] = {}
        for r, row in enumerate(layout.rows):
            for cell in row.cells:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        slot = (r + dr, cell.column + dc)
                        covered[slot] = covered.get(slot, 0) + 1
        expected = {(r, c) for r in range(len(layout.rows)) for c in range(layout.width)}
        assert set(covered) == expected, layout.section
        assert set(covered.values()) == {1}, layout.section


@pytest.mark.parametrize("key", FORMAT_KEYS)
def test_every_label_and_cell_of_the_format_is_laid_out(key: str) -> None:
    fmt = get_format(key)
    texts = {c.text for layout in table_layouts(key) for c in _cells(layout)}
    labels = {t.caption for t in fmt.disclosure_tables} | {fmt.disclosure_row_header, fmt.corner_note}
    labels |= {c.label for t in fmt.disclosure_tables for c in t.columns} | {r.label for _, r in fmt.disclosure_rows}
    labels |= {i.label for i in fmt.application_items} | {c.label for c in fmt.applicant_columns}
    labels |= {fmt.applicant_header, fmt.organisation_header, *fmt.review_header}
    labels |= {b.label for b in fmt.review_blocks} | {c.label for c in fmt.review_columns}
    assert labels <= texts
    ids = [c.cell_id for layout in table_layouts(key) for c in layout.value_cells()]
    from gongkai.report.model import Report

    assert sorted(ids) == sorted(Report.empty(key).cell_ids())


@pytest.mark.parametrize(("key", "outcome_rows"), [("2021", 22), ("2019", 20)])
def test_applications_table(key: str, outcome_rows: int) -> None:
    layout = table_layout(key, "applications")
    fmt = get_format(key)
    assert layout.width == 10 and layout.header_rows == 3
    corner = _by_text(layout, fmt.corner_note)
    assert (corner.rowspan, corner.colspan, corner.column) == (3, 3, 0)
    assert (_by_text(layout, fmt.applicant_header).colspan, _by_text(layout, fmt.organisation_header).colspan) == (7, 5)
    natural, total = fmt.applicant_columns[0], fmt.applicant_columns[-1]
    assert _by_text(layout, natural.label).rowspan == 2 and _by_text(layout, total.label).rowspan == 2
    results = next(g for g in fmt.application_groups if g.parent is None)
    cell = _by_text(layout, results.label)
    assert (cell.rowspan, cell.column, cell.vertical) == (outcome_rows, 0, True)
    for group in fmt.application_groups:
        if group.parent is not None:
            sub = _by_text(layout, group.label)
            assert (sub.rowspan, sub.column, sub.vertical) == (group.spans, 1, False)
    by_key = {r.key: r.label for r in fmt.application_rows}
    assert _by_text(layout, by_key["new_received"]).colspan == 3
    assert _by_text(layout, by_key["carried_forward"]).colspan == 3
    assert _by_text(layout, by_key["granted"]).colspan == 2
    assert _by_text(layout, by_key["total_processed"]).colspan == 2
    assert _by_text(layout, by_key["denied_state_secret"]).colspan == 1


def test_2019_other_handling_is_one_row_and_2021_is_a_group_of_three() -> None:
    old, new = get_format("2019"), get_format("2021")
    other_2019 = next(r for r in old.application_rows if r.key == "other_handling")
    cell = _by_text(table_layout("2019", "applications"), other_2019.label)
    assert (cell.kind, cell.colspan, cell.column) == ("label", 2, 1)
    other_2021 = next(g for g in new.application_groups if g.key == "other_group")
    group = _by_text(table_layout("2021", "applications"), other_2021.label)
    assert (group.kind, group.rowspan) == ("group", 3)


@pytest.mark.parametrize("key", FORMAT_KEYS)
def test_disclosure_tables_are_one_four_column_table(key: str) -> None:
    fmt = get_format(key)
    layout = table_layout(key, "active_disclosure")
    assert layout.width == 4
    for table in fmt.disclosure_tables:
        assert _by_text(layout, table.caption).colspan == 4
    for row in layout.rows:
        values = [c for c in row.cells if c.kind == "value"]
        if values:
            assert sum(c.colspan for c in values) == 3
    fees = next(r for r in layout.rows if any(c.cell_id and ".fees." in c.cell_id for c in r.cells))
    last = [c for c in fees.cells if c.kind == "value"][-1]
    assert last.colspan == (3 if key == "2021" else 2)


def test_review_table_has_three_header_rows_and_fifteen_values() -> None:
    fmt = get_format("2021")
    layout = table_layout("2021", "review_litigation")
    assert (layout.width, layout.header_rows) == (15, 3)
    first, second = fmt.review_header
    assert (_by_text(layout, first).colspan, _by_text(layout, second).colspan) == (5, 10)
    top_leaves = layout.rows[1].cells[:5]
    assert [c.rowspan for c in top_leaves] == [2] * 5
    assert [c.text for c in top_leaves] == [c.label for c in fmt.review_columns]
    assert len(layout.value_cells()) == 15


def test_title() -> None:
    fmt = get_format("2019")
    assert report_title(fmt, "泰州市人民政府办公室", 2020) == "泰州市人民政府办公室2020年政府信息公开工作年度报告"
    assert report_title(get_format("2021"), None, 2024) == "2024年政府信息公开工作年度报告"
