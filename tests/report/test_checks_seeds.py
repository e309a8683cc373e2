"""The five corpus seeds: every finding is a real inconsistency of the source, and none is missed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seed_reports import SEED_IDS, SEED_SOURCES, seed_report

from gongkai.report.checks import check

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "parse" / "seeds"


def test_seed_001_narrative_contradicts_its_table() -> None:
    findings = check(seed_report("001"))
    assert [f.severity for f in findings if f.severity == "error"] == []
    assert [f.code for f in findings] == ["text_matches_tables"]
    (finding,) = findings
    assert "答复54件" in finding.message and "58" in finding.message
    assert finding.cells == ("applications.total_processed[6]",)


@pytest.mark.parametrize("seed", ["000", "002", "003", "004"])
def test_consistent_seeds_have_no_findings(seed: str) -> None:
    assert check(seed_report(seed)) == []


def test_seed_000_is_published_in_time_for_a_city_report() -> None:
    from datetime import date

    assert check(seed_report("000"), published=date(2025, 2, 26), agency_level="government") == []


@pytest.mark.parametrize("seed", SEED_IDS)
def test_hand_typed_seed_numbers_agree_with_the_parser_golden_files(seed: str) -> None:
    """Two independent typings of the same printed tables must agree (catches a typo in either)."""
    path = GOLDEN / f"{SEED_SOURCES[seed]}.expected.json"
    if not path.exists():
        pytest.fail(f"{path} is missing")
    golden = json.loads(path.read_text(encoding="utf-8"))
    report = seed_report(seed)
    assert (report.format, report.year) == (golden["format"], golden["year"])
    assert report.applications == golden["applications"]
    assert report.review_litigation == golden["review_litigation"]
    for row, values in golden["active_disclosure"].items():
        for column, value in values.items():
            assert float(report.active_disclosure[row][column]) == float(value), (row, column)
