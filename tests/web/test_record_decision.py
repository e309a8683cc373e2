"""services.record_decision: one outcome per item, combined by procedure.combine_items; closes the application."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.procedure import WorkdayCalendar
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import EventType, ItemDecision
from gongkai.web.ledger.services import record_decision, record_event

from .factories import TODAY, World, make_application


def test_mixed_items_are_partially_granted_and_close_on_time(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, items=("一", "二"))
    first, second = application.items.all()
    event = record_decision(
        actor=world.clerk_a,
        application=application,
        on=date(2024, 6, 12),
        today=TODAY,
        calendar=calendar,
        outcomes={first.pk: ("granted", ""), second.pk: ("denied_process_info", "第十六条第二款")},
    )
    application.refresh_from_db()
    assert event.outcome == application.outcome == "partially_granted"
    assert application.closed and application.concluded_on == date(2024, 6, 12) and application.status == "answered"
    bases = dict(ItemDecision.objects.values_list("outcome", "legal_basis"))
    assert bases["denied_process_info"] == "第十六条第二款"
    assert bases["granted"]  # filled from the taxonomy's article
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.REPLY_SENT,
        on=date(2024, 6, 13),
        today=TODAY,
        calendar=calendar,
        reason="邮寄",
    )
    application.refresh_from_db()
    assert application.closed and application.due_date == date(2024, 7, 2)


def test_every_item_needs_an_outcome(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, items=("一", "二"))
    first = application.items.first()
    assert first is not None
    with pytest.raises(ServiceError, match="第2项"):
        record_decision(
            actor=world.clerk_a,
            application=application,
            on=date(2024, 6, 12),
            today=TODAY,
            calendar=calendar,
            outcomes={first.pk: ("granted", "")},
        )
    assert not application.events.filter(kind=EventType.DECIDED).exists()


def test_decision_before_receipt_is_rejected(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    item = application.items.get()
    with pytest.raises(ServiceError, match="早于收到申请日期"):
        record_decision(
            actor=world.clerk_a,
            application=application,
            on=date(2024, 5, 30),
            today=TODAY,
            calendar=calendar,
            outcomes={item.pk: ("granted", "")},
        )
    application.refresh_from_db()
    assert not application.closed and application.events.count() == 1


def test_an_interim_decision_is_not_an_outcome(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    item = application.items.get()
    with pytest.raises(ServiceError):
        record_decision(
            actor=world.clerk_a,
            application=application,
            on=date(2024, 6, 5),
            today=TODAY,
            calendar=calendar,
            outcomes={item.pk: ("extension_notice", "")},
        )
