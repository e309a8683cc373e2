"""Every code is registered and documented; check() never raises, whatever the report holds."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from report_factory import consistent_report

from gongkai.report import Report
from gongkai.report.checks import check, check_pair, codes
from gongkai.report.formats import definition

DOCS = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_every_code_has_one_heading_in_docs_and_no_heading_is_stale() -> None:
    checker_part = DOCS.read_text(encoding="utf-8").split("\n# Findings of the reader", 1)[0]
    headings = re.findall(r"^## (\S+)\s*$", checker_part, flags=re.MULTILINE)
    assert sorted(headings) == sorted(codes())
    assert len(headings) == len(set(headings))


def test_docs_state_each_severity() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for code, entry in codes().items():
        section = text.split(f"## {code}\n", 1)[1].split("\n## ", 1)[0]
        assert section.startswith(entry.severity.capitalize()), code
        assert "*What to do:*" in section, code


def test_definition_checks_are_codes_with_their_severity() -> None:
    for entry in definition()["checks"]:
        assert codes()[entry["id"]].severity == entry["severity"]
        assert codes()[entry["id"]].from_definition


def test_codes_are_dotted_lowercase() -> None:
    for code in codes():
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)*", code), code


_values = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=50),
    st.decimals(min_value=-5, max_value=50, places=2, allow_nan=False),
    st.text(max_size=3),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
)


@settings(max_examples=150, deadline=None)
@given(
    format_key=st.sampled_from(["2021", "2019"]),
    year=st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)),
    edits=st.lists(st.tuples(st.integers(min_value=0, max_value=500), _values), max_size=30),
    overview=st.text(
        alphabet="收到受理答复办结结转下年度申请政府信息公开行政复议诉讼件其中,、。;0123456789", max_size=80
    ),
)
def test_check_never_raises(format_key: str, year: int | None, edits: list, overview: str) -> None:
    report = consistent_report(format_key, narrative=False)
    report.year = year
    cells = report.cell_ids()
    for index, value in edits:
        report.set(cells[index % len(cells)], value)
    report.sections["overview"] = overview
    findings = check(report)
    assert all(f.code in codes() and f.severity == codes()[f.code].severity for f in findings)
    assert all(isinstance(f.message, str) and f.message for f in findings)
    check_pair(report, consistent_report(format_key, narrative=False))


def test_check_survives_malformed_reports() -> None:
    broken = Report(format="2021", year=2024)  # no tables, no sections at all
    assert {f.code for f in check(broken)} == {"tables.missing", "sections.missing"}
    odd = consistent_report()
    odd.applications["granted"] = [1, 2]  # too short
    odd.applications["denied_state_secret"] = "x"  # type: ignore[assignment]
    odd.review_litigation["reconsideration"] = None  # type: ignore[assignment]
    odd.active_disclosure["fees"]["amount_10k_yuan"] = Decimal("NaN")
    odd.sections = None  # type: ignore[assignment]
    assert check(odd)
    assert check(Report(format=None, year="2024")) != []  # type: ignore[arg-type]
