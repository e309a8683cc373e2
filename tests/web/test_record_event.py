"""services.record_event: each event is validated by the procedure engine; impossible ones save nothing."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.procedure import WorkdayCalendar, compute
from gongkai.web.audit.models import AuditEntry
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import Application, Event, EventType
from gongkai.web.ledger.services import record_event
from gongkai.web.ledger.timeline import live_events, procedure_events

from .factories import TODAY, World, make_application


def _record(world: World, application: Application, calendar: WorkdayCalendar, kind: str, on: date, **kw: object):
    return record_event(
        actor=world.clerk_a, application=application, kind=kind, on=on, today=TODAY, calendar=calendar, **kw
    )


def test_correction_stops_and_restarts_the_clock(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, received=date(2024, 5, 6))
    _record(world, application, calendar, EventType.CORRECTION_NOTICE, date(2024, 5, 8), reason="请明确")
    application.refresh_from_db()
    assert application.due_date is None and application.status == "awaiting_correction"
    _record(world, application, calendar, EventType.CORRECTED, date(2024, 5, 20))
    application.refresh_from_db()
    expected = compute(procedure_events(live_events(application.events.all())), calendar, TODAY)
    assert expected.answer_due is not None and application.due_date == expected.answer_due.due
    assert application.deadlines["clock_start"] == "2024-05-20"


def test_consultation_pauses_the_clock(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, received=date(2024, 5, 6))
    before = application.due_date
    _record(
        world,
        application,
        calendar,
        EventType.CONSULTATION_SENT,
        date(2024, 5, 10),
        party="某公司",
        consultation="third_party",
    )
    _record(world, application, calendar, EventType.CONSULTATION_ANSWERED, date(2024, 5, 16), party="某公司")
    application.refresh_from_db()
    assert before is not None and application.due_date is not None and application.due_date > before
    assert application.deadlines["pauses"][0]["first"] == "2024-05-10"


@pytest.mark.parametrize(
    ("kind", "on", "extra", "message"),
    [
        (EventType.CORRECTED, date(2024, 6, 5), {}, "尚未发出补正告知"),
        (EventType.CORRECTION_NOTICE, date(2024, 5, 31), {}, "早于收到申请日期"),
        (EventType.FEE_PAID, date(2024, 6, 5), {}, "尚未发出收费通知"),
        (EventType.CORRECTION_NOTICE, date(2024, 6, 17), {}, "不能晚于今天"),
        (EventType.FEE_NOTICE, date(2024, 6, 5), {}, "收费金额"),
        (EventType.CONSULTATION_ANSWERED, date(2024, 6, 5), {"party": "某人"}, "尚未向某人征求意见"),
        (EventType.REPLY_SENT, date(2024, 6, 5), {}, "尚未作出答复决定"),
        (EventType.EXTENSION_REQUESTED, date(2024, 6, 5), {}, "延期理由"),
    ],
)
def test_impossible_events_are_rejected_and_nothing_saved(
    world: World, calendar: WorkdayCalendar, kind: str, on: date, extra: dict[str, object], message: str
) -> None:
    application = make_application(world.clerk_a)
    audit = AuditEntry.objects.count()
    with pytest.raises(ServiceError, match=message):
        _record(world, application, calendar, kind, on, **extra)
    assert application.events.count() == 1 and AuditEntry.objects.count() == audit


def test_second_correction_notice_is_rejected(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    _record(world, application, calendar, EventType.CORRECTION_NOTICE, date(2024, 6, 4))
    with pytest.raises(ServiceError, match="一次性告知"):
        _record(world, application, calendar, EventType.CORRECTION_NOTICE, date(2024, 6, 5))
    assert application.events.count() == 2


def test_withdrawal_closes_under_other(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    _record(world, application, calendar, EventType.WITHDRAWN, date(2024, 6, 5), reason="书面撤回")
    application.refresh_from_db()
    assert application.closed and application.withdrawn and application.outcome == "other_other"
    with pytest.raises(ServiceError, match="作出答复"):
        _record(world, application, calendar, EventType.CORRECTION_NOTICE, date(2024, 6, 6))


def test_other_agency_staff_cannot_record(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    with pytest.raises(ServiceError, match="无权"):
        record_event(
            actor=world.clerk_b,
            application=application,
            kind=EventType.CORRECTION_NOTICE,
            on=date(2024, 6, 4),
            today=TODAY,
            calendar=calendar,
        )
    assert Event.objects.count() == 1
