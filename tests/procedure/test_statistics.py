"""Ledger → annual-report tables: year assignment, both formats, and properties over generated ledgers."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.procedure.outcomes import final_outcomes, table_row
from gongkai.procedure.statistics import (
    APPLICANT_TYPES,
    Case,
    CaseKind,
    CaseResult,
    LedgerEntry,
    application_table,
    ledger_report,
    review_table,
)
from gongkai.report.checks import check, check_pair
from gongkai.report.formats import format_for_year, get_format
from gongkai.report.model import Report

D = date


def test_year_assignment() -> None:
    entries = [
        LedgerEntry(D(2023, 12, 20), "natural_person"),  # open: carried over, carried forward
        LedgerEntry(D(2023, 12, 21), "commercial", D(2024, 1, 10), "granted"),  # carried over, concluded
        LedgerEntry(D(2023, 5, 1), "research", D(2023, 6, 1), "granted"),  # closed last year: not counted
        LedgerEntry(D(2024, 3, 1), "legal_services", D(2024, 3, 5), "other_overdue_fee"),
        LedgerEntry(D(2024, 12, 30), "other", D(2025, 1, 6), "granted"),  # concluded next year
        LedgerEntry(D(2025, 1, 2), "natural_person"),  # next year: not counted
    ]
    table = application_table(entries, 2024, "2021")
    assert table["new_received"] == [0, 0, 0, 0, 1, 1, 2]
    assert table["carried_over"] == [1, 1, 0, 0, 0, 0, 2]
    assert table["granted"] == [0, 1, 0, 0, 0, 0, 1]
    assert table["other_overdue_fee"] == [0, 0, 0, 0, 1, 0, 1]
    assert table["total_processed"] == [0, 1, 0, 0, 1, 0, 2]
    assert table["carried_forward"] == [1, 0, 0, 0, 0, 1, 2]
    old = application_table(entries, 2020, "2019")
    assert old["other_handling"] == [0] * 7
    assert application_table(entries, 2024, "2019")["other_handling"] == [0, 0, 0, 0, 1, 0, 1]


def test_entry_validation() -> None:
    with pytest.raises(ValueError, match="applicant"):
        LedgerEntry(D(2024, 1, 1), "total")
    with pytest.raises(ValueError, match="both"):
        LedgerEntry(D(2024, 1, 1), "other", D(2024, 1, 2))
    with pytest.raises(ValueError, match="before the receipt"):
        LedgerEntry(D(2024, 1, 5), "other", D(2024, 1, 2), "granted")
    with pytest.raises(ValueError, match="interim"):
        LedgerEntry(D(2024, 1, 1), "other", D(2024, 1, 2), "fee_notice")


def test_review_table() -> None:
    cases = [
        Case(CaseKind.RECONSIDERATION, D(2024, 2, 1), D(2024, 5, 1), CaseResult.MAINTAINED),
        Case(CaseKind.RECONSIDERATION, D(2023, 11, 1), D(2024, 2, 1), CaseResult.CORRECTED),  # pending on 1.1
        Case(CaseKind.RECONSIDERATION, D(2023, 1, 1), D(2023, 2, 1), CaseResult.OTHER),  # closed before
        Case(CaseKind.LITIGATION_DIRECT, D(2024, 6, 1)),
        Case(CaseKind.LITIGATION_AFTER_RECONSIDERATION, D(2024, 12, 1), D(2025, 3, 1), CaseResult.OTHER),
    ]
    table = review_table(cases, 2024)
    assert table["reconsideration"] == {"maintained": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2}
    assert table["litigation_direct"]["pending"] == 1
    assert table["litigation_after_reconsideration"] == {
        "maintained": 0,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 1,
    }
    with pytest.raises(ValueError, match="both"):
        Case(CaseKind.RECONSIDERATION, D(2024, 1, 1), D(2024, 2, 1))


# --- properties over generated ledgers -------------------------------------------------------

YEARS = (2019, 2020, 2021, 2022, 2023, 2024, 2025)


@st.composite
def ledger_entries(draw: st.DrawFn) -> LedgerEntry:
    received = draw(st.dates(D(2018, 6, 1), D(2025, 12, 31)))
    applicant = draw(st.sampled_from(APPLICANT_TYPES))
    if draw(st.booleans()):
        return LedgerEntry(received, applicant)
    concluded = received + timedelta(days=draw(st.integers(0, 500)))
    return LedgerEntry(received, applicant, concluded, draw(st.sampled_from(final_outcomes())))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    filed = draw(st.dates(D(2018, 6, 1), D(2025, 12, 31)))
    kind = draw(st.sampled_from(list(CaseKind)))
    if draw(st.booleans()):
        return Case(kind, filed)
    return Case(kind, filed, filed + timedelta(days=draw(st.integers(0, 700))), draw(st.sampled_from(list(CaseResult))))


def _complete(report: Report) -> Report:
    """What the report builder adds beyond the ledger: the 第二十条 tables and the narrative sections."""
    for row in report.active_disclosure.values():
        for column in row:
            row[column] = 0
    report.sections = {"overview": "总体情况。", "problems": "问题与改进。", "other": "未收取信息处理费。"}
    return report


@settings(max_examples=60, deadline=None)
@given(st.lists(ledger_entries(), max_size=60), st.lists(cases(), max_size=15), st.sampled_from(YEARS))
def test_generated_ledgers_pass_every_check(entries: list[LedgerEntry], found: list[Case], year: int) -> None:
    report = _complete(ledger_report(entries, year, cases=found))
    assert report.format == format_for_year(year).key
    assert check(report) == []
    following = _complete(ledger_report(entries, year + 1, cases=found))
    assert check_pair(report, following) == []
    assert report.applications["carried_forward"] == following.applications["carried_over"]


@settings(max_examples=60, deadline=None)
@given(st.lists(ledger_entries(), max_size=60), st.sampled_from(YEARS), st.sampled_from(["2021", "2019"]))
def test_every_application_is_counted_once_per_year(entries: list[LedgerEntry], year: int, fmt: str) -> None:
    table = application_table(entries, year, fmt)
    start, end = D(year, 1, 1), D(year, 12, 31)
    on_hand = [e for e in entries if e.received <= end and (e.concluded is None or e.concluded >= start)]
    assert table["new_received"][6] + table["carried_over"][6] == len(on_hand)
    assert table["total_processed"][6] + table["carried_forward"][6] == len(on_hand)
    concluded = [e for e in on_hand if e.concluded is not None and e.concluded <= end]
    for key in get_format(fmt).outcome_rows:
        expected = sum(1 for e in concluded if table_row(str(e.outcome), fmt) == key)
        assert table[key][6] == expected
