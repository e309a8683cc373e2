"""Every write to the ledger: keyword-only functions that validate, then save atomically, then audit.

Each function takes ``today`` and the working-day ``calendar`` (the web layer passes
:func:`gongkai.web.clock.today` and :func:`gongkai.web.clock.workday_calendar`), checks the actor's
right to act on the application, builds the event list as it would be *after* the change and runs
:func:`gongkai.procedure.compute` on it: an impossible sequence raises :class:`ServiceError` before
anything is written. The derived fields of :class:`Application` are written only by
:func:`refresh_deadlines`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max

from gongkai.procedure import (
    Deadlines,
    Decision,
    EventSequenceError,
    WorkdayCalendar,
    combine_items,
    compute,
    decision,
    decisions,
    receipt_date,
)
from gongkai.procedure.identifiers import check_credit_code, check_id_number, mask_id_number, mask_phone
from gongkai.web.agencies.models import Agency, User
from gongkai.web.audit.services import record
from gongkai.web.errors import ServiceError
from gongkai.web.ledger import fulltext
from gongkai.web.ledger.models import (
    ApplicantKind,
    Application,
    ChannelChoice,
    ConsultationChoice,
    Event,
    EventType,
    ItemDecision,
    OrganisationType,
    RequestedItem,
)
from gongkai.web.ledger.timeline import derivation, explain_error, live_events, procedure_events

__all__ = [
    "ServiceError",
    "application_snapshot",
    "approve_extension",
    "current_deadlines",
    "decision_outcomes",
    "recompute_open_applications",
    "record_decision",
    "record_event",
    "refresh_deadlines",
    "register_application",
    "void_event",
]

SIMPLE_EVENTS = frozenset(
    {
        EventType.CORRECTION_NOTICE,
        EventType.CORRECTED,
        EventType.CONSULTATION_SENT,
        EventType.CONSULTATION_ANSWERED,
        EventType.EXTENSION_REQUESTED,
        EventType.FEE_NOTICE,
        EventType.FEE_PAID,
        EventType.REPLY_SENT,
        EventType.WITHDRAWN,
    }
)
"""Events recorded by :func:`record_event`; approvals, decisions and voids have their own function."""

_CLOCK_EVENTS = frozenset(
    {
        EventType.RECEIVED,
        EventType.CORRECTION_NOTICE,
        EventType.CORRECTED,
        EventType.CONSULTATION_SENT,
        EventType.CONSULTATION_ANSWERED,
        EventType.EXTENSION_APPROVED,
        EventType.FEE_NOTICE,
        EventType.FEE_PAID,
        EventType.DECIDED,
        EventType.WITHDRAWN,
    }
)


def decision_outcomes() -> list[tuple[str, str]]:
    """The outcomes an item can get: every final decision of the current (2021) table."""
    return [(k, d.label) for k, d in _final_decisions().items()]


def _final_decisions() -> dict[str, Decision]:
    return {k: d for k, d in decisions().items() if d.final and "2021" in d.rows and d.rows["2021"] == k}


# -- snapshots for the audit trail (personal data masked) ------------------------------------------


def application_snapshot(application: Application) -> dict[str, Any]:
    return {
        "number": application.number,
        "channel": application.channel,
        "received_on": application.received_on.isoformat(),
        "applicant_kind": application.applicant_kind,
        "applicant_type": application.applicant_type,
        "applicant_name": application.applicant_name,
        "id_number": mask_id_number(application.id_number) if application.id_number else "",
        "credit_code": application.credit_code,
        "phone": mask_phone(application.phone) if application.phone else "",
        "handler": application.handler_id,
        "due_date": None if application.due_date is None else application.due_date.isoformat(),
        "status": application.status,
        "closed": application.closed,
        "outcome": application.outcome,
        "provisional": application.provisional,
        "voided": application.voided,
    }


def _event_snapshot(event: Event) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "on": event.on.isoformat(),
        "party": event.party,
        "consultation": event.consultation,
        "correction_due": None if event.correction_due is None else event.correction_due.isoformat(),
        "reason": event.reason,
        "replaced_due": None if event.replaced_due is None else event.replaced_due.isoformat(),
        "new_due": None if event.new_due is None else event.new_due.isoformat(),
        "fee_yuan": event.fee_yuan,
        "outcome": event.outcome,
        "voids": event.voids_id,
        "items": [
            {"item": d.item.position, "outcome": d.outcome, "legal_basis": d.legal_basis}
            for d in event.item_decisions.all()
        ]
        if event.pk is not None and event.kind == EventType.DECIDED
        else [],
    }


# -- checks shared by every write ---------------------------------------------------------------------


def _check_staff(actor: User, agency: Agency | int) -> None:
    agency_id = agency if isinstance(agency, int) else agency.pk
    if not actor.is_agency_staff or actor.agency_id != agency_id:
        raise ServiceError("您无权办理该机关的申请")


def _check_not_future(day: date, today: date, field: str, label: str) -> None:
    if day > today:
        raise ServiceError(f"{label}（{day.isoformat()}）不能晚于今天（{today.isoformat()}）", field=field)


def _compute(rows: Sequence[Event], calendar: WorkdayCalendar, today: date) -> Deadlines:
    try:
        return compute(procedure_events(live_events(rows)), calendar, today)
    except EventSequenceError as exc:
        raise ServiceError(explain_error(exc)) from None


# -- registration ----------------------------------------------------------------------------------


_RECEIPT_FIELDS = {"submitted": "submitted_on", "signed_for": "signed_for_on", "confirmed": "confirmed_on"}
_RECEIPT_LABELS = {"submitted_on": "提交日期", "signed_for_on": "签收日期", "confirmed_on": "确认日期"}


def register_application(
    *,
    actor: User,
    today: date,
    calendar: WorkdayCalendar,
    channel: str,
    applicant_kind: str,
    applicant_name: str,
    items: Sequence[str],
    submitted_on: date | None = None,
    signed_for_on: date | None = None,
    confirmed_on: date | None = None,
    id_number: str = "",
    credit_code: str = "",
    organisation_type: str = "",
    contact_person: str = "",
    phone: str = "",
    address: str = "",
    email: str = "",
    handler: User | None = None,
) -> Application:
    """Register an application received by the actor's agency; its receipt date follows 第三十一条."""
    if actor.agency is None:
        raise ServiceError("您不属于任何机关，不能登记申请")
    agency = actor.agency
    _check_staff(actor, agency)
    if channel not in ChannelChoice.values:
        raise ServiceError("请选择申请渠道", field="channel")
    dates = {"submitted_on": submitted_on, "signed_for_on": signed_for_on, "confirmed_on": confirmed_on}
    for field, value in dates.items():
        if value is not None:
            _check_not_future(value, today, field, _RECEIPT_LABELS[field])
    try:
        received = receipt_date(channel, submitted=submitted_on, signed_for=signed_for_on, confirmed=confirmed_on)
    except ValueError as exc:
        name = str(exc).split(":", 1)[0]
        field = _RECEIPT_FIELDS.get(name, "channel")
        label = ChannelChoice(channel).label
        raise ServiceError(
            f"按第三十一条，{label}的申请以{_RECEIPT_LABELS.get(field, '相应日期')}为收到申请之日，请填写", field=field
        ) from None
    name = applicant_name.strip()
    if not name:
        raise ServiceError("请填写申请人姓名或名称", field="applicant_name")
    if applicant_kind == ApplicantKind.PERSON:
        if not id_number.strip():
            raise ServiceError("公民申请应填写身份证号", field="id_number")
        try:
            id_number = check_id_number(id_number)
        except ValueError as exc:
            raise ServiceError(str(exc), field="id_number") from None
        credit_code, applicant_type = "", "natural_person"
    elif applicant_kind == ApplicantKind.ORGANISATION:
        if not credit_code.strip():
            raise ServiceError("法人或者其他组织应填写统一社会信用代码", field="credit_code")
        try:
            credit_code = check_credit_code(credit_code)
        except ValueError as exc:
            raise ServiceError(str(exc), field="credit_code") from None
        if organisation_type not in OrganisationType.values:
            raise ServiceError(
                "请选择组织类别（商业企业、科研机构、社会公益组织、法律服务机构、其他）", field="organisation_type"
            )
        id_number, applicant_type = "", organisation_type
    else:
        raise ServiceError("请选择申请人类型", field="applicant_kind")
    texts = [t.strip() for t in items if t and t.strip()]
    if not texts:
        raise ServiceError("请至少填写一项申请公开的政府信息", field="items")
    if handler is not None:
        _check_staff(handler, agency)
    with transaction.atomic():
        Agency.objects.select_for_update().filter(pk=agency.pk).first()
        year = received.year
        serial = (Application.objects.filter(agency=agency, year=year).aggregate(m=Max("serial"))["m"] or 0) + 1
        application = Application(
            agency=agency,
            number=f"{agency.code}-{year}-{serial:05d}",
            year=year,
            serial=serial,
            channel=channel,
            submitted_on=submitted_on,
            signed_for_on=signed_for_on,
            confirmed_on=confirmed_on,
            received_on=received,
            applicant_kind=applicant_kind,
            applicant_type=applicant_type,
            applicant_name=name,
            id_number=id_number,
            credit_code=credit_code,
            contact_person=contact_person.strip(),
            phone=phone.strip(),
            address=address.strip(),
            email=email.strip(),
            handler=handler or actor,
            registered_by=actor,
        )
        application.save()
        RequestedItem.objects.bulk_create(
            [RequestedItem(application=application, position=i, text=t) for i, t in enumerate(texts, start=1)]
        )
        Event(application=application, sequence=1, kind=EventType.RECEIVED, on=received, recorded_by=actor).save()
        fulltext.index_application(
            application_id=application.pk, number=application.number, applicant_name=name, items=texts
        )
        refresh_deadlines(application=application, calendar=calendar, today=today)
        record(
            actor=actor,
            agency=agency,
            action="application.register",
            object_type="application",
            object_id=application.pk,
            summary=f"登记申请 {application.number}（{len(texts)}项）",
            after=application_snapshot(application),
        )
    return application


# -- the derived fields --------------------------------------------------------------------------------


def refresh_deadlines(*, application: Application, calendar: WorkdayCalendar, today: date) -> Deadlines | None:
    """Recompute and store due date, status, provisional flag and outcome from the live events.

    An application whose receipt was voided (a mistaken registration) only gets its ``voided`` flag:
    it has no clock any more, and its last dates stay as they were for the record.
    """
    rows = list(application.events.all())
    live = live_events(rows)
    if not any(r.kind == EventType.RECEIVED for r in live):
        application.voided = True
        application.save(update_fields=["voided"])
        return None
    deadlines = _compute(rows, calendar, today)
    application.due_date = None if deadlines.answer_due is None else deadlines.answer_due.due
    application.original_due_date = None if deadlines.original_due is None else deadlines.original_due.due
    application.extended = deadlines.extended
    application.status = deadlines.status.value
    application.provisional = deadlines.provisional
    application.closed = deadlines.closed
    application.concluded_on = deadlines.decided
    application.outcome = deadlines.outcome or ""
    application.withdrawn = any(r.kind == EventType.WITHDRAWN for r in live)
    application.voided = not any(r.kind == EventType.RECEIVED for r in live)
    application.deadlines = derivation(deadlines)
    application.computed_on = today
    application.save(
        update_fields=[
            "due_date",
            "original_due_date",
            "extended",
            "status",
            "provisional",
            "closed",
            "concluded_on",
            "outcome",
            "withdrawn",
            "voided",
            "deadlines",
            "computed_on",
        ]
    )
    return deadlines


def recompute_open_applications(*, calendar: WorkdayCalendar, today: date, agency: Agency | None = None) -> int:
    """After a year's holiday schedule was loaded: recompute every open application; closed ones keep their dates.

    Returns how many were recomputed. Provisional flags clear where the new schedule covers the years.
    """
    found = Application.objects.filter(closed=False, voided=False)
    if agency is not None:
        found = found.filter(agency=agency)
    count = 0
    for application in found.prefetch_related("events").iterator(chunk_size=500):
        with transaction.atomic():
            refresh_deadlines(application=application, calendar=calendar, today=today)
        count += 1
    return count


# -- events --------------------------------------------------------------------------------------------


def _append(
    *,
    actor: User,
    application: Application,
    event: Event,
    calendar: WorkdayCalendar,
    today: date,
    decisions: Sequence[ItemDecision] = (),
    summary: str,
) -> Event:
    """Validate the event list with ``event`` added, then save it, its item decisions and the audit entry."""
    rows = list(application.events.all())
    event.sequence = max((r.sequence for r in rows), default=0) + 1
    voiding = event.kind == EventType.VOIDED
    candidate = [r for r in rows if r.pk != event.voids_id] if voiding else [*rows, event]
    if event.kind != EventType.VOIDED or any(r.kind == EventType.RECEIVED for r in live_events(candidate)):
        _compute(candidate, calendar, today)
    before = application_snapshot(application)
    with transaction.atomic():
        event.application = application
        event.recorded_by = actor
        event.save()
        for item_decision in decisions:
            item_decision.event = event
            item_decision.save()
        target = event.voids if event.kind == EventType.VOIDED else event
        moves_clock = target is not None and target.kind in _CLOCK_EVENTS
        if moves_clock or not application.closed:
            refresh_deadlines(application=application, calendar=calendar, today=today)
        record(
            actor=actor,
            agency=application.agency,
            action=f"event.{event.kind}",
            object_type="application",
            object_id=application.pk,
            summary=summary,
            before=before,
            after={**application_snapshot(application), "event": _event_snapshot(event)},
        )
    return event


def _guard(actor: User, application: Application, on: date, today: date) -> None:
    _check_staff(actor, application.agency_id)
    if application.voided:
        raise ServiceError("该申请已作废，不能再记录办理事件")
    _check_not_future(on, today, "on", "日期")


def record_event(
    *,
    actor: User,
    application: Application,
    kind: str,
    on: date,
    today: date,
    calendar: WorkdayCalendar,
    party: str = "",
    consultation: str = "",
    correction_due: date | None = None,
    reason: str = "",
    fee_yuan: int | None = None,
) -> Event:
    """Record one of :data:`SIMPLE_EVENTS`; the engine rejects an impossible sequence."""
    if kind not in SIMPLE_EVENTS:
        raise ServiceError(f"不能用此表单记录“{kind}”")
    _guard(actor, application, on, today)
    live = live_events(application.events.all())
    kinds = [r.kind for r in live]
    label = EventType(kind).label
    if kind == EventType.CORRECTION_NOTICE and correction_due is not None and correction_due < on:
        raise ServiceError("补正期限不能早于补正告知日期", field="correction_due")
    if kind in (EventType.CONSULTATION_SENT, EventType.CONSULTATION_ANSWERED):
        party = party.strip()
        if not party:
            raise ServiceError("请填写征求意见的对象", field="party")
        if kind == EventType.CONSULTATION_SENT and consultation not in ConsultationChoice.values:
            raise ServiceError("请选择征求意见的类型", field="consultation")
        if kind == EventType.CONSULTATION_ANSWERED:
            sent = [r for r in live if r.kind == EventType.CONSULTATION_SENT and r.party == party]
            consultation = sent[-1].consultation if sent else ConsultationChoice.THIRD_PARTY
    if kind == EventType.FEE_NOTICE and (fee_yuan is None or fee_yuan <= 0):
        raise ServiceError("请填写收费金额（元）", field="fee_yuan")
    if kind == EventType.EXTENSION_REQUESTED:
        if application.closed:
            raise ServiceError("该申请已办结，不能申请延期")
        if EventType.EXTENSION_REQUESTED in kinds or EventType.EXTENSION_APPROVED in kinds:
            raise ServiceError("已申请过延期，答复期限只能延长一次（第三十三条）")
        if application.due_date is None:
            raise ServiceError("等待补正期间答复期限尚未起算，不能申请延期")
        if not reason.strip():
            raise ServiceError("请填写延期理由", field="reason")
    if kind == EventType.REPLY_SENT:
        if EventType.DECIDED not in kinds:
            raise ServiceError("尚未作出答复决定，不能记录答复送达")
        if EventType.REPLY_SENT in kinds:
            raise ServiceError("已记录答复送达")
        decided = next(r.on for r in live if r.kind == EventType.DECIDED)
        if on < decided:
            raise ServiceError(f"答复送达日期不能早于答复决定日期 {decided.isoformat()}", field="on")
    if kind not in _CLOCK_EVENTS and kind != EventType.REPLY_SENT and application.closed:
        raise ServiceError(f"该申请已办结，不能再记录{label}")
    event = Event(
        kind=kind,
        on=on,
        party=party,
        consultation=consultation,
        correction_due=correction_due,
        reason=reason.strip(),
        fee_yuan=fee_yuan,
    )
    return _append(
        actor=actor,
        application=application,
        event=event,
        calendar=calendar,
        today=today,
        summary=f"{label} {on.isoformat()}",
    )


def approve_extension(
    *, actor: User, application: Application, on: date, today: date, calendar: WorkdayCalendar, reason: str = ""
) -> Event:
    """An approver approves the requested extension; the event keeps the due date it replaced."""
    _guard(actor, application, on, today)
    if not actor.can_approve:
        raise ServiceError("只有审核人可以批准延期")
    live = live_events(application.events.all())
    requests = [r for r in live if r.kind == EventType.EXTENSION_REQUESTED]
    if any(r.kind == EventType.EXTENSION_APPROVED for r in live):
        approved = next(r.on for r in live if r.kind == EventType.EXTENSION_APPROVED)
        raise ServiceError(f"已于 {approved.isoformat()} 批准延期，答复期限只能延长一次（第三十三条）")
    if not requests:
        raise ServiceError("经办人尚未申请延期")
    if on < requests[0].on:
        raise ServiceError(f"批准日期不能早于申请延期日期 {requests[0].on.isoformat()}", field="on")
    event = Event(
        kind=EventType.EXTENSION_APPROVED,
        on=on,
        reason=reason.strip() or requests[0].reason,
        replaced_due=application.due_date,
    )
    rows = list(application.events.all())
    event.sequence = max((r.sequence for r in rows), default=0) + 1
    after = _compute([*rows, event], calendar, today)
    event.new_due = None if after.answer_due is None else after.answer_due.due
    return _append(
        actor=actor,
        application=application,
        event=event,
        calendar=calendar,
        today=today,
        summary=f"批准延期 {on.isoformat()}，答复期限由 {event.replaced_due} 延至 {event.new_due}",
    )


def record_decision(
    *,
    actor: User,
    application: Application,
    on: date,
    today: date,
    calendar: WorkdayCalendar,
    outcomes: Mapping[int, tuple[str, str]],
) -> Event:
    """The decision on every item (item id → outcome key, legal basis); the application is then closed.

    The application's outcome is :func:`gongkai.procedure.combine_items` of the items' outcomes.
    """
    _guard(actor, application, on, today)
    items = list(application.items.all())
    allowed = _final_decisions()
    decided: list[ItemDecision] = []
    keys: list[str] = []
    for item in items:
        outcome, basis = outcomes.get(item.pk, ("", ""))
        if outcome not in allowed:
            raise ServiceError(f"请为第{item.position}项选择办理结果", field=f"outcome_{item.pk}")
        keys.append(outcome)
        decided.append(
            ItemDecision(
                item=item, outcome=outcome, legal_basis=(basis or "").strip() or (decision(outcome).article or "")
            )
        )
    combined = combine_items(keys)
    event = Event(kind=EventType.DECIDED, on=on, outcome=combined)
    return _append(
        actor=actor,
        application=application,
        event=event,
        calendar=calendar,
        today=today,
        decisions=decided,
        summary=f"作出答复决定 {on.isoformat()}：{decision(combined).label}",
    )


def void_event(
    *, actor: User, application: Application, event: Event, reason: str, today: date, calendar: WorkdayCalendar
) -> Event:
    """Void a mistaken event with a reason; voiding the receipt voids the whole application."""
    _check_staff(actor, application.agency_id)
    if application.voided:
        raise ServiceError("该申请已作废")
    if event.application_id != application.pk:
        raise ServiceError("该记录不属于此申请")
    if event.kind == EventType.VOIDED:
        raise ServiceError("作废记录本身不能作废")
    if Event.objects.filter(voids=event).exists():
        raise ServiceError("该记录已作废")
    if not reason.strip():
        raise ServiceError("请填写作废理由", field="reason")
    if event.kind == EventType.EXTENSION_REQUESTED and any(
        r.kind == EventType.EXTENSION_APPROVED for r in live_events(application.events.all())
    ):
        raise ServiceError("延期已获批准，请先作废批准延期记录")
    void = Event(kind=EventType.VOIDED, on=today, voids=event, reason=reason.strip())
    return _append(
        actor=actor,
        application=application,
        event=void,
        calendar=calendar,
        today=today,
        summary=f"作废记录：{event.get_kind_display()} {event.on.isoformat()}（{reason.strip()}）",
    )


def current_deadlines(*, application: Application, calendar: WorkdayCalendar, today: date) -> Deadlines:
    """What :func:`gongkai.procedure.compute` says today about the application's live events (a read)."""
    return _compute(list(application.events.all()), calendar, today)
