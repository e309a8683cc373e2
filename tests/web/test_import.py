"""Ledger import: mapping guess, Chinese and Excel dates, outcomes by label, all or nothing."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.procedure import WorkdayCalendar
from gongkai.procedure.identifiers import fake_credit_code, fake_id_number
from gongkai.web.audit.models import AuditEntry
from gongkai.web.ledger.importing import (
    ImportError_,
    guess_mapping,
    import_rows,
    parse_date,
    parse_outcome,
    read_table,
)
from gongkai.web.ledger.models import Application, EventType

from .factories import PASSWORD, TODAY, World

_rng = random.Random(5)
HEADERS = [
    "序号",
    "收到申请日期",
    "申请方式",
    "申请人类型",
    "申请人姓名/名称",
    "身份证号/统一社会信用代码",
    "联系电话",
    "申请内容",
    "答复日期",
    "办理结果",
    "送达日期",
]


def _rows(bad_id: bool = False) -> list[list[object]]:
    person = fake_id_number(_rng)
    return [
        [
            "1",
            "2024-01-05",
            "当面",
            "自然人",
            "赵一",
            person,
            "10012345678",
            "2023年村级财务公开资料",
            "2024/1/19",
            "予以公开",
            "2024年1月22日",
        ],
        [
            "2",
            "2024年2月1日",
            "网上申请",
            "商业企业",
            "甲县示例建材有限公司",
            fake_credit_code(_rng),
            "",
            "土地出让合同",
            "2024-02-20",
            "（三）不予公开 4.保护第三方合法权益",
            "",
        ],
        [
            "3",
            45352,
            "邮寄",
            "",
            "钱二",
            "110101199003071235" if bad_id else fake_id_number(_rng),
            "",
            "道路规划图",
            "",
            "",
            "",
        ],
    ]


def _csv(rows: list[list[object]], headers: list[str] = HEADERS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_mapping_is_guessed_from_header_names() -> None:
    mapping = guess_mapping(HEADERS)
    assert mapping == {
        "received_on": 1,
        "channel": 2,
        "applicant_type": 3,
        "applicant_name": 4,
        "identifier": 5,
        "phone": 6,
        "request": 7,
        "decision_date": 8,
        "outcome": 9,
        "reply_sent_on": 10,
    }
    assert guess_mapping(["申请日期", "申请人", "申请公开的政府信息（内容）"]) == {
        "received_on": 0,
        "applicant_name": 1,
        "request": 2,
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-05", date(2024, 1, 5)),
        ("2024/1/5", date(2024, 1, 5)),
        ("2024.1.5", date(2024, 1, 5)),
        ("2024年1月5日", date(2024, 1, 5)),
        ("20240105", date(2024, 1, 5)),
        (45296, date(2024, 1, 5)),
        (45296.0, date(2024, 1, 5)),
        ("45296", date(2024, 1, 5)),
        (datetime(2024, 1, 5, 9, 30), date(2024, 1, 5)),
        ("", None),
        (None, None),
    ],
)
def test_dates_in_common_formats(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2024-02-30", "明天", "5/1/2024", -3])
def test_bad_dates_are_rejected(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("granted", "granted"),
        ("予以公开", "granted"),
        ("（一）予以公开", "granted"),
        ("部分公开", "partially_granted"),
        ("（三）不予公开 1.属于国家秘密", "denied_state_secret"),
        ("属于国家秘密", "denied_state_secret"),
        ("不予公开-保护第三方合法权益", "denied_third_party"),
        ("本机关不掌握相关政府信息", "unable_not_held"),
        ("2.重复申请", "not_processed_repeat"),
        ("其他处理", "other_other"),
    ],
)
def test_outcomes_by_official_label_or_key(text: str, key: str) -> None:
    assert parse_outcome(text) == key


def test_a_group_alone_is_not_an_outcome() -> None:
    with pytest.raises(ValueError, match="具体情形"):
        parse_outcome("不予公开")


def test_a_good_file_is_imported_through_the_services(world: World, calendar: WorkdayCalendar) -> None:
    table = read_table(_xlsx(_rows()), "台账.xlsx")
    result = import_rows(
        actor=world.clerk_a, table=table, mapping=guess_mapping(table.headers), today=TODAY, calendar=calendar
    )
    assert result.ok and result.imported == 3
    first, second, third = Application.objects.order_by("serial")
    assert first.received_on == date(2024, 1, 5) and first.outcome == "granted" and first.closed
    assert first.events.filter(kind=EventType.REPLY_SENT, on=date(2024, 1, 22)).exists()
    assert second.applicant_type == "commercial" and second.channel == "online"
    assert second.outcome == "denied_third_party"
    assert third.received_on == date(2024, 3, 1) and third.channel == "post_signed" and not third.closed
    assert third.applicant_type == "natural_person"
    entry = AuditEntry.objects.get(action="ledger.import")
    assert "3 件" in entry.summary


def test_one_bad_row_imports_nothing_and_reports_every_error(world: World, calendar: WorkdayCalendar) -> None:
    rows = _rows(bad_id=True)
    rows.append(["4", "2024-13-01", "当面", "自然人", "孙三", fake_id_number(_rng), "", "文件", "", "", ""])
    rows.append(
        ["5", "2024-03-04", "当面", "自然人", "李四", fake_id_number(_rng), "", "文件", "2024-03-01", "予以公开", ""]
    )
    rows.append(
        ["6", "2024-03-04", "当面", "自然人", "周五", fake_id_number(_rng), "", "文件", "2024-03-05", "不予公开", ""]
    )
    table = read_table(_csv(rows), "台账.csv")
    before = AuditEntry.objects.count()
    result = import_rows(
        actor=world.clerk_a, table=table, mapping=guess_mapping(table.headers), today=TODAY, calendar=calendar
    )
    assert not result.ok and result.imported == 0
    report = {(e.row, e.field): e.reason for e in result.errors}
    assert set(report) == {(4, "身份证号或统一社会信用代码"), (5, "收到申请日期"), (6, ""), (7, "办理结果")}
    assert "校验位" in report[(4, "身份证号或统一社会信用代码")]
    assert "早于" in report[(6, "")]
    assert Application.objects.count() == 0
    assert AuditEntry.objects.count() == before
    assert all("110101199003071235" not in e.reason for e in result.errors)


def test_required_fields_must_be_mapped(world: World, calendar: WorkdayCalendar) -> None:
    table = read_table(_csv(_rows()), "台账.csv")
    result = import_rows(actor=world.clerk_a, table=table, mapping={"received_on": 1}, today=TODAY, calendar=calendar)
    assert not result.ok and "申请人" in result.errors[0].reason


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [(b"x", "a.pdf", "只能导入"), (b"", "a.csv", "没有数据"), (b"not a zip", "a.xlsx", "无法作为 Excel")],
)
def test_unreadable_files(data: bytes, name: str, message: str) -> None:
    with pytest.raises(ImportError_, match=message):
        read_table(data, name)


def test_gb18030_csv_is_read() -> None:
    table = read_table("收到申请日期,申请人\n2024-01-05,赵一\n".encode("gb18030"), "a.csv")
    assert table.headers == ["收到申请日期", "申请人"] and table.rows == [["2024-01-05", "赵一"]]


def test_import_pages_map_then_report_then_import(world: World) -> None:
    client = Client()
    assert client.login(username="clerk-a", password=PASSWORD)
    upload = SimpleUploadedFile("台账.csv", _csv(_rows(bad_id=True)), content_type="text/csv")
    assert client.post(reverse("ledger-import"), {"file": upload}).status_code == 302
    page = client.get(reverse("ledger-import-mapping")).content.decode()
    assert 'name="map_received_on"' in page and '<option value="1" selected>收到申请日期' in page
    assert "110101199003071235" not in page, "identifiers are masked in the samples"
    mapping = {f"map_{k}": str(v) for k, v in guess_mapping(HEADERS).items()}
    report = client.post(reverse("ledger-import-mapping"), mapping).content.decode()
    assert "整个文件均未导入" in report and "校验位" in report
    assert Application.objects.count() == 0
    mapping.pop("map_applicant_type")
    mapping.pop("map_identifier")
    report = client.post(reverse("ledger-import-mapping"), mapping).content.decode()
    assert "申请人类型" in report and Application.objects.count() == 0
    assert _client_supervisor().get(reverse("ledger-import")).status_code == 403


def _client_supervisor() -> Client:
    client = Client()
    assert client.login(username="supervisor-a", password=PASSWORD)
    return client


def test_row_numbers_are_the_spreadsheets_own_with_blank_rows(world: World, calendar: WorkdayCalendar) -> None:
    """An error names the row as Excel numbers it, blank rows included."""
    text = "收到申请日期,申请人,申请内容\n\n,,\n2024-13-40,赵一,财务公开资料\n"
    table = read_table(text.encode("utf-8"), "a.csv")
    assert table.numbers == [4]
    mapping = {"received_on": 0, "applicant_name": 1, "request": 2}
    result = import_rows(actor=world.clerk_a, table=table, mapping=mapping, today=TODAY, calendar=calendar)
    assert not result.ok and [e.row for e in result.errors] == [4]
