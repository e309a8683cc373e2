"""services.approve_extension: approver only, after a request, once; keeps the replaced due date."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.procedure import WorkdayCalendar
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import Application, EventType
from gongkai.web.ledger.services import approve_extension, record_event

from .factories import TODAY, World, make_application


def _requested(world: World, calendar: WorkdayCalendar) -> Application:
    application = make_application(world.clerk_a, received=date(2024, 5, 6))
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.EXTENSION_REQUESTED,
        on=date(2024, 5, 28),
        today=TODAY,
        calendar=calendar,
        reason="需调取多年档案",
    )
    return application


def test_approval_extends_by_twenty_working_days(world: World, calendar: WorkdayCalendar) -> None:
    application = _requested(world, calendar)
    replaced = application.due_date
    event = approve_extension(
        actor=world.approver_a, application=application, on=date(2024, 5, 29), today=TODAY, calendar=calendar
    )
    application.refresh_from_db()
    assert event.replaced_due == replaced == date(2024, 5, 31)
    assert event.new_due == application.due_date == date(2024, 7, 1)  # 10 June: 端午节
    assert application.extended and application.original_due_date == replaced
    assert event.reason == "需调取多年档案"


def test_a_clerk_cannot_approve(world: World, calendar: WorkdayCalendar) -> None:
    application = _requested(world, calendar)
    for actor in (world.clerk_a, world.admin_a):
        with pytest.raises(ServiceError, match="只有审核人"):
            approve_extension(
                actor=actor, application=application, on=date(2024, 5, 29), today=TODAY, calendar=calendar
            )
    assert not application.events.filter(kind=EventType.EXTENSION_APPROVED).exists()


def test_approval_needs_a_request_and_happens_once(world: World, calendar: WorkdayCalendar) -> None:
    plain = make_application(world.clerk_a)
    with pytest.raises(ServiceError, match="尚未申请延期"):
        approve_extension(
            actor=world.approver_a, application=plain, on=date(2024, 6, 5), today=TODAY, calendar=calendar
        )
    application = _requested(world, calendar)
    approve_extension(
        actor=world.approver_a, application=application, on=date(2024, 5, 29), today=TODAY, calendar=calendar
    )
    with pytest.raises(ServiceError, match="只能延长一次"):
        approve_extension(
            actor=world.approver_a, application=application, on=date(2024, 5, 30), today=TODAY, calendar=calendar
        )
    with pytest.raises(ServiceError, match="只能延长一次"):
        record_event(
            actor=world.clerk_a,
            application=application,
            kind=EventType.EXTENSION_REQUESTED,
            on=date(2024, 5, 30),
            today=TODAY,
            calendar=calendar,
            reason="再延",
        )
    assert application.events.filter(kind__startswith="extension").count() == 2


def test_another_agencys_approver_cannot_approve(world: World, calendar: WorkdayCalendar) -> None:
    application = _requested(world, calendar)
    with pytest.raises(ServiceError, match="无权"):
        approve_extension(
            actor=world.approver_b, application=application, on=date(2024, 5, 29), today=TODAY, calendar=calendar
        )
