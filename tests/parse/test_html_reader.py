"""The HTML reader's rows: spans expanded into a grid, and each distinct cell listed once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.parse.document import SourceRow
from gongkai.parse.html_reader import read_html
from gongkai.parse.normalize import clean_text, decode_bytes, to_simplified

DATA = Path(__file__).resolve().parents[1] / "data"
PAGES = sorted(DATA.rglob("*.html"))


def _rows(html: str) -> list[SourceRow]:
    return [row for row in read_html(to_simplified(html), clean_text).rows if isinstance(row, SourceRow)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_distinct_cells_listed_while_reading_match_the_grid(page: Path) -> None:
    # the reader lists each row's distinct cells as it builds the grid (parse speed); they must be
    # exactly what SourceRow works out from the grid itself
    text, _ = decode_bytes(page.read_bytes())
    for row in _rows(text):
        again = SourceRow(row.cells, row.positional)
        assert (row.texts, row.refs) == (again.texts, again.refs)


_SPAN = st.sampled_from(["", ' rowspan="2"', ' colspan="2"', ' rowspan="3" colspan="2"', ' colspan="0"'])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(_SPAN, st.sampled_from(["0", "5", "总计", ""])), min_size=1, max_size=6),
        min_size=1,
        max_size=6,
    )
)
def test_distinct_cells_match_the_grid_for_any_spans(table: list[list[tuple[str, str]]]) -> None:
    html = (
        "<table>"
        + "".join("<tr>" + "".join(f"<td{a}>{t}</td>" for a, t in row) + "</tr>" for row in table)
        + "</table>"
    )
    rows = _rows(html)
    assert rows, html
    for row in rows:
        again = SourceRow(row.cells, row.positional)
        assert (row.texts, row.refs) == (again.texts, again.refs), html
