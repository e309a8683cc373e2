"""信息处理费 (国办函〔2020〕109号): 按件 and 按量 tiers, per applicant per month, payment period."""

from datetime import date

import pytest

from gongkai.procedure.fees import (
    application_rate,
    fee_payment_due,
    monthly_fees,
    per_application_fee,
    per_page_fee,
    unpaid_fee_outcome,
)
from gongkai.procedure.rules import rules
from gongkai.procedure.workdays import package_calendar

CAL = package_calendar()


@pytest.mark.parametrize("example", rules().fee_examples)
def test_examples_of_the_definition(example: dict[str, int | str]) -> None:
    if example["method"] == "per_application":
        assert per_application_fee(int(example["applications_in_month"])) == example["total_yuan"]
    else:
        assert per_page_fee(int(example["pages"])) == example["total_yuan"]


@pytest.mark.parametrize(
    ("nth", "yuan"), [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)]
)
def test_application_bands(nth: int, yuan: int) -> None:
    assert application_rate(nth) == yuan


@pytest.mark.parametrize(("pages", "yuan"), [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (201, 2740)])
def test_page_bands(pages: int, yuan: int) -> None:
    assert per_page_fee(pages) == yuan


def test_counted_per_applicant_per_month() -> None:
    apps = [("甲", date(2024, 3, d % 28 + 1)) for d in range(12)]
    apps += [("乙", date(2024, 3, 5)), ("甲", date(2024, 4, 1))]
    fees = monthly_fees(apps)
    assert sum(fees[:12]) == 200  # 甲's 11th and 12th of March
    assert fees[12:] == [0, 0]  # another applicant; a new month


def test_bad_units() -> None:
    with pytest.raises(ValueError):
        application_rate(0)
    with pytest.raises(ValueError):
        per_page_fee(-1)


def test_payment_period_and_unpaid_outcome() -> None:
    # notice received 2025-09-26: 20 working days from the next day, National Day 10.1–8 off and the
    # make-up days 9.28 and 10.11 worked (国办发明电〔2024〕12号) → 2025-10-30
    due = fee_payment_due(CAL, date(2025, 9, 26)).due
    assert due == date(2025, 10, 30)
    assert unpaid_fee_outcome(CAL, date(2025, 9, 26), None, today=due) is None
    assert unpaid_fee_outcome(CAL, date(2025, 9, 26), None, today=date(2025, 10, 31)) == ("other_overdue_fee", due)
    assert unpaid_fee_outcome(CAL, date(2025, 9, 26), date(2025, 10, 30), today=date(2025, 12, 1)) is None
    assert unpaid_fee_outcome(CAL, date(2025, 9, 26), date(2025, 10, 31), today=date(2025, 12, 1)) is not None
