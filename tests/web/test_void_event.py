"""services.void_event: nothing is deleted; a void names its event, gives a reason, and the dates follow."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.procedure import WorkdayCalendar
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import EventType, ImmutableRecordError
from gongkai.web.ledger.services import record_decision, record_event, void_event

from .factories import TODAY, World, make_application


def test_voiding_a_decision_reopens_and_keeps_the_record(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    item = application.items.get()
    decided = record_decision(
        actor=world.clerk_a,
        application=application,
        on=date(2024, 6, 5),
        today=TODAY,
        calendar=calendar,
        outcomes={item.pk: ("granted", "")},
    )
    void_event(
        actor=world.clerk_a, application=application, event=decided, reason="误选结果", today=TODAY, calendar=calendar
    )
    application.refresh_from_db()
    assert not application.closed and application.outcome == ""
    assert application.events.count() == 3
    with pytest.raises(ServiceError, match="已作废"):
        void_event(
            actor=world.clerk_a, application=application, event=decided, reason="again", today=TODAY, calendar=calendar
        )


def test_a_void_that_breaks_the_sequence_is_rejected(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    notice = record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.CORRECTION_NOTICE,
        on=date(2024, 6, 4),
        today=TODAY,
        calendar=calendar,
    )
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.CORRECTED,
        on=date(2024, 6, 6),
        today=TODAY,
        calendar=calendar,
    )
    with pytest.raises(ServiceError, match="尚未发出补正告知"):
        void_event(
            actor=world.clerk_a, application=application, event=notice, reason="x", today=TODAY, calendar=calendar
        )
    assert application.events.count() == 3


def test_voiding_the_receipt_voids_the_application(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    received = application.events.get()
    with pytest.raises(ServiceError, match="作废理由"):
        void_event(
            actor=world.clerk_a, application=application, event=received, reason=" ", today=TODAY, calendar=calendar
        )
    void_event(
        actor=world.clerk_a, application=application, event=received, reason="重复登记", today=TODAY, calendar=calendar
    )
    application.refresh_from_db()
    assert application.voided
    with pytest.raises(ServiceError, match="已作废"):
        record_event(
            actor=world.clerk_a,
            application=application,
            kind=EventType.WITHDRAWN,
            on=date(2024, 6, 5),
            today=TODAY,
            calendar=calendar,
        )


def test_records_cannot_be_changed_or_deleted(world: World) -> None:
    application = make_application(world.clerk_a)
    event = application.events.get()
    with pytest.raises(ImmutableRecordError):
        event.save()
    with pytest.raises(ImmutableRecordError):
        event.delete()
    with pytest.raises(ImmutableRecordError):
        application.delete()
