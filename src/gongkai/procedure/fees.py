"""The information processing fee (信息处理费) of 国办函〔2020〕109号, and what an unpaid fee does.

Two scales, both marginal (超额累进), one of them chosen per application (第三条):

* 按件 — by the number of applications the same applicant filed in one calendar month (第四条);
* 按量 — by the number of pages supplied (第五条).

The bands are read from formats.yaml (``statutory_rules.fees``); the open 按件 band above 30
applications repeats every 10 applications, each band 100 元/件 dearer (reading marked I there).
A fee notice gives the applicant 20 working days from the day after receipt of the notice to pay;
unpaid, the application is deemed abandoned on that day and counted as ``other_overdue_fee``.
How the waiting time affects the answer period is the setting described in :mod:`.deadlines`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from gongkai.procedure.rules import FeeBand, rules
from gongkai.procedure.workdays import Count, WorkdayCalendar, count_working_days

__all__ = [
    "UNPAID_FEE_OUTCOME",
    "application_rate",
    "fee_payment_due",
    "monthly_fees",
    "per_application_fee",
    "per_page_fee",
    "unpaid_fee_outcome",
]

UNPAID_FEE_OUTCOME = "other_overdue_fee"


def _rate(bands: Sequence[FeeBand], unit: int) -> int:
    """The price of the ``unit``-th unit (1-based) under marginal ``bands``."""
    if unit < 1:
        raise ValueError(f"unit numbers start at 1, got {unit}")
    for band in bands:
        if band.first <= unit and (band.last is None or unit <= band.last):
            if band.band_size is None:
                return band.yuan_each
            return band.yuan_each + (unit - band.first) // band.band_size * band.increment_yuan_each
    raise ValueError(f"no fee band covers unit {unit}")


def _total(bands: Sequence[FeeBand], units: int) -> int:
    if units < 0:
        raise ValueError(f"a count of units cannot be negative, got {units}")
    return sum(_rate(bands, n) for n in range(1, units + 1))


def application_rate(nth_in_month: int) -> int:
    """Yuan charged for an applicant's ``nth_in_month`` application of a calendar month (按件)."""
    return _rate(rules().per_application_bands, nth_in_month)


def per_application_fee(applications_in_month: int) -> int:
    """Total 按件 fee for ``applications_in_month`` applications of one applicant in one month."""
    return _total(rules().per_application_bands, applications_in_month)


def per_page_fee(pages: int) -> int:
    """The 按量 fee of one application that supplies ``pages`` pages."""
    return _total(rules().per_page_bands, pages)


def monthly_fees(applications: Iterable[tuple[str, date]]) -> list[int]:
    """The 按件 fee of each application ``(applicant id, receipt date)``, in the order given.

    Applications are numbered per applicant per calendar month by receipt date (ties keep the given
    order), then each is charged its band's rate.
    """
    items = list(applications)
    order = sorted(range(len(items)), key=lambda i: items[i][1])
    seen: dict[tuple[str, int, int], int] = {}
    fees = [0] * len(items)
    for i in order:
        applicant, received = items[i]
        key = (applicant, received.year, received.month)
        seen[key] = seen.get(key, 0) + 1
        fees[i] = application_rate(seen[key])
    return fees


def fee_payment_due(calendar: WorkdayCalendar, notice_received: date) -> Count:
    """The last day to pay: 20 working days counted from the day after the notice was received."""
    return count_working_days(calendar, notice_received, rules().fee_payment_working_days)


def unpaid_fee_outcome(
    calendar: WorkdayCalendar, notice_received: date, paid: date | None, today: date
) -> tuple[str, date] | None:
    """``("other_overdue_fee", closing day)`` once the payment period has run out unpaid, else None.

    A payment on or before the due day keeps the application alive; the closing day is the due day
    (annual-report-format.md §7: closed on the day the payment period expires).
    """
    due = fee_payment_due(calendar, notice_received).due
    if paid is not None and paid <= due:
        return None
    if paid is None and today <= due:
        return None
    return (UNPAID_FEE_OUTCOME, due)
