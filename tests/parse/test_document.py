"""Positions and cells (parse/document.py): slotted classes that compare like the named tuples they replaced."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

from gongkai.parse import parse
from gongkai.parse.document import SourceCell, SourceRef, SourceRow, TextRow
from gongkai.parse.interpret import CellSource


def test_source_ref_compares_hashes_and_serialises_by_its_fields() -> None:
    ref = SourceRef(3, 2)
    assert ref == SourceRef(line=3, cell=2)
    assert hash(ref) == hash(SourceRef(line=3, cell=2))
    assert ref != SourceRef(3, 3)
    assert ref != (3, 2, None, None, None, None)  # not a tuple any more: never equal to one
    assert len({ref, SourceRef(line=3, cell=2), SourceRef(table=1, row=2, column=3)}) == 2
    assert ref.to_json() == {"line": 3, "cell": 2}
    assert SourceRef(table=1, row=2, column=3, page=4).to_json() == {"table": 1, "row": 2, "column": 3, "page": 4}
    assert repr(SourceRef(table=1, row=2, column=3)) == "SourceRef(table=1, row=2, column=3)"
    assert SourceRef(table=2, row=5, column=3, page=3).describe() == "第3页 表2 第5行第3列"


def test_cells_and_sources_compare_by_value() -> None:
    assert SourceCell("58", SourceRef(1), 2) == SourceCell("58", SourceRef(line=1), 2)
    assert SourceCell("58", SourceRef(1), 2) != SourceCell("58", SourceRef(1), 3)
    assert CellSource(SourceRef(4, 2), "7") == CellSource(SourceRef(4, 2), "7", None)
    assert CellSource(SourceRef(4, 2), "7") != CellSource(SourceRef(4, 2), "7", "blank")
    assert CellSource(SourceRef(4, 2), "7") != SourceCell("7", SourceRef(4, 2))


def test_text_row_positions_its_cells_by_line_and_order() -> None:
    row = TextRow(["规章", "2", "1"], 12, True)
    assert row.refs is None
    assert row.ref(1) == SourceRef(line=12, cell=2)
    assert [cell.text for cell in row.cells] == ["规章", "2", "1"]
    assert row.cells[2].ref == SourceRef(12, 3)


def test_parse_results_and_rows_survive_pickling() -> None:
    """Batches run in worker processes send results back pickled; compiled classes cannot be built
    empty, so each says how it is rebuilt (__reduce__)."""
    data = Path(__file__).resolve().parents[1] / "data" / "parse"
    for path in (data / "seeds" / "001_0786ebd486ce37d5.txt", data / "variants" / "a_html_rowspan_utf8.html"):
        parsed = parse(path)
        again = pickle.loads(pickle.dumps(parsed))
        assert again.sources == parsed.sources
        assert again.report.to_json() == parsed.report.to_json()
        assert copy.deepcopy(parsed).sources == parsed.sources
    text_row = pickle.loads(pickle.dumps(TextRow(["规章", "2"], 7, True)))
    assert (text_row.texts, text_row.line, text_row.positional) == (["规章", "2"], 7, True)
    cell = SourceCell("2", SourceRef(table=1, row=2, column=3), 5)
    source_row = pickle.loads(pickle.dumps(SourceRow([cell, cell], positional=True)))
    assert source_row.cells == [cell, cell] and source_row.texts == ["2"] and source_row.positional
