"""Drafting, signing off and sending letters; uploading an agency's templates. Every step is audited.

The rules: a clerk (any staff of the handling agency) drafts; an approver (审核人) signs off; only a
signed-off letter can be marked sent, and only then does a decision count as delivered — marking a
reply letter sent records the ledger's 答复送达 event through :func:`ledger.services.record_event`,
in the same transaction.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.procedure import WorkdayCalendar
from gongkai.web.agencies.models import Agency, Role, User
from gongkai.web.audit.services import record
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import Application, Event, EventType
from gongkai.web.ledger.services import record_event
from gongkai.web.ledger.timeline import live_events
from gongkai.web.letters.context import letter_context
from gongkai.web.letters.documents import default_template, render_letter, validate_template
from gongkai.web.letters.kinds import LETTER_LABELS, kind_for_event
from gongkai.web.letters.models import Letter, LetterState, LetterTemplate
from gongkai.web.letters.selectors import current_template

__all__ = ["approve_letter", "draft_letter", "mark_sent", "upload_template"]


def _check_staff(actor: User, application: Application) -> None:
    if not actor.is_agency_staff or actor.agency_id != application.agency_id:
        raise ServiceError("您无权办理该机关的申请")


def _audit(actor: User, letter: Letter, action: str, summary: str, before: str | None = None) -> None:
    record(
        actor=actor,
        agency=letter.agency,
        action=f"letter.{action}",
        object_type="application",
        object_id=letter.application_id,
        summary=summary,
        before=None if before is None else {"letter": letter.number, "state": before},
        after={"letter": letter.number, "kind": letter.kind, "state": letter.state, "template": letter.template_source},
    )


def draft_letter(*, actor: User, application: Application, event: Event, today: date) -> Letter:
    """Render the letter ``event`` calls for from the agency's template (or the default) as a draft.

    An earlier letter for the same event that was not sent is superseded (kept, marked 已重拟).
    """
    _check_staff(actor, application)
    if event.application_id != application.pk:
        raise ServiceError("该记录不属于此申请")
    if application.voided:
        raise ServiceError("该申请已作废，不能拟制文书")
    if event.pk not in {e.pk for e in live_events(application.events.all())}:
        raise ServiceError("该记录已作废，不能据此拟制文书")
    kind = kind_for_event(event.kind, outcome=event.outcome, consultation=event.consultation)
    if kind is None:
        raise ServiceError(f"“{event.get_kind_display()}”不需要文书")
    earlier = list(Letter.objects.filter(event=event).exclude(state=LetterState.SUPERSEDED))
    if any(letter.state == LetterState.SENT for letter in earlier):
        raise ServiceError("该文书已送达，不能重拟")
    uploaded = current_template(application.agency, kind)
    template = bytes(uploaded.document) if uploaded is not None else default_template(kind)
    source = f"本机关模板（{uploaded.filename}）" if uploaded is not None else "默认模板"
    with transaction.atomic():
        Agency.objects.select_for_update().filter(pk=application.agency_id).first()
        year = today.year
        serial = (
            Letter.objects.filter(agency_id=application.agency_id, year=year).aggregate(m=Max("serial"))["m"] or 0
        ) + 1
        number = f"{application.agency.code}公开〔{year}〕{serial}号"
        context = letter_context(
            application=application, event=event, kind=kind, letter_number=number, letter_date=today
        )
        letter = Letter(
            agency_id=application.agency_id,
            application=application,
            event=event,
            kind=kind,
            year=year,
            serial=serial,
            number=number,
            letter_date=today,
            document=render_letter(template, context),
            template_source=source[:100],
            drafted_by=actor,
        )
        letter.save()
        for old in earlier:
            old.state = LetterState.SUPERSEDED
            old.save(update_fields=["state"])
            _audit(actor, old, "supersede", f"文书 {old.number} 由 {number} 取代", before=LetterState.DRAFT)
        _audit(actor, letter, "draft", f"拟制{LETTER_LABELS[kind]} {number}（{source}）")
    return letter


def approve_letter(*, actor: User, letter: Letter) -> Letter:
    """The approver's sign-off (审核); only a draft can be signed off."""
    _check_staff(actor, letter.application)
    if not actor.can_approve:
        raise ServiceError("只有审核人可以审核文书")
    if letter.state != LetterState.DRAFT:
        raise ServiceError(f"该文书{letter.get_state_display()}，不能再审核")
    with transaction.atomic():
        letter.state = LetterState.APPROVED
        letter.approved_by = actor
        letter.approved_at = timezone.now()
        letter.save(update_fields=["state", "approved_by", "approved_at"])
        _audit(actor, letter, "approve", f"审核通过文书 {letter.number}", before=LetterState.DRAFT)
    return letter


def mark_sent(
    *, actor: User, letter: Letter, on: date, today: date, calendar: WorkdayCalendar, how: str = ""
) -> Letter:
    """Record that a signed-off letter was delivered; a reply letter also records 答复送达 in the ledger."""
    application = letter.application
    _check_staff(actor, application)
    if letter.state == LetterState.DRAFT:
        raise ServiceError("文书尚未经审核人审核，不能登记送达")
    if letter.state != LetterState.APPROVED:
        raise ServiceError(f"该文书{letter.get_state_display()}，不能登记送达")
    if on > today:
        raise ServiceError(f"送达日期（{on.isoformat()}）不能晚于今天（{today.isoformat()}）", field="on")
    if on < letter.event.on:
        raise ServiceError(
            f"送达日期不能早于{letter.event.get_kind_display()}日期 {letter.event.on.isoformat()}", field="on"
        )
    if letter.event.kind == EventType.DECIDED:
        delivered = [e for e in live_events(application.events.all()) if e.kind == EventType.REPLY_SENT]
        if delivered:
            raise ServiceError(f"该申请已于 {delivered[0].on.isoformat()} 记录答复送达，不能再登记送达")
    with transaction.atomic():
        if letter.event.kind == EventType.DECIDED:
            letter.sent_event = record_event(
                actor=actor,
                application=application,
                kind=EventType.REPLY_SENT,
                on=on,
                today=today,
                calendar=calendar,
                reason=f"{letter.number} {how}".strip(),
            )
        letter.state = LetterState.SENT
        letter.sent_on = on
        letter.sent_by = actor
        letter.save(update_fields=["state", "sent_on", "sent_by", "sent_event"])
        _audit(actor, letter, "send", f"文书 {letter.number} 于 {on.isoformat()} 送达", before=LetterState.APPROVED)
    return letter


def upload_template(*, actor: User, kind: str, data: bytes | None, filename: str = "") -> LetterTemplate:
    """An agency admin replaces the template of ``kind`` (``data`` None: back to the default)."""
    if not (actor.is_agency_staff and actor.role == Role.ADMIN and actor.agency is not None):
        raise ServiceError("只有本机关的管理员可以更换文书模板")
    if kind not in LETTER_LABELS:
        raise ServiceError("没有这种文书", field="kind")
    if data is not None:
        validate_template(data, name=filename or "模板")
    verb = "更换" if data is not None else "恢复默认"
    with transaction.atomic():
        template = LetterTemplate(
            agency=actor.agency, kind=kind, document=data, filename=filename[:200], uploaded_by=actor
        )
        template.save()
        record(
            actor=actor,
            agency=actor.agency,
            action="letter.template",
            object_type="letter_template",
            object_id=kind,
            summary=f"{verb}{LETTER_LABELS[kind]}模板{f'（{filename}）' if filename else ''}",
            after={"kind": kind, "filename": filename, "bytes": len(data) if data else 0},
        )
    return template
