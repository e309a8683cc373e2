"""The pages of the register, the cases and the report builder: links to records, permissions, roll-up."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.parse import parse
from gongkai.web.agencies.models import User
from gongkai.web.register.models import Document
from gongkai.web.reports.models import ReportVersion
from gongkai.web.reports.services import open_report

from .factories import PASSWORD, TODAY, World
from .reporting import fill_agency


def _client(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def filled(world: World) -> World:
    fill_agency(world.clerk_a)
    return world


def test_every_number_links_to_as_many_records(filled: World) -> None:
    client = _client(filled.clerk_a)
    response = client.post(reverse("report-index"), {"year": "2023"})
    assert response.status_code == 302
    page = client.get(reverse("report-builder", args=[2023])).content.decode()
    links = re.findall(r'<td data-cell="([^"]+)"><a href="([^"]+)">([^<]*)</a>', page)
    assert len(links) > 100
    for cell, href, shown in links[::7] + [x for x in links if "carried_forward[6]" in x[0]]:
        records = client.get(unescape(href))
        assert records.status_code == 200
        count = int(re.search(r"共 (\d+) 条记录", records.content.decode())[1])  # type: ignore[index]
        if cell.startswith("active_disclosure.") and cell.split(".")[1] not in ("regulations", "normative_documents"):
            assert count == (1 if shown else 0), cell
        else:
            assert count == int(shown), cell


def test_builder_workflow_through_the_pages(filled: World) -> None:
    clerk, approver = _client(filled.clerk_a), _client(filled.approver_a)
    clerk.post(reverse("report-index"), {"year": "2024"})
    url = reverse("report-builder", args=[2024])
    clerk.post(url, {"action": "sections", "overview": "总体情况。", "problems": "问题。", "other": "无。"})
    clerk.post(url, {"action": "approve"})
    assert not ReportVersion.objects.exists()  # a clerk cannot approve
    approver.post(url, {"action": "approve"})
    approver.post(url, {"action": "publish"})
    versions = list(ReportVersion.objects.order_by("number").values_list("kind", flat=True))
    assert versions == ["approved", "published"]
    published = ReportVersion.objects.get(kind="published")
    pdf = clerk.get(reverse("report-version-download", args=[published.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert (
        parse(pdf.content, name="x.pdf").report.numbers()
        == parse(bytes(published.html), name="x.html").report.numbers()
    )
    draft = clerk.get(reverse("report-export", args=[2024, "docx"]))
    assert draft.status_code == 200 and draft.content[:2] == b"PK"


def test_other_agencies_and_supervisors_see_no_draft(filled: World) -> None:
    open_report(actor=filled.clerk_a, year=2023, today=TODAY)
    assert _client(filled.clerk_b).get(reverse("report-builder", args=[2023])).status_code == 404
    assert _client(filled.supervisor_a).get(reverse("report-builder", args=[2023])).status_code == 403
    document = Document.objects.first()
    assert document is not None
    assert _client(filled.clerk_b).get(reverse("register-detail", args=[document.pk])).status_code == 404


def test_rollup_shows_each_agency_state_and_sums_published_reports(filled: World) -> None:
    approver = _client(filled.approver_a)
    approver.post(reverse("report-index"), {"year": "2023"})
    approver.post(reverse("report-builder", args=[2023]), {"action": "approve"})
    approver.post(reverse("report-builder", args=[2023]), {"action": "publish"})
    page = _client(filled.supervisor_a).get(reverse("report-rollup-year", args=[2023])).content.decode()
    assert "甲县人民政府" in page and "已发布" in page
    assert "甲县教育局" in page and "未起草" in page
    assert "乙县" not in page
    assert _client(filled.clerk_a).get(reverse("report-rollup-year", args=[2023])).status_code == 403


def test_register_and_case_pages_render(filled: World) -> None:
    client = _client(filled.clerk_a)
    for name, args in (
        ("register-list", []),
        ("register-new", []),
        ("register-import", []),
        ("register-figures", [2020]),
        ("register-figures", [2023]),
        ("case-list", []),
        ("case-new", []),
        ("report-index", []),
        ("report-import", []),
    ):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
    response = client.post(reverse("register-figures", args=[2023]), {"licensing.decisions": "-1"})
    assert "不能为负数" in response.content.decode()
