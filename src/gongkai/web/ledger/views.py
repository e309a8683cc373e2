"""Thin views: parse the form, call one service or selector, render. Scoping is in the selectors."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from gongkai.procedure.identifiers import mask_id_number, mask_phone
from gongkai.web.agencies.models import User
from gongkai.web.audit.selectors import entries_for_object
from gongkai.web.clock import today, workday_calendar
from gongkai.web.errors import ServiceError
from gongkai.web.ledger import selectors, services
from gongkai.web.ledger.forms import EVENT_FIELDS, DecisionForm, EventForm, RegisterForm, SearchForm, VoidForm
from gongkai.web.ledger.models import Application, EventType
from gongkai.web.ledger.timeline import derivation
from gongkai.web.permissions import agency_staff_required

__all__ = ["application_detail", "application_list", "dashboard", "decide", "record", "register", "void"]


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _show_error(form: Any, error: ServiceError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _rows(applications: list[Application], soon: Any) -> list[dict[str, Any]]:
    """List rows with personal data masked and the status as of today."""
    day = today()
    return [
        {
            "application": a,
            "identifier": mask_id_number(a.id_number) if a.id_number else a.credit_code,
            "phone": mask_phone(a.phone) if a.phone else "",
            "status": selectors.live_status(a, day, soon),
            "status_label": selectors.STATUS_LABELS[selectors.live_status(a, day, soon)],
        }
        for a in applications
    ]


def dashboard(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.is_supervisor:
        return redirect("supervision")
    if not user.is_agency_staff:
        return render(request, "no_agency.html", status=403)
    calendar = workday_calendar()
    day = today()
    board = selectors.dashboard(user, today=day, calendar=calendar)
    soon = selectors.due_soon_limit(calendar, day)
    return render(
        request,
        "ledger/dashboard.html",
        {
            "mine": _rows(board.mine, soon),
            "due_soon": _rows(board.due_soon, soon),
            "overdue": _rows(board.overdue, soon),
            "open_count": board.open_count,
            "soon_limit": soon,
            "today": day,
        },
    )


@agency_staff_required
def application_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    outcomes = services.decision_outcomes()
    form = SearchForm(request.GET or None, outcomes=outcomes)
    criteria = form.criteria()
    day = today()
    found = selectors.search(user, criteria, today=day)
    # page through ids only (an index-only scan, however deep the page), then load those 50 rows
    page = Paginator(found.values_list("pk", flat=True), 50).get_page(request.GET.get("page"))
    ids = list(page.object_list)
    loaded = {a.pk: a for a in selectors.applications_for(user).filter(pk__in=ids).defer("deadlines")}
    query = request.GET.copy()
    query.pop("page", None)
    soon = selectors.due_soon_limit(workday_calendar(), day)
    return render(
        request,
        "ledger/list.html",
        {"form": form, "page": page, "rows": _rows([loaded[pk] for pk in ids], soon), "query": query.urlencode()},
    )


@agency_staff_required
def register(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = RegisterForm(request.POST or None)
    repeats: list[selectors.PossibleRepeat] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        day = today()
        repeats = selectors.possible_repeats(
            user,
            today=day,
            id_number=data["id_number"] if data["applicant_kind"] == "person" else "",
            credit_code=data["credit_code"] if data["applicant_kind"] == "organisation" else "",
            applicant_name=data["applicant_name"],
            items=form.items(),
        )
        if repeats and not data["confirm_repeats"]:
            form.add_error("confirm_repeats", "发现可能的重复申请，请核对下列申请后勾选确认再登记")
        else:
            try:
                application = services.register_application(
                    actor=user,
                    today=day,
                    calendar=workday_calendar(),
                    channel=data["channel"],
                    submitted_on=data["submitted_on"],
                    signed_for_on=data["signed_for_on"],
                    confirmed_on=data["confirmed_on"],
                    applicant_kind=data["applicant_kind"],
                    applicant_name=data["applicant_name"],
                    id_number=data["id_number"],
                    credit_code=data["credit_code"],
                    organisation_type=data["organisation_type"],
                    contact_person=data["contact_person"],
                    phone=data["phone"],
                    address=data["address"],
                    email=data["email"],
                    items=form.items(),
                )
            except ServiceError as error:
                _show_error(form, error)
            else:
                messages.success(request, f"已登记申请 {application.number}")
                return redirect("application-detail", pk=application.pk)
    return render(request, "ledger/register.html", {"form": form, "repeats": repeats})


EVENT_MENU: list[tuple[str, str]] = [
    (EventType.CORRECTION_NOTICE, "补正告知"),
    (EventType.CORRECTED, "收到补正"),
    (EventType.CONSULTATION_SENT, "征求意见"),
    (EventType.CONSULTATION_ANSWERED, "收到意见"),
    (EventType.EXTENSION_REQUESTED, "申请延期"),
    (EventType.EXTENSION_APPROVED, "批准延期"),
    (EventType.FEE_NOTICE, "收费通知"),
    (EventType.FEE_PAID, "缴费"),
    (EventType.WITHDRAWN, "撤回"),
]
# 答复送达 is not offered here: a reply counts as sent only when its letter, signed off by an
# approver, is marked sent on the letters page (letters.services), which records the event. Imported
# historical ledgers record past deliveries through the service directly.


@agency_staff_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    application = selectors.application_for(user, pk)
    events = list(application.events.select_related("recorded_by", "voids").prefetch_related("item_decisions__item"))
    voided = {e.voids_id for e in events if e.kind == EventType.VOIDED}
    if application.closed or application.voided:
        shown = application.deadlines
    else:
        shown = derivation(
            services.current_deadlines(application=application, calendar=workday_calendar(), today=today())
        )
    return render(
        request,
        "ledger/detail.html",
        {
            "application": application,
            "items": list(application.items.all()),
            "events": events,
            "voided_ids": voided,
            "d": shown,
            "menu": EVENT_MENU,
            "audit": list(entries_for_object(user=user, object_type="application", object_id=application.pk)),
            "can_approve": user.can_approve,
        },
    )


@agency_staff_required
def record(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    user = _user(request)
    application = selectors.application_for(user, pk)
    if kind not in EVENT_FIELDS:
        raise Http404("没有这种办理事件")
    if kind == EventType.REPLY_SENT:
        messages.error(request, "答复送达须经审核人签发答复书后，在“答复书、告知书”页登记。")
        return redirect("application-letters", pk=application.pk)
    form = EventForm(request.POST or None, kind=kind, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if kind == EventType.EXTENSION_APPROVED:
                services.approve_extension(
                    actor=user,
                    application=application,
                    on=data["on"],
                    today=today(),
                    calendar=workday_calendar(),
                    reason=data.get("reason", ""),
                )
            else:
                services.record_event(
                    actor=user,
                    application=application,
                    kind=kind,
                    on=data["on"],
                    today=today(),
                    calendar=workday_calendar(),
                    party=data.get("party", "") or "",
                    consultation=data.get("consultation", "") or "",
                    correction_due=data.get("correction_due"),
                    reason=data.get("reason", "") or "",
                    fee_yuan=data.get("fee_yuan"),
                )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, f"已记录：{EventType(kind).label}")
            return redirect("application-detail", pk=application.pk)
    return render(
        request,
        "ledger/event_form.html",
        {"application": application, "form": form, "title": EventType(kind).label, "kind": kind},
    )


@agency_staff_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    application = selectors.application_for(user, pk)
    items = list(application.items.all())
    form = DecisionForm(
        request.POST or None, items=items, outcomes=services.decision_outcomes(), initial={"on": today()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_decision(
                actor=user,
                application=application,
                on=form.cleaned_data["on"],
                today=today(),
                calendar=workday_calendar(),
                outcomes=form.outcomes(),
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, "已记录答复决定")
            return redirect("application-detail", pk=application.pk)
    return render(request, "ledger/decide.html", {"application": application, "form": form})


@agency_staff_required
def void(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    user = _user(request)
    application = selectors.application_for(user, pk)
    event = application.events.filter(pk=event_pk).first()
    if event is None:
        raise Http404("没有这条记录")
    form = VoidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.void_event(
                actor=user,
                application=application,
                event=event,
                reason=form.cleaned_data["reason"],
                today=today(),
                calendar=workday_calendar(),
            )
        except ServiceError as error:
            _show_error(form, error)
        else:
            messages.success(request, "已作废该记录")
            return redirect(reverse("application-detail", kwargs={"pk": application.pk}))
    return render(request, "ledger/void.html", {"application": application, "event": event, "form": form})
