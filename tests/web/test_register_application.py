"""services.register_application: receipt date per 第三十一条, identifiers, numbering, audit, validation."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.procedure import WorkdayCalendar, compute
from gongkai.web.audit.models import AuditEntry
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import Application, Event
from gongkai.web.ledger.services import register_application
from gongkai.web.ledger.timeline import procedure_events

from .factories import TODAY, World, make_application, person_fields


def test_registers_with_number_items_receipt_event_and_due_date(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, items=("甲", "乙"))
    assert application.number == "JX-2024-00001"
    assert [i.text for i in application.items.all()] == ["甲", "乙"]
    assert list(application.events.values_list("kind", "on")) == [("received", date(2024, 6, 3))]
    expected = compute(procedure_events(application.events.all()), calendar, TODAY)
    assert expected.answer_due is not None
    assert application.due_date == expected.answer_due.due == date(2024, 7, 2)
    assert application.applicant_type == "natural_person"
    second = make_application(world.clerk_a)
    assert second.number == "JX-2024-00002"


def test_receipt_date_follows_the_channel(world: World, calendar: WorkdayCalendar) -> None:
    application = register_application(
        actor=world.clerk_a,
        today=TODAY,
        calendar=calendar,
        channel="post_signed",
        submitted_on=date(2024, 5, 28),
        signed_for_on=date(2024, 6, 5),
        items=["x"],
        **person_fields(),
    )
    assert application.received_on == date(2024, 6, 5)


def test_missing_receipt_date_names_the_field(world: World, calendar: WorkdayCalendar) -> None:
    with pytest.raises(ServiceError) as caught:
        register_application(
            actor=world.clerk_a, today=TODAY, calendar=calendar, channel="online", items=["x"], **person_fields()
        )
    assert caught.value.field == "confirmed_on" and "第三十一条" in caught.value.message


def test_organisation_maps_to_its_report_column(world: World) -> None:
    application = make_application(world.clerk_a, organisation=True)
    assert application.applicant_type == "commercial" and application.id_number == ""


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"id_number": "110101199003071235"}, "id_number"),
        ({"id_number": ""}, "id_number"),
        ({"applicant_name": "  "}, "applicant_name"),
        (
            {"applicant_kind": "organisation", "credit_code": "91350100M000100Y44", "organisation_type": "research"},
            "credit_code",
        ),
        (
            {"applicant_kind": "organisation", "credit_code": "91350100M000100Y43", "organisation_type": "x"},
            "organisation_type",
        ),
    ],
)
def test_bad_applicant_is_rejected_and_nothing_saved(
    world: World, calendar: WorkdayCalendar, overrides: dict[str, str], field: str
) -> None:
    with pytest.raises(ServiceError) as caught:
        register_application(
            actor=world.clerk_a,
            today=TODAY,
            calendar=calendar,
            channel="in_person",
            submitted_on=date(2024, 6, 3),
            items=["x"],
            **person_fields(**overrides),
        )
    assert caught.value.field == field
    assert (
        Application.objects.count()
        == Event.objects.count()
        == AuditEntry.objects.filter(object_type="application").count()
        == 0
    )


def test_future_receipt_and_no_items_are_rejected(world: World, calendar: WorkdayCalendar) -> None:
    with pytest.raises(ServiceError, match="不能晚于今天"):
        make_application(world.clerk_a, received=date(2024, 6, 17))
    with pytest.raises(ServiceError) as caught:
        make_application(world.clerk_a, items=("", "  "))
    assert caught.value.field == "items"
    assert Application.objects.count() == 0


def test_only_agency_staff_register(world: World) -> None:
    with pytest.raises(ServiceError):
        make_application(world.supervisor_a)


def test_audit_entry_masks_personal_data(world: World) -> None:
    application = make_application(world.clerk_a)
    (entry,) = AuditEntry.objects.filter(object_type="application", object_id=str(application.pk))
    assert entry.actor == world.clerk_a and entry.action == "application.register"
    assert entry.after is not None
    assert entry.after["id_number"] != application.id_number
    assert entry.after["id_number"].endswith(application.id_number[-4:]) and "*" in entry.after["id_number"]
    assert "*" in entry.after["phone"]
