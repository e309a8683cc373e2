"""The report builder: three years that chain, the SQL-grouped loading equals the plain ledger path,
and the records behind every cell are exactly as many as the cell says."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from gongkai.procedure.register import disclosure_table
from gongkai.procedure.statistics import application_table
from gongkai.report import check
from gongkai.report.model import application_cell
from gongkai.web.ledger.selectors import ledger_entries
from gongkai.web.register.selectors import register_entries
from gongkai.web.reports.builder import build_report, fees_charged, prefilled_sections, year_facts
from gongkai.web.reports.selectors import records_behind

from .factories import World
from .reporting import fill_agency

YEARS = (2022, 2023, 2024)


@pytest.fixture
def filled(world: World) -> World:
    fill_agency(world.clerk_a)
    return world


def test_three_years_chain_exactly(filled: World) -> None:
    reports = [build_report(filled.county_a, year) for year in YEARS]
    for earlier, later in itertools.pairwise(reports):
        assert earlier.applications["carried_forward"] == later.applications["carried_over"]
    assert reports[0].applications["carried_forward"][6] == 3
    assert reports[1].applications["carried_forward"][6] == 3
    assert reports[2].applications["new_received"][6] == 3
    for report in reports:
        balance = report.applications
        assert balance["new_received"][6] + balance["carried_over"][6] == (
            balance["total_processed"][6] + balance["carried_forward"][6]
        )


@pytest.mark.parametrize("year", YEARS)
def test_grouped_loading_equals_the_plain_ledger_path(filled: World, year: int) -> None:
    report = build_report(filled.county_a, year)
    assert report.applications == application_table(ledger_entries(filled.county_a), year, report.format)


def test_format_follows_the_year(filled: World) -> None:
    assert build_report(filled.county_a, 2020).format == "2019"
    assert build_report(filled.county_a, 2021).format == "2021"
    old = build_report(filled.county_a, 2020)
    assert old.active_disclosure["regulations"]["total_public"] == 0


def test_disclosure_and_review_tables(filled: World) -> None:
    report = build_report(filled.county_a, 2023)
    table = disclosure_table(register_entries(filled.county_a), 2023, "2021")
    assert report.active_disclosure["normative_documents"] == table["normative_documents"]
    assert report.active_disclosure["normative_documents"] == {"issued": 1, "abolished": 1, "in_force": 2}
    assert report.active_disclosure["licensing"]["decisions"] == 103
    assert str(report.active_disclosure["fees"]["amount_10k_yuan"]) == "12.5"
    assert report.review_litigation["reconsideration"] == {
        "maintained": 1,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 2,
    }
    assert report.review_litigation["litigation_direct"]["pending"] == 1
    assert build_report(filled.county_a, 2024).review_litigation["litigation_direct"]["corrected"] == 1


@pytest.mark.parametrize("year", (2020, *YEARS))
def test_records_behind_every_cell_are_as_many_as_the_cell(filled: World, year: int) -> None:
    report = build_report(filled.county_a, year)
    for cell, value in report.numbers().items():
        kind, records = records_behind(filled.county_a, year, cell)
        if kind == "figures":
            assert records.count() == (0 if value is None else 1), cell
            if value is not None:
                assert records.get().value == value, cell
        else:
            assert records.count() == value, cell


def test_records_behind_carried_forward_are_the_open_applications(filled: World) -> None:
    _, records = records_behind(filled.county_a, 2022, application_cell("carried_forward", 6))
    assert sorted(a.received_on for a in records) == [date(2022, 12, 20), date(2022, 12, 26), date(2022, 12, 28)]


def test_other_agency_records_are_not_counted(filled: World) -> None:
    report = build_report(filled.county_b, 2023)
    assert report.applications["new_received"][6] == 0
    assert report.active_disclosure["licensing"]["decisions"] is None


def test_prefilled_narrative_states_the_facts_and_passes_the_text_check(filled: World) -> None:
    report = build_report(filled.county_a, 2024)
    facts = year_facts(filled.county_a, report)
    assert (facts.received, facts.carried_over, facts.concluded, facts.carried_forward) == (3, 3, 3, 3)
    assert (facts.fee_applications, facts.fee_yuan) == (1, 200)
    assert fees_charged(filled.county_a, 2023) == (0, 0)
    sections = prefilled_sections(filled.county_a, facts)
    assert "收到政府信息公开申请3件" in sections["overview"]
    assert "200元" in sections["other"]
    report.sections = {**sections, "problems": "无。"}
    assert "text_matches_tables" not in {f.code for f in check(report)}
    report.sections["overview"] = report.sections["overview"].replace(
        "收到政府信息公开申请3件", "收到政府信息公开申请9件"
    )
    assert "text_matches_tables" in {f.code for f in check(report)}
