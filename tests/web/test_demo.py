"""The demo: every state and the common outcomes, valid fake identifiers, users that can log in."""

from __future__ import annotations

from datetime import date

from django.test import Client

from gongkai.procedure import WorkdayCalendar
from gongkai.procedure.identifiers import check_credit_code, check_id_number
from gongkai.web.demo import DEMO_PASSWORD, DEMO_USERS, load_demo
from gongkai.web.ledger.models import Application, EventType


def test_demo_covers_states_and_is_loaded_once(calendar: WorkdayCalendar) -> None:
    today = date(2024, 6, 14)
    summary = load_demo(today=today, calendar=calendar, applications=160, seed=7)
    assert summary.created and summary.applications == 160
    apps = Application.objects.all()
    statuses = set(apps.filter(voided=False, withdrawn=False).values_list("status", flat=True))
    assert {"answered", "answered_late", "overdue", "on_time"} <= statuses
    assert apps.filter(withdrawn=True).exists() and apps.filter(voided=True).exists()
    assert apps.filter(extended=True).exists()
    outcomes = set(apps.exclude(outcome="").values_list("outcome", flat=True))
    assert {"granted", "partially_granted", "other_overdue_correction", "other_overdue_fee"} <= outcomes
    assert len(outcomes) >= 12
    years = set(apps.values_list("received_on__year", flat=True))
    assert years == {2022, 2023, 2024}
    assert apps.filter(received_on__gt=today).count() == 0
    for app in apps:
        if app.id_number:
            assert check_id_number(app.id_number) == app.id_number and app.id_number.startswith("99")
        else:
            assert check_credit_code(app.credit_code)[2:4] == "99"
    kinds = set(apps.values_list("events__kind", flat=True))
    assert set(EventType.values) <= kinds
    again = load_demo(today=today, calendar=calendar, applications=160, seed=7)
    assert not again.created and again.applications == 160
    for username, _, _ in DEMO_USERS:
        assert Client().login(username=username, password=DEMO_PASSWORD)
