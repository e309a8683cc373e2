"""Ledger export (CSV, XLSX) masks identifiers and phones unless full data is asked for; audit CSV."""

from __future__ import annotations

import csv
import io

from django.test import Client
from django.urls import reverse

from gongkai.procedure import WorkdayCalendar
from gongkai.procedure.identifiers import mask_id_number, mask_phone
from gongkai.web.audit.models import AuditEntry
from gongkai.web.ledger.exporting import LEDGER_HEADERS
from gongkai.web.ledger.importing import guess_mapping, read_table
from gongkai.web.ledger.services import record_decision

from .factories import PASSWORD, TODAY, World, make_application


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_export_is_masked_by_default(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, applicant_name="赵一")
    other = make_application(world.clerk_b, applicant_name="乙县申请人")
    response = _client("clerk-a").get(reverse("ledger-export", args=["csv"]))
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig")
    rows = _csv_rows(response.content)
    assert rows[0] == LEDGER_HEADERS
    assert len(rows) == 2 and rows[1][0] == application.number and rows[1][4] == "赵一"
    assert rows[1][5] == mask_id_number(application.id_number) and rows[1][6] == mask_phone(application.phone)
    assert application.id_number not in body and application.phone not in body
    assert other.number not in body


def test_full_export_on_request_is_audited(world: World) -> None:
    application = make_application(world.clerk_a)
    rows = _csv_rows(_client("clerk-a").get(reverse("ledger-export", args=["csv"]) + "?full=1").content)
    assert rows[1][5] == application.id_number and rows[1][6] == application.phone
    entry = AuditEntry.objects.filter(action="ledger.export").latest("pk")
    assert "完整个人信息" in entry.summary and entry.actor == world.clerk_a


def test_export_follows_the_list_filter(world: World, calendar: WorkdayCalendar) -> None:
    kept = make_application(world.clerk_a, items=("财政预算",))
    make_application(world.clerk_a, items=("道路规划",))
    rows = _csv_rows(_client("clerk-a").get(reverse("ledger-export", args=["csv"]) + "?text=财政").content)
    assert [r[0] for r in rows[1:]] == [kept.number]


def test_xlsx_export_reimports(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a)
    record_decision(
        actor=world.clerk_a,
        application=application,
        on=TODAY,
        today=TODAY,
        calendar=calendar,
        outcomes={i.pk: ("granted", "") for i in application.items.all()},
    )
    response = _client("clerk-a").get(reverse("ledger-export", args=["xlsx"]))
    assert response.status_code == 200
    table = read_table(response.content, "export.xlsx")
    assert table.headers == LEDGER_HEADERS
    row = table.rows[0]
    assert row[0] == application.number and row[5] == mask_id_number(application.id_number)
    assert row[11] == "（一）予以公开"
    mapping = guess_mapping(table.headers)
    assert {"received_on", "applicant_name", "identifier", "request", "decision_date", "outcome"} <= set(mapping)


def test_supervisor_and_anonymous_cannot_export(world: World) -> None:
    make_application(world.clerk_a)
    url = reverse("ledger-export", args=["csv"])
    assert _client("supervisor-a").get(url).status_code == 403
    assert Client().get(url).status_code == 302
    assert _client("clerk-a").get(reverse("ledger-export", args=["pdf"])).status_code == 404


def test_audit_trail_csv(world: World) -> None:
    application = make_application(world.clerk_a)
    response = _client("clerk-a").get(reverse("application-audit-export", args=[application.pk]))
    rows = _csv_rows(response.content)
    assert rows[0] == ["时间", "操作人", "操作", "摘要", "修改前", "修改后"]
    assert rows[1][2] == "application.register" and application.number in rows[1][3]
    assert application.id_number not in response.content.decode("utf-8-sig")
    assert _client("clerk-b").get(reverse("application-audit-export", args=[application.pk])).status_code == 404
    assert _client("supervisor-a").get(reverse("application-audit-export", args=[application.pk])).status_code == 403
