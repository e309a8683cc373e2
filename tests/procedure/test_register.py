"""The 主动公开 table from a register of documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.procedure.register import (
    DocumentKind,
    RegisterEntry,
    disclosure_table,
    document_counts,
    index_number,
    parse_index_number,
)
from gongkai.report import Report, check, check_pair

N = DocumentKind.NORMATIVE
R = DocumentKind.REGULATION


def test_issued_abolished_in_force_2021() -> None:
    entries = [
        RegisterEntry(N, date(2022, 3, 1), date(2022, 3, 5)),
        RegisterEntry(N, date(2023, 5, 1), date(2023, 5, 8), abolished=date(2024, 6, 30)),
        RegisterEntry(N, date(2024, 1, 2), date(2024, 1, 9)),
        RegisterEntry(N, date(2024, 12, 31), None),  # made on the last day: issued and in force
        RegisterEntry(R, date(2019, 1, 1), date(2019, 1, 1), abolished=date(2025, 1, 1)),  # in force at 2024 end
    ]
    counts = document_counts(entries, 2024, "2021")
    assert counts["normative_documents"] == {"issued": 2, "abolished": 1, "in_force": 3}
    assert counts["regulations"] == {"issued": 0, "abolished": 0, "in_force": 1}


def test_2019_columns() -> None:
    entries = [
        RegisterEntry(N, date(2019, 11, 20), date(2020, 1, 3)),  # made 2019, published 2020
        RegisterEntry(N, date(2020, 2, 1), date(2020, 2, 2)),
        RegisterEntry(N, date(2020, 12, 30), None),  # not yet published
    ]
    assert document_counts(entries, 2020, "2019")["normative_documents"] == {
        "made": 2,
        "published": 2,
        "total_public": 2,
    }


def test_entered_figures_fill_the_other_rows_and_nothing_is_invented() -> None:
    table = disclosure_table(
        [], 2024, "2021", {"licensing": {"decisions": 12}, "fees": {"amount_10k_yuan": Decimal("3.5")}}
    )
    assert table["licensing"] == {"decisions": 12}
    assert table["fees"] == {"amount_10k_yuan": Decimal("3.5")}
    assert table["punishment"] == {"decisions": None}  # not entered: not 0
    with pytest.raises(ValueError, match="procurement"):
        disclosure_table([], 2024, "2021", {"procurement": {"items": 1}})
    with pytest.raises(ValueError, match="regulations"):
        disclosure_table([], 2024, "2021", {"regulations": {"issued": 1}})


def test_dates_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError, match="abolished"):
        RegisterEntry(N, date(2024, 5, 1), abolished=date(2024, 4, 1))


@st.composite
def registers(draw: st.DrawFn) -> list[RegisterEntry]:
    out = []
    for _ in range(draw(st.integers(0, 40))):
        made = draw(st.dates(date(2018, 1, 1), date(2026, 12, 31)))
        gone = draw(st.one_of(st.none(), st.dates(made, date(2027, 12, 31))))
        out.append(RegisterEntry(draw(st.sampled_from(list(DocumentKind))), made, made, gone))
    return out


@given(registers(), st.integers(2021, 2026))
def test_in_force_continuity_holds_exactly(entries: list[RegisterEntry], year: int) -> None:
    before = document_counts(entries, year - 1, "2021")
    now = document_counts(entries, year, "2021")
    for kind in DocumentKind:
        a, b = before[kind.value], now[kind.value]
        assert b["in_force"] == a["in_force"] + b["issued"] - b["abolished"]
    previous, current = Report.empty("2021", year - 1), Report.empty("2021", year)
    previous.active_disclosure.update(disclosure_table(entries, year - 1, "2021"))
    current.active_disclosure.update(disclosure_table(entries, year, "2021"))
    assert not [f for f in check_pair(previous, current) if f.code == "active_disclosure.in_force_continuity"]
    assert not [f for f in check(current) if f.code == "counts.non_negative_integer"]


def test_index_number() -> None:
    number = index_number("11330800002618015k", 2025, 12)
    assert number == "11330800002618015K/2025-00012"
    assert parse_index_number(number) == ("11330800002618015K", 2025, 12)
    assert parse_index_number("11330800002618015K/2025-151075") == ("11330800002618015K", 2025, 151075)
    with pytest.raises(ValueError, match="索引号"):
        parse_index_number("2025-12")
    with pytest.raises(ValueError, match="agency code"):
        index_number("衢州", 2025, 1)
