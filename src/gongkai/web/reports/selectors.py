"""Reading reports: the records behind every cell, last year's published report, and the roll-up.

"The records behind a cell" is one function per table — :func:`application_records` here,
:func:`gongkai.web.register.selectors.document_records`, :func:`gongkai.web.cases.selectors.case_records`
— each filtering exactly what the core's counting counts in that cell (tests compare the number of
records with the cell for every cell of every table). Entered 第二十条 figures have no records
behind them but the figure itself, with who entered it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from gongkai.procedure.outcomes import final_outcomes, table_row
from gongkai.procedure.register import DocumentKind
from gongkai.procedure.statistics import APPLICANT_TYPES
from gongkai.report.formats import format_for_year
from gongkai.report.model import Report
from gongkai.web.agencies.models import Agency, User
from gongkai.web.agencies.selectors import supervised_agencies
from gongkai.web.cases.selectors import case_records
from gongkai.web.ledger.models import Application
from gongkai.web.register.selectors import document_records, figure_records
from gongkai.web.reports.models import AnnualReport, ReportVersion, VersionKind

__all__ = [
    "AgencyReportState",
    "Rollup",
    "application_records",
    "latest_published",
    "previous_report",
    "records_behind",
    "report_for",
    "rollup",
    "sum_reports",
    "versions_of",
]


def application_records(agency: Agency, year: int, row: str, column: int) -> QuerySet[Application]:
    """The applications counted in ``applications.<row>[column]`` of ``year`` (rules of procedure.statistics)."""
    fmt = format_for_year(year)
    start, end = date(year, 1, 1), date(year, 12, 31)
    found = Application.objects.filter(agency=agency, voided=False, received_on__lte=end).exclude(
        concluded_on__lt=start
    )
    if column < len(APPLICANT_TYPES):
        found = found.filter(applicant_type=APPLICANT_TYPES[column])
    elif column != len(APPLICANT_TYPES):
        return Application.objects.none()
    concluded_in_year = Q(concluded_on__range=(start, end))
    if row == "new_received":
        found = found.filter(received_on__gte=start)
    elif row == "carried_over":
        found = found.filter(received_on__lt=start)
    elif row == "carried_forward":
        found = found.filter(Q(concluded_on__isnull=True) | Q(concluded_on__gt=end))
    elif row == "total_processed":
        found = found.filter(concluded_in_year)
    elif row in fmt.outcome_rows:
        outcomes = [key for key in final_outcomes() if table_row(key, fmt.key) == row]
        found = found.filter(concluded_in_year, outcome__in=outcomes)
    else:
        return Application.objects.none()
    return found.order_by("received_on", "serial")


def records_behind(agency: Agency, year: int, cell: str) -> tuple[str, QuerySet[Any]]:
    """(kind, queryset) of the records behind ``cell``: applications, documents, figures or cases."""
    table, _, rest = cell.partition(".")
    if table == "applications":
        row, _, index = rest.partition("[")
        return "applications", application_records(agency, year, row, int(index.rstrip("]")))
    row, _, column = rest.partition(".")
    if table == "active_disclosure":
        if row in DocumentKind._value2member_map_:
            return "documents", document_records(agency, year, row, column)
        return "figures", figure_records(agency, year, row, column)
    if table == "review_litigation":
        return "cases", case_records(agency, year, row, column)
    raise KeyError(cell)


def report_for(user: User, year: int) -> AnnualReport | None:
    if not user.is_agency_staff:
        return None
    return AnnualReport.objects.filter(agency_id=user.agency_id, year=year).first()


def versions_of(report: AnnualReport) -> QuerySet[ReportVersion]:
    return report.versions.select_related("created_by").defer("html", "docx", "pdf").order_by("-number")


def latest_published(agency: Agency, year: int) -> ReportVersion | None:
    """The version of ``year`` the public saw last: published by gongkai or imported from the published file."""
    return (
        ReportVersion.objects.filter(
            report__agency=agency, report__year=year, kind__in=(VersionKind.PUBLISHED, VersionKind.IMPORTED)
        )
        .defer("html", "docx", "pdf")
        .order_by("-number")
        .first()
    )


def previous_report(agency: Agency, year: int) -> Report | None:
    """Last year's published report (for the cross-year check), or None when there is none."""
    version = latest_published(agency, year - 1)
    return Report.from_json(version.report_json) if version is not None else None


@dataclass(frozen=True)
class AgencyReportState:
    agency: Agency
    state: str  # none | drafted | checked | published
    label: str
    errors: int | None
    version: ReportVersion | None


@dataclass(frozen=True)
class Rollup:
    year: int
    states: list[AgencyReportState]
    combined: Report | None
    summed: int


STATE_LABELS = {"none": "未起草", "drafted": "已起草（有错误）", "checked": "已核对无误", "published": "已发布"}


def rollup(user: User, year: int) -> Rollup:
    """For each agency below the supervisor: the report's state, and the cells of the published ones summed.

    Blank cells (``None``) are left out of a sum; a cell blank in every published report stays blank.
    Drafts are not summed: only what an agency has published is a figure it stands behind.
    """
    from gongkai.web.reports.services import draft_findings

    states: list[AgencyReportState] = []
    published: list[Report] = []
    for agency in supervised_agencies(user):
        version = latest_published(agency, year)
        draft = AnnualReport.objects.filter(agency=agency, year=year).first()
        if version is not None:
            published.append(Report.from_json(version.report_json))
            states.append(AgencyReportState(agency, "published", STATE_LABELS["published"], None, version))
            continue
        if draft is None:
            states.append(AgencyReportState(agency, "none", STATE_LABELS["none"], None, None))
            continue
        _, findings = draft_findings(draft)
        errors = sum(1 for f in findings if f.severity == "error")
        state = "drafted" if errors else "checked"
        states.append(AgencyReportState(agency, state, STATE_LABELS[state], errors, None))
    return Rollup(year, states, sum_reports(published, year), len(published))


def sum_reports(reports: list[Report], year: int) -> Report | None:
    """The cell-by-cell sum of the reports in ``year``'s format; blanks are skipped, all-blank stays blank."""
    fmt = format_for_year(year)
    same = [r for r in reports if r.format == fmt.key]
    if not same:
        return None
    combined = Report.empty(fmt.key, year=year, agency="汇总")
    for cell in combined.cell_ids():
        values = [r.get(cell) for r in same if r.get(cell) is not None]
        if values:
            total = sum((Decimal(v) if isinstance(v, Decimal) else v for v in values), start=0)
            combined.set(cell, total)
    return combined
