"""The report model and its JSON form (shared/reference/report-json.md)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.report import Report, ReportJSONError, format_for_year, get_format
from gongkai.report.formats import APPLICANT_COLUMNS, label_variants

SEEDS = Path(__file__).resolve().parents[1] / "data" / "parse" / "seeds"


def test_format_definitions_have_the_official_shape() -> None:
    f2021, f2019 = get_format("2021"), get_format("2019")
    assert len(f2021.application_rows) == 25 and len(f2021.outcome_rows) == 21
    assert len(f2019.application_rows) == 23 and len(f2019.outcome_rows) == 19
    assert len(f2021.review_cell_order) == 15
    assert [t.caption for t in f2019.disclosure_tables][-1] == "第二十条第（九）项"
    assert "other_handling" in f2019.application_row_keys
    assert {"other_overdue_correction", "other_overdue_fee", "other_other"} <= set(f2021.application_row_keys)
    groups = {g.key: g.spans for g in f2021.application_groups}
    assert groups["results"] == 22 and groups["denied"] == 8
    assert {g.key: g.spans for g in f2019.application_groups}["results"] == 20
    # the spans of the result group cover exactly the outcome rows plus 总计 and the group headers
    assert tuple(c.key for c in f2021.applicant_columns) == APPLICANT_COLUMNS


def test_article_of_each_denial_row_is_in_the_definition() -> None:
    rows = {r.key: r for r in get_format("2021").application_rows}
    assert rows["denied_state_secret"].article == "第十四条"
    assert rows["denied_third_party"].article.startswith("第十五条")


def test_year_selects_the_format() -> None:
    assert format_for_year(2024).key == "2021"
    assert format_for_year(2021).key == "2021"
    assert format_for_year(2020).key == "2019"
    with pytest.raises(KeyError, match="2018"):
        format_for_year(2018)
    with pytest.raises(KeyError, match="unknown report format"):
        get_format("2007")


def test_label_variants_are_declared_not_typed_in_code() -> None:
    assert "本年新发件数" in label_variants()["本年制发件数"]


@pytest.mark.parametrize("expected", sorted(SEEDS.glob("*.expected.json")), ids=lambda p: p.name[:3])
def test_seed_json_round_trips_exactly(expected: Path) -> None:
    data = json.loads(expected.read_text(encoding="utf-8"))
    data = {k: v for k, v in data.items() if k not in ("sections_present", "inconsistencies", "unreadable")}
    report = Report.from_json(data)
    again = report.to_json()
    for key in ("format", "year", "agency", "active_disclosure", "applications", "review_litigation"):
        assert again[key] == data[key]
    assert Report.loads(report.dumps()).to_json() == again


def test_json_keeps_documented_key_order() -> None:
    keys = list(Report.empty("2021").to_json())
    assert keys == [
        "format", "year", "agency", "active_disclosure", "applications", "review_litigation", "sections", "findings"
    ]  # fmt: skip


def test_amounts_are_exact_decimals() -> None:
    report = Report.empty("2019")
    report.active_disclosure["procurement"]["amount_10k_yuan"] = Decimal("3798.8854")
    again = Report.loads(report.dumps())
    assert again.active_disclosure["procurement"]["amount_10k_yuan"] == Decimal("3798.8854")


def test_cells_by_id() -> None:
    report = Report.empty("2021")
    report.set("applications.granted[6]", 5)
    report.set("review_litigation.litigation_direct.pending", 2)
    report.set("active_disclosure.fees.amount_10k_yuan", Decimal("1.5"))
    assert report.get("applications.granted[6]") == 5
    assert report.numbers()["review_litigation.litigation_direct.pending"] == 2
    assert len(report.cell_ids()) == 10 + 25 * 7 + 15


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="2007"), "format"),
        (lambda d: d.update(year="2024"), "year"),
        (lambda d: d["applications"].update(granted=[1, 2]), "applications.granted"),
        (lambda d: d["applications"]["granted"].__setitem__(0, "3"), r"applications.granted\[0\]"),
        (lambda d: d["review_litigation"].pop("reconsideration"), "review_litigation.reconsideration"),
        (lambda d: d["active_disclosure"]["fees"].update(amount_10k_yuan=[1]), "active_disclosure.fees"),
        (lambda d: d.pop("applications"), "applications"),
    ],
)
def test_bad_json_names_the_key(mutate, message: str) -> None:
    data = Report.empty("2021").to_json()
    mutate(data)
    with pytest.raises(ReportJSONError, match=message):
        Report.from_json(data)


def test_not_json_is_one_line_error() -> None:
    with pytest.raises(ReportJSONError, match="not JSON"):
        Report.loads("{broken")


def test_merged_findings_do_not_repeat_the_placeholder_report() -> None:
    from gongkai.parse import parse
    from gongkai.report.checks import check, merge_findings

    source = (SEEDS / "002_5dfa3dd5397cb6f4.txt").read_text(encoding="utf-8")
    parsed = parse(source.replace("規章 | 6 | 6 | 14 |", "規章 | / | — | 无 |").encode("utf-8"))
    merged = merge_findings(parsed.report.findings, check(parsed.report))
    placeholder = [f for f in merged if f.code == "cells.placeholders"]
    assert len(placeholder) == 1 and "“" in placeholder[0].message  # the reader's, naming what was printed
    assert "active_disclosure.regulations.made" in placeholder[0].cells


def test_cells_the_reader_explained_are_not_reported_again_as_blank() -> None:
    from gongkai.parse import parse
    from gongkai.report.checks import check, merge_findings

    variants = SEEDS.parent / "variants"
    for name in ("l_glued_numbers.txt", "m_truncated.txt"):
        parsed = parse(variants / name)
        merged = merge_findings(parsed.report.findings, check(parsed.report))
        assert not [f for f in merged if f.code == "cells.placeholders"], name
        assert [f for f in merged if f.code.startswith("parse.")], name
