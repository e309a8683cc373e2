"""Round trip: what gongkai writes, gongkai reads back — the same numbers, metadata and narrative.

For every seed report and every format a report is published in (HTML, Markdown, DOCX, PDF), and
for synthetic reports of both formats with blank cells, negative 本年增/减 and decimal amounts,
``parse(render(report))`` must give exactly the report that was rendered: numbers, format, year,
agency and narrative. PDF is slower to draw (about a second a report), so the synthetic reports
go through it once. CSV/XLSX are exports of the numbers only (no narrative); test_tabular.py
reads them back cell by cell.
"""

from __future__ import annotations

import pytest

from gongkai.parse import parse
from gongkai.render import render
from gongkai.report.model import Report

from .conftest import SEED_IDS, synthetic_report

READ_BACK = ("html", "md", "docx")


def assert_same(original: Report, back: Report, *, narrative: bool = True) -> None:
    assert back.format == original.format
    assert back.year == original.year
    assert back.agency == original.agency
    expected = original.numbers()
    got = back.numbers()
    differing = {k: (v, got[k]) for k, v in expected.items() if got[k] != v}
    assert not differing, f"{len(differing)} cells differ, e.g. {list(differing.items())[:5]}"
    if narrative:
        assert back.sections == original.sections


@pytest.mark.parametrize("to", READ_BACK)
@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_round_trip(seed_reports: dict[str, Report], seed: str, to: str) -> None:
    original = seed_reports[seed]
    assert_same(original, parse(render(original, to), name=f"{seed}.{to}").report)


@pytest.mark.parametrize("to", READ_BACK)
@pytest.mark.parametrize(("format_key", "rng_seed"), [("2021", 1), ("2021", 2), ("2019", 3), ("2019", 4)])
def test_synthetic_round_trip(format_key: str, rng_seed: int, to: str) -> None:
    original = synthetic_report(format_key, rng_seed)
    assert_same(original, parse(render(original, to), name=f"synthetic.{to}").report)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_pdf_seed_round_trip(seed_reports: dict[str, Report], seed: str) -> None:
    original = seed_reports[seed]
    assert_same(original, parse(render(original, "pdf"), name=f"{seed}.pdf").report)


def test_pdf_synthetic_round_trip() -> None:
    original = synthetic_report("2019", 5)
    assert_same(original, parse(render(original, "pdf"), name="synthetic.pdf").report)
