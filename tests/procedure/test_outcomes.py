"""The decision taxonomy: every outcome row of both formats, labels from the definition, mixed items."""

import pytest

from gongkai.procedure.outcomes import combine_items, decision, decisions, final_outcomes, table_row
from gongkai.report.formats import FORMAT_KEYS, get_format


@pytest.mark.parametrize("format_key", FORMAT_KEYS)
def test_every_outcome_row_is_a_final_decision(format_key: str) -> None:
    fmt = get_format(format_key)
    labels = {row.key: row.label for row in fmt.application_rows}
    for key in fmt.outcome_rows:
        found = decision(key)
        assert found.final
        assert found.label == labels[key]
        assert found.rows[format_key] == key
        assert found.letter


@pytest.mark.parametrize("format_key", FORMAT_KEYS)
def test_every_final_outcome_lands_in_a_row_of_each_format(format_key: str) -> None:
    rows = set(get_format(format_key).outcome_rows)
    for key in final_outcomes():
        assert table_row(key, format_key) in rows


def test_2019_folds_the_other_rows() -> None:
    assert table_row("other_overdue_fee", "2019") == "other_handling"
    assert table_row("other_handling", "2021") == "other_other"


def test_articles_come_from_the_definition() -> None:
    assert decision("denied_state_secret").article == "第十四条"
    assert decision("partially_granted").article == "第三十七条"
    assert decision("other_overdue_correction").article == "第三十条"
    assert decision("denied_admin_query").article is None
    assert decision("denied_admin_query").article_status == "U"


def test_interim_decisions_are_not_counted() -> None:
    interim = [d for d in decisions().values() if not d.final]
    assert {d.key for d in interim} >= {"correction_notice", "extension_notice", "fee_notice"}
    assert all(d.rows == {} and d.article for d in interim)
    with pytest.raises(ValueError, match="interim"):
        table_row("extension_notice", "2021")


def test_unknown_decision() -> None:
    with pytest.raises(ValueError, match="not a known decision"):
        decision("granted_maybe")


@pytest.mark.parametrize(
    ("items", "counted"),
    [
        (["granted"], "granted"),
        (["granted", "granted"], "granted"),
        (["granted", "denied_state_secret"], "partially_granted"),
        (["granted", "unable_not_held"], "partially_granted"),
        (["partially_granted", "not_processed_repeat"], "partially_granted"),
        (["unable_not_held", "denied_process_info"], "denied_process_info"),  # table order: 不予公开 first
        (["not_processed_repeat", "unable_needs_creation"], "unable_needs_creation"),
    ],
)
def test_mixed_items_are_counted_once(items: list[str], counted: str) -> None:
    assert combine_items(items) == counted


def test_precedence_is_a_setting() -> None:
    items = ["unable_not_held", "denied_process_info"]
    assert combine_items(items, precedence=["unable_not_held", "denied_process_info"]) == "unable_not_held"
    with pytest.raises(ValueError, match="does not rank"):
        combine_items(items, precedence=["granted"])
    with pytest.raises(ValueError, match="at least one"):
        combine_items([])
    with pytest.raises(ValueError, match="interim"):
        combine_items(["granted", "fee_notice"])
