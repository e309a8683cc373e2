"""Bad input through the forms: each rejected with a clear message in the form, nothing saved."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.test import Client
from django.urls import reverse

from gongkai.web.audit.models import AuditEntry
from gongkai.web.ledger.models import Application, Event, EventType

from .factories import PASSWORD, World, make_application


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _register(client: Client, **overrides: Any) -> Any:
    data = {
        "channel": "in_person",
        "submitted_on": "2024-06-03",
        "applicant_kind": "person",
        "applicant_name": "李四",
        "id_number": "99000019800101001X",
        "phone": "10012345678",
        "item_1": "2023年本县财政预算执行情况",
    }
    data.update(overrides)
    return client.post(reverse("application-register"), data)


def _counts() -> tuple[int, int, int]:
    return Application.objects.count(), Event.objects.count(), AuditEntry.objects.count()


def test_register_through_the_form(world: World) -> None:
    from gongkai.procedure.identifiers import id_check_digit

    body = "99000019800101001"
    response = _register(_client("clerk-a"), id_number=body + id_check_digit(body))
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("application-detail", args=[application.pk])


def test_invalid_id_number_and_credit_code(world: World) -> None:
    client = _client("clerk-a")
    before = _counts()
    page = _register(client, id_number="110101199003071235").content.decode()
    assert "身份证号校验位不正确" in page
    page = _register(
        client, applicant_kind="organisation", credit_code="91350100M000100Y44", organisation_type="commercial"
    ).content.decode()
    assert "统一社会信用代码校验位不正确" in page
    assert _counts() == before


def test_future_receipt_date(world: World) -> None:
    before = _counts()
    page = _register(_client("clerk-a"), submitted_on="2024-06-20").content.decode()
    assert "不能晚于今天" in page and _counts() == before


def test_possible_repeat_must_be_confirmed(world: World) -> None:
    earlier = make_application(world.clerk_a, items=("2023年本县财政预算执行情况。",))
    client = _client("clerk-a")
    before = _counts()
    page = _register(client, id_number=earlier.id_number).content.decode()
    assert "可能的重复申请" in page and earlier.number in page and "同一申请人" in page
    assert _counts() == before
    from gongkai.procedure.identifiers import id_check_digit

    other = "99000019900101002"
    page = _register(client, id_number=other + id_check_digit(other)).content.decode()
    assert "内容相近" in page and _counts() == before
    response = _register(client, id_number=earlier.id_number, confirm_repeats="on")
    assert response.status_code == 302 and Application.objects.count() == 2


def test_future_event_date_and_decision_before_receipt(world: World) -> None:
    application = make_application(world.clerk_a)
    client = _client("clerk-a")
    before = _counts()
    url = reverse("application-event", args=[application.pk, "correction_notice"])
    assert "不能晚于今天" in client.post(url, {"on": "2024-06-15"}).content.decode()
    item = application.items.get()
    page = client.post(
        reverse("application-decide", args=[application.pk]), {"on": "2024-05-31", f"outcome_{item.pk}": "granted"}
    ).content.decode()
    assert "早于收到申请日期" in page
    assert _counts() == before


def test_correction_without_notice_and_double_extension(world: World) -> None:
    application = make_application(world.clerk_a, received=date(2024, 5, 6))
    clerk, approver = _client("clerk-a"), _client("approver-a")
    before = _counts()
    page = clerk.post(reverse("application-event", args=[application.pk, "corrected"]), {"on": "2024-05-20"})
    assert "尚未发出补正告知" in page.content.decode() and _counts() == before
    ask = reverse("application-event", args=[application.pk, EventType.EXTENSION_REQUESTED])
    approve = reverse("application-event", args=[application.pk, EventType.EXTENSION_APPROVED])
    assert clerk.post(ask, {"on": "2024-05-28", "reason": "档案多"}).status_code == 302
    assert approver.post(approve, {"on": "2024-05-29"}).status_code == 302
    before = _counts()
    assert "只能延长一次" in approver.post(approve, {"on": "2024-05-30"}).content.decode()
    assert "只能延长一次" in clerk.post(ask, {"on": "2024-05-30", "reason": "再延"}).content.decode()
    assert "只有审核人" in clerk.post(approve, {"on": "2024-05-30"}).content.decode()
    assert _counts() == before
