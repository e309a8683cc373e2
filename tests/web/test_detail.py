"""The application page shows the due date computed by gongkai.procedure, and how it was derived."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from gongkai.procedure import WorkdayCalendar, compute
from gongkai.web.ledger.models import EventType
from gongkai.web.ledger.services import record_event
from gongkai.web.ledger.timeline import live_events, procedure_events

from .factories import PASSWORD, TODAY, World, make_application


def test_due_date_and_derivation_equal_the_engine(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, received=date(2024, 5, 27))
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.CONSULTATION_SENT,
        on=date(2024, 5, 29),
        today=TODAY,
        calendar=calendar,
        party="某公司",
        consultation="third_party",
    )
    expected = compute(procedure_events(live_events(application.events.all())), calendar, TODAY)
    assert expected.answer_due is not None
    client = Client()
    assert client.login(username="clerk-a", password=PASSWORD)
    page = client.get(reverse("application-detail", args=[application.pk])).content.decode()
    assert f'<p class="due">{expected.answer_due.due.isoformat()}' in page
    for line in expected.answer_due.explain():
        assert line in page
    assert "端午节" in page  # 10 June 2024 is skipped and named
    assert "征求第三方意见" in page
    application.refresh_from_db()
    assert application.due_date == expected.answer_due.due


def test_dashboard_groups_overdue_and_due_soon(world: World) -> None:
    overdue = make_application(world.clerk_a, received=date(2024, 4, 1))
    soon = make_application(world.clerk_a, received=date(2024, 5, 20))
    later = make_application(world.clerk_a, received=date(2024, 6, 13))
    client = Client()
    assert client.login(username="clerk-a", password=PASSWORD)
    response = client.get(reverse("dashboard"))
    context = response.context
    assert [r["application"].pk for r in context["overdue"]] == [overdue.pk]
    assert [r["application"].pk for r in context["due_soon"]] == [soon.pk]
    assert {r["application"].pk for r in context["mine"]} == {overdue.pk, soon.pk, later.pk}
