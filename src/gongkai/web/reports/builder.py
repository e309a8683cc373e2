"""Computing an agency's annual report from its records — the one computation the web page, the
``gongkai report build`` command and the roll-up share.

The counting is the core's: :func:`gongkai.procedure.statistics.application_table` over the ledger,
:func:`~gongkai.procedure.statistics.review_table` over the cases,
:func:`gongkai.procedure.register.disclosure_table` over the register and the entered figures.
Only the loading is ours: the applications are grouped in SQL by what the year rule looks at (before
or in the year, open/concluded in/after the year, applicant type, outcome) and each group is handed
to ``application_table`` as one representative entry repeated ``n`` times, so 100,000 applications
cost one aggregate query instead of 100,000 Python objects. The result is identical by construction
(tests compare it with the plain :func:`gongkai.web.ledger.selectors.ledger_entries` path).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import BooleanField, Case, Count, IntegerField, Value, When

from gongkai.procedure.register import disclosure_table
from gongkai.procedure.statistics import LedgerEntry, application_table, review_table
from gongkai.report.formats import APPLICANT_COLUMNS, format_for_year
from gongkai.report.model import Report
from gongkai.web.agencies.models import Agency
from gongkai.web.cases.selectors import core_cases
from gongkai.web.ledger.models import Application, Event, EventType
from gongkai.web.register.selectors import figures_of, register_entries
from gongkai.web.register.services import entered_columns

__all__ = ["YearFacts", "application_entries", "build_report", "fees_charged", "prefilled_sections", "year_facts"]

TOTAL = len(APPLICANT_COLUMNS) - 1


def application_entries(agency: Agency, year: int) -> Iterator[LedgerEntry]:
    """The agency's applications for ``year``'s table, grouped in SQL (see the module docstring)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    groups = (
        Application.objects.filter(agency=agency, voided=False, received_on__lte=end)
        .exclude(concluded_on__lt=start)
        .annotate(
            earlier=Case(
                When(received_on__lt=start, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            ended=Case(
                When(concluded_on__isnull=True, then=Value(0)),
                When(concluded_on__gt=end, then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .values_list("earlier", "ended", "applicant_type", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    received = {True: start - timedelta(days=1), False: start}
    concluded = {0: None, 1: end, 2: end + timedelta(days=1)}
    for earlier, ended, applicant, outcome, n in groups:
        entry = LedgerEntry(
            received=received[bool(earlier)],
            applicant=applicant,
            concluded=concluded[int(ended)],
            outcome=(outcome or None) if ended else None,
        )
        yield from itertools.repeat(entry, n)


def build_report(agency: Agency, year: int, *, sections: Mapping[str, str] | None = None) -> Report:
    """The report of ``agency`` for ``year`` in the format the year must use, every table computed."""
    fmt = format_for_year(year)
    report = Report.empty(fmt.key, year=year, agency=agency.name)
    report.applications = application_table(application_entries(agency, year), year, fmt.key)
    report.review_litigation = review_table(core_cases(agency), year)
    figures = figures_of(agency, year, entered_columns(year))
    report.active_disclosure = disclosure_table(register_entries(agency), year, fmt.key, figures)
    report.sections = {k: v for k, v in (sections or {}).items() if v}
    return report


def fees_charged(agency: Agency, year: int) -> tuple[int, int]:
    """(applications, yuan) of 信息处理费 paid in ``year``.

    The ledger records a fee as a ``fee_notice`` event with the amount and a ``fee_paid`` event
    without one; a payment settles the latest live notice before it. Voided events do not count.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    paid = Event.objects.filter(
        application__agency=agency,
        application__voided=False,
        kind=EventType.FEE_PAID,
        on__range=(start, end),
        voided_by__isnull=True,
    ).values_list("application_id", "on")
    payments = list(paid)
    if not payments:
        return 0, 0
    notices: dict[int, list[tuple[date, int]]] = {}
    for application_id, on, amount in Event.objects.filter(
        application_id__in={a for a, _ in payments}, kind=EventType.FEE_NOTICE, voided_by__isnull=True
    ).values_list("application_id", "on", "fee_yuan"):
        notices.setdefault(application_id, []).append((on, int(amount or 0)))
    count = total = 0
    for application_id, on in payments:
        before = sorted(n for n in notices.get(application_id, []) if n[0] <= on)
        if before:
            count += 1
            total += before[-1][1]
    return count, total


@dataclass(frozen=True)
class YearFacts:
    """The year's figures that the narrative states (taken from the computed report, never retyped)."""

    year: int
    received: int
    carried_over: int
    concluded: int
    carried_forward: int
    reconsiderations: int
    lawsuits: int
    fee_applications: int
    fee_yuan: int


def _total(report: Report, row: str) -> int:
    return int(report.applications[row][TOTAL] or 0)


def year_facts(agency: Agency, report: Report) -> YearFacts:
    assert report.year is not None
    count, yuan = fees_charged(agency, report.year)
    review = report.review_litigation
    return YearFacts(
        year=report.year,
        received=_total(report, "new_received"),
        carried_over=_total(report, "carried_over"),
        concluded=_total(report, "total_processed"),
        carried_forward=_total(report, "carried_forward"),
        reconsiderations=int(review["reconsideration"]["total"] or 0),
        lawsuits=int(review["litigation_direct"]["total"] or 0)
        + int(review["litigation_after_reconsideration"]["total"] or 0),
        fee_applications=count,
        fee_yuan=yuan,
    )


def prefilled_sections(agency: Agency, facts: YearFacts) -> dict[str, str]:
    """The first text of the narrative: the year's facts in sentences the checker reads (C7)."""
    overview = (
        f"{facts.year}年，{agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"做好主动公开和依申请公开工作。\n"
        f"本年度共收到政府信息公开申请{facts.received}件，上年结转政府信息公开申请{facts.carried_over}件，"
        f"办结申请{facts.concluded}件，结转下年度继续办理的申请{facts.carried_forward}件。\n"
        f"本年度发生政府信息公开行政复议{facts.reconsiderations}件，行政诉讼{facts.lawsuits}件。"
    )
    if facts.fee_applications:
        other = (
            f"本年度依据《政府信息公开信息处理费管理办法》收取信息处理费{facts.fee_applications}件，"
            f"共计{facts.fee_yuan}元。"
        )
    else:
        other = "本年度未收取信息处理费。"
    return {"overview": overview, "problems": "", "other": other}
