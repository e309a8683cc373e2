"""Golden files: every source under tests/data/parse/ with a sibling ``<case>.expected.json``.

The expected files were typed by hand from the sources, cell by cell; a test here fails when the
parser reads any number, the format, the year or the agency differently from what is printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.parse import parse

DATA = Path(__file__).resolve().parents[1] / "data" / "parse"
CASES = sorted(p for p in DATA.rglob("*.expected.json"))
COMPARED = ("format", "year", "agency", "active_disclosure", "applications", "review_litigation")


def _source_for(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.json")]
    matches = [p for p in expected.parent.iterdir() if p.name.startswith(stem + ".") and p != expected]
    assert len(matches) == 1, f"{expected}: expected exactly one source file beside it, found {matches}"
    return matches[0]


@pytest.mark.parametrize("expected_path", CASES, ids=[str(p.relative_to(DATA)) for p in CASES])
def test_parse_matches_golden(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    parsed = parse(_source_for(expected_path)).report.to_json()
    for key in COMPARED:
        if key in expected:
            assert parsed[key] == expected[key], f"{key} differs"
    for key in expected.get("sections_present", []):
        assert parsed["sections"].get(key), f"section {key} not found"
    for cell in expected.get("unreadable", []):
        assert _lookup(parsed, cell) is None, f"{cell} must be unreadable"


def _lookup(data: dict, cell: str) -> object:
    table, _, rest = cell.partition(".")
    if table == "applications":
        row, _, idx = rest.partition("[")
        return data[table][row][int(idx.rstrip("]"))]
    first, _, second = rest.partition(".")
    return data[table][first][second]


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 5
