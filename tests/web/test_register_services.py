"""The register: 索引号 per agency and year, date rules from the core, imports all or nothing, audited figures."""

from __future__ import annotations

import io
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from gongkai.procedure.register import parse_index_number
from gongkai.web.audit.models import AuditEntry
from gongkai.web.errors import ServiceError
from gongkai.web.register.models import AnnualFigure, Document
from gongkai.web.register.services import (
    ImportRowsError,
    import_documents,
    import_figures,
    record_document,
    set_figures,
    set_index_code,
    update_document,
)

from .factories import World

CODE = "99330800002618015K"


def _document(world: World, made: date, **extra: object) -> Document:
    fields: dict[str, object] = {"kind": "normative_documents", "doc_number": "甲政规〔2023〕1号", "title": "办法"}
    fields.update(extra)
    return record_document(actor=world.clerk_a, made_on=made, **fields)  # type: ignore[arg-type]


def test_index_numbers_count_per_agency_and_year(world: World) -> None:
    set_index_code(actor=world.clerk_a, code=CODE)
    set_index_code(actor=world.clerk_b, code="99110000000000001X")
    first = _document(world, date(2023, 1, 5))
    second = _document(world, date(2023, 3, 5))
    next_year = _document(world, date(2024, 1, 5))
    other = record_document(
        actor=world.clerk_b, kind="regulations", doc_number="乙令1号", title="规定", made_on=date(2023, 2, 1)
    )
    assert [parse_index_number(d.index_number) for d in (first, second, next_year)] == [
        (CODE, 2023, 1),
        (CODE, 2023, 2),
        (CODE, 2024, 1),
    ]
    assert other.index_number == "99110000000000001X/2023-00001"


def test_an_agency_without_an_index_code_is_told_to_set_one(world: World) -> None:
    with pytest.raises(ServiceError, match="索引号机关代码"):
        _document(world, date(2023, 1, 5))
    with pytest.raises(ServiceError):
        set_index_code(actor=world.clerk_a, code="SFX")


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_share_a_serial(world: World) -> None:
    # threads on PostgreSQL; the in-memory SQLite test database is one shared connection, so there
    # the registrations run one after another (the SQL increment is what makes both safe)
    threads_run = connection.vendor == "postgresql"
    set_index_code(actor=world.clerk_a, code=CODE)
    errors: list[BaseException] = []

    def register() -> None:
        try:
            for _ in range(5):
                _document(world, date(2023, 5, 5))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    if threads_run:
        threads = [threading.Thread(target=register) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        for _ in range(4):
            register()
    assert not errors
    serials = sorted(Document.objects.values_list("index_serial", flat=True))
    assert serials == list(range(1, 21))


def test_dates_are_checked_by_the_core(world: World) -> None:
    set_index_code(actor=world.clerk_a, code=CODE)
    with pytest.raises(ServiceError, match="公开日期不能早于成文日期"):
        _document(world, date(2023, 5, 5), published_on=date(2023, 5, 1))
    with pytest.raises(ServiceError, match="状态"):
        _document(world, date(2023, 5, 5), abolished_on=date(2023, 6, 1), status="in_force")
    document = _document(world, date(2023, 5, 5), abolished_on=date(2023, 6, 1))
    assert document.status == "abolished"
    updated = update_document(actor=world.clerk_a, document=document, published_on=date(2023, 5, 6), abolished_on=None)
    assert updated.status == "in_force" and updated.index_number.endswith("-00001")
    with pytest.raises(ServiceError):
        update_document(actor=world.clerk_b, document=document, published_on=None, abolished_on=None)


CSV_GOOD = (
    "类别,文号,标题,成文日期,公开日期,废止日期,状态\n"
    "规章,甲政令〔2023〕1号,某某管理办法,2023-01-05,2023-01-10,,\n"
    "行政规范性文件,甲政规〔2023〕2号,某某实施细则,2023年3月1日,2023/03/05,2024-01-01,已废止\n"
)


def test_import_documents_from_csv_and_xlsx(world: World) -> None:
    set_index_code(actor=world.clerk_a, code=CODE)
    created = import_documents(actor=world.clerk_a, data=CSV_GOOD.encode("utf-8-sig"), name="文件.csv")
    assert [d.index_serial for d in created] == [1, 2]
    assert created[1].abolished_on == date(2024, 1, 1)

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["类别", "文号", "标题", "成文日期", "公开日期"])
    sheet.append(["规章", "甲政令〔2023〕3号", "办法", date(2023, 8, 1), date(2023, 8, 3)])
    out = io.BytesIO()
    book.save(out)
    more = import_documents(actor=world.clerk_a, data=out.getvalue(), name="文件.xlsx")
    assert more[0].made_on == date(2023, 8, 1) and more[0].index_serial == 3


def test_import_is_all_or_nothing_with_every_bad_row_named(world: World) -> None:
    set_index_code(actor=world.clerk_a, code=CODE)
    bad = (
        CSV_GOOD
        + "公告,甲1号,标题,2023-01-01,,,\n规章,甲2号,标题,2023-02-30,,,\n规章,甲3号,标题,2023-05-01,2023-04-01,,\n"
    )
    with pytest.raises(ImportRowsError) as caught:
        import_documents(actor=world.clerk_a, data=bad.encode(), name="文件.csv")
    assert [e.split("：")[0] for e in caught.value.errors] == ["第4行", "第5行", "第6行"]
    assert not Document.objects.exists()
    with pytest.raises(ServiceError, match="缺少列"):
        import_documents(actor=world.clerk_a, data="文号,标题\n1,2\n".encode(), name="x.csv")
    with pytest.raises(ServiceError, match="CSV 或 XLSX"):
        import_documents(actor=world.clerk_a, data=b"x", name="x.pdf")


def test_figures_record_who_entered_them_and_are_audited(world: World) -> None:
    set_figures(actor=world.clerk_a, year=2023, values={("licensing", "decisions"): "120"})
    set_figures(actor=world.approver_a, year=2023, values={("licensing", "decisions"): "121"})
    figure = AnnualFigure.objects.get(agency=world.county_a, year=2023)
    assert figure.value == 121 and figure.entered_by == world.approver_a
    audit = AuditEntry.objects.filter(action="register.figure").order_by("pk")
    assert [(a.before, a.after) for a in audit] == [(None, {"value": "120"}), ({"value": "120"}, {"value": "121"})]
    with pytest.raises(ServiceError, match="整数"):
        set_figures(actor=world.clerk_a, year=2023, values={("licensing", "decisions"): "1.5"})
    with pytest.raises(ServiceError):
        set_figures(actor=world.clerk_a, year=2023, values={("regulations", "issued"): "1"})
    with pytest.raises(ServiceError):  # 采购 is a column of the 2019 format only
        set_figures(actor=world.clerk_a, year=2023, values={("procurement", "items"): "1"})
    set_figures(actor=world.clerk_a, year=2020, values={("procurement", "amount_10k_yuan"): "35.2"})
    set_figures(actor=world.clerk_a, year=2020, values={("fees", "change"): "-2"})
    set_figures(actor=world.clerk_a, year=2023, values={("licensing", "decisions"): ""})
    assert not AnnualFigure.objects.filter(year=2023).exists()
    assert AnnualFigure.objects.get(year=2020, row="fees").value == Decimal(-2)


def test_import_figures_by_label(world: World) -> None:
    sheet = (
        "年度,项目,栏目,数值\n"
        "2023,行政许可,本年处理决定数量,88\n"
        "2023,fees,amount_10k_yuan,3.25\n"
        "2020,政府集中采购,采购项目数量,4\n"
    )
    saved = import_figures(actor=world.clerk_a, data=sheet.encode(), name="数据.csv")
    assert len(saved) == 3
    bad = sheet + "2023,行政许可,采购项目数量,1\n2023,未知,x,1\n"
    with pytest.raises(ImportRowsError) as caught:
        import_figures(actor=world.clerk_a, data=bad.encode(), name="数据.csv")
    assert len(caught.value.errors) == 2
