"""Reading the ledger. Every function starts from :func:`applications_for`, so a user only ever sees
the applications of their own agency; supervisors see none (their statistics come from
:func:`statistics_for`, which carries no personal data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from gongkai.procedure import LedgerEntry, WorkdayCalendar, count_working_days, rules
from gongkai.web.agencies.models import Agency, User
from gongkai.web.ledger import fulltext
from gongkai.web.ledger.models import Application, RequestedItem
from gongkai.web.ledger.similarity import is_similar

__all__ = [
    "STATUS_LABELS",
    "AgencyFigures",
    "Dashboard",
    "LedgerSearch",
    "PossibleRepeat",
    "application_for",
    "applications_for",
    "dashboard",
    "due_soon_limit",
    "ledger_entries",
    "live_status",
    "possible_repeats",
    "search",
    "statistics_for",
]


def applications_for(user: User) -> QuerySet[Application]:
    """The applications ``user`` may see: their own agency's, only for its staff."""
    if not user.is_authenticated or not user.is_agency_staff:
        return Application.objects.none()
    return Application.objects.filter(agency_id=user.agency_id).select_related("handler")


def application_for(user: User, pk: int) -> Application:
    """One application, or 404 — the same answer whether it does not exist or belongs to another agency."""
    try:
        return applications_for(user).select_related("agency", "registered_by").get(pk=pk)
    except Application.DoesNotExist:
        raise Http404("没有这个申请") from None


def due_soon_limit(calendar: WorkdayCalendar, today: date) -> date:
    """The last day that is "due soon": the 5th working day after today (a gongkai setting)."""
    return count_working_days(calendar, today, rules().due_soon_working_days).due


def live_status(application: Application, today: date, soon_limit: date) -> str:
    """The status on ``today`` from the stored due date (the stored status is as of the last change)."""
    if application.voided:
        return "voided"
    if application.withdrawn:
        return "withdrawn"
    if application.closed:
        return application.status
    if application.due_date is None:
        return "awaiting_correction"
    if application.due_date < today:
        return "overdue"
    if application.due_date <= soon_limit:
        return "due_soon"
    return "on_time"


STATUS_LABELS = {
    "on_time": "办理中",
    "due_soon": "即将到期",
    "overdue": "已超期",
    "awaiting_correction": "等待补正",
    "answered": "已按期答复",
    "answered_late": "逾期答复",
    "withdrawn": "已撤回",
    "voided": "已作废",
}


@dataclass(frozen=True)
class Dashboard:
    mine: list[Application]
    due_soon: list[Application]
    overdue: list[Application]
    open_count: int


def dashboard(user: User, *, today: date, calendar: WorkdayCalendar, limit: int = 50) -> Dashboard:
    """My open applications, those due within 5 working days, and the overdue ones (earliest due first)."""
    open_ = applications_for(user).filter(closed=False, voided=False).defer("deadlines")
    soon = due_soon_limit(calendar, today)
    by_due = open_.order_by("due_date", "received_on")
    return Dashboard(
        mine=list(open_.filter(handler=user).order_by("due_date", "received_on")[:limit]),
        due_soon=list(by_due.filter(due_date__gte=today, due_date__lte=soon)[:limit]),
        overdue=list(by_due.filter(due_date__lt=today)[:limit]),
        open_count=open_.count(),
    )


@dataclass(frozen=True)
class LedgerSearch:
    """The search form's criteria, all optional."""

    text: str = ""
    received_from: date | None = None
    received_to: date | None = None
    outcome: str = ""
    state: str = ""  # open | overdue | closed | withdrawn | voided | "" (everything but voided)


def search(user: User, criteria: LedgerSearch, *, today: date) -> QuerySet[Application]:
    """The ledger list: by number, applicant name or request text, receipt date range, outcome and state."""
    found = applications_for(user)
    matching = fulltext.matching_ids(criteria.text)
    if matching is not None:  # number, applicant or request text, through the bigram index, inside the scope
        found = found.filter(pk__in=matching)
    if criteria.received_from:
        found = found.filter(received_on__gte=criteria.received_from)
    if criteria.received_to:
        found = found.filter(received_on__lte=criteria.received_to)
    if criteria.outcome:
        found = found.filter(outcome=criteria.outcome)
    state = criteria.state
    if state == "voided":
        found = found.filter(voided=True)
    else:
        found = found.filter(voided=False)
        if state == "open":
            found = found.filter(closed=False)
        elif state == "overdue":
            found = found.filter(closed=False, due_date__lt=today)
        elif state == "closed":
            found = found.filter(closed=True, withdrawn=False)
        elif state == "withdrawn":
            found = found.filter(withdrawn=True)
    return found.order_by("-received_on", "-serial")


@dataclass(frozen=True)
class PossibleRepeat:
    application: Application
    reason: str  # 同一申请人 | 内容相近
    text: str


def possible_repeats(
    user: User,
    *,
    today: date,
    id_number: str = "",
    credit_code: str = "",
    applicant_name: str = "",
    items: Iterable[str] = (),
    months: int = 12,
    limit: int = 20,
) -> list[PossibleRepeat]:
    """Earlier applications of the same applicant and near-identical requests within ``months`` months."""
    since = today - timedelta(days=round(months * 30.44))
    recent = applications_for(user).filter(voided=False, received_on__gte=since)
    found: dict[int, PossibleRepeat] = {}
    same = Q()
    if id_number:
        same |= Q(id_number=id_number.strip().upper())
    if credit_code:
        same |= Q(credit_code=credit_code.strip().upper())
    if not id_number and not credit_code and applicant_name.strip():
        same |= Q(applicant_name=applicant_name.strip())
    if same:
        for application in recent.filter(same).prefetch_related("items")[:limit]:
            text = "；".join(i.text for i in application.items.all())
            found[application.pk] = PossibleRepeat(application, "同一申请人", text)
    texts = [t for t in items if t and t.strip()]
    if texts:
        candidates = (
            RequestedItem.objects.filter(application__in=recent)
            .select_related("application", "application__handler")
            .order_by("-application__received_on")[:5000]
        )
        for item in candidates:
            if item.application_id in found:
                continue
            if any(is_similar(t, item.text) for t in texts):
                found[item.application_id] = PossibleRepeat(item.application, "内容相近", item.text)
            if len(found) >= limit:
                break
    return sorted(found.values(), key=lambda r: r.application.received_on, reverse=True)


def ledger_entries(agency: Agency) -> Iterable[LedgerEntry]:
    """The agency's applications as the statistics see them (for the annual report and supervision)."""
    rows = (
        Application.objects.filter(agency=agency, voided=False)
        .values_list("received_on", "applicant_type", "concluded_on", "outcome")
        .iterator(chunk_size=2000)
    )
    for received, applicant, concluded, outcome in rows:
        yield LedgerEntry(received=received, applicant=applicant, concluded=concluded, outcome=outcome or None)


@dataclass(frozen=True)
class AgencyFigures:
    """Counts only, never an applicant: what a supervisor sees of one agency."""

    agency: Agency
    received_this_year: int
    open: int
    overdue: int
    closed_this_year: int
    late_this_year: int


def statistics_for(agencies: Iterable[Agency], *, today: date) -> list[AgencyFigures]:
    """Per-agency counts for the supervision page (one aggregate query per agency)."""
    start = date(today.year, 1, 1)
    figures = []
    for agency in agencies:
        counts = Application.objects.filter(agency=agency, voided=False).aggregate(
            n_received=Count("pk", filter=Q(received_on__gte=start)),
            n_open=Count("pk", filter=Q(closed=False)),
            n_overdue=Count("pk", filter=Q(closed=False, due_date__lt=today)),
            n_closed=Count("pk", filter=Q(closed=True, concluded_on__gte=start)),
            n_late=Count("pk", filter=Q(closed=True, concluded_on__gte=start, status="answered_late")),
        )
        figures.append(
            AgencyFigures(
                agency=agency,
                received_this_year=counts["n_received"],
                open=counts["n_open"],
                overdue=counts["n_overdue"],
                closed_this_year=counts["n_closed"],
                late_this_year=counts["n_late"],
            )
        )
    return figures
