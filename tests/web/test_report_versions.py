"""Approval, publication and frozen versions; imported reports and the cross-year check."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from gongkai.render import render
from gongkai.report.model import Finding, Report
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import Application
from gongkai.web.reports import services
from gongkai.web.reports.models import ImmutableVersionError, ReportVersion, VersionKind
from gongkai.web.reports.selectors import latest_published
from gongkai.web.reports.services import (
    approve_report,
    draft_findings,
    draft_report,
    finding_key,
    import_report,
    justify,
    open_report,
    publish_report,
    save_sections,
)

from .factories import TODAY, World
from .reporting import decide, fill_agency


@pytest.fixture
def filled(world: World) -> World:
    fill_agency(world.clerk_a)
    return world


def _published(world: World, year: int) -> ReportVersion:
    report = open_report(actor=world.clerk_a, year=year, today=TODAY)
    save_sections(actor=world.clerk_a, report=report, sections={"problems": "人员力量不足，将加强培训。"})
    approve_report(actor=world.approver_a, report=report, today=TODAY)
    return publish_report(actor=world.approver_a, report=report, today=TODAY)


def test_editing_an_application_after_publication_changes_the_draft_never_the_published_version(
    filled: World,
) -> None:
    version = _published(filled, 2023)
    frozen = dict(version.report_json["applications"])
    hashes = dict(version.hashes)
    open_application = Application.objects.get(agency=filled.county_a, received_on=date(2022, 12, 28))
    decide(filled.clerk_a, open_application, date(2023, 3, 1), "granted")

    draft = draft_report(version.report)
    assert draft.applications["carried_forward"][6] == frozen["carried_forward"][6] - 1
    stored = ReportVersion.objects.get(pk=version.pk)
    assert stored.report_json["applications"] == frozen
    assert stored.hashes == hashes
    assert hashlib.sha256(bytes(stored.pdf)).hexdigest() == hashes["pdf"]
    assert latest_published(filled.county_a, 2023) == stored


def test_a_version_cannot_be_changed_or_deleted(filled: World) -> None:
    version = _published(filled, 2023)
    version.note = "改写"
    with pytest.raises(ImmutableVersionError):
        version.save()
    with pytest.raises(ImmutableVersionError):
        version.delete()
    with pytest.raises(ImmutableVersionError):
        ReportVersion.objects.filter(pk=version.pk).update(note="改写")
    with pytest.raises(ImmutableVersionError):
        ReportVersion.objects.filter(pk=version.pk).delete()
    assert ReportVersion.objects.get(pk=version.pk).note == ""


def test_corrected_republication_keeps_the_earlier_version(filled: World) -> None:
    first = _published(filled, 2023)
    report = first.report
    with pytest.raises(ServiceError):  # publishing again needs a new approval first
        publish_report(actor=filled.approver_a, report=report, today=TODAY, note="更正")
    approve_report(actor=filled.approver_a, report=report, today=TODAY)
    with pytest.raises(ServiceError):  # a correction says what it corrects
        publish_report(actor=filled.approver_a, report=report, today=TODAY)
    second = publish_report(actor=filled.approver_a, report=report, today=TODAY, note="更正第五部分")
    kinds = list(report.versions.order_by("number").values_list("number", "kind"))
    assert kinds == [(1, "approved"), (2, "published"), (3, "approved"), (4, "published")]
    assert latest_published(filled.county_a, 2023) == second
    assert ReportVersion.objects.get(pk=first.pk).kind == VersionKind.PUBLISHED


def test_approval_blocked_by_unjustified_error_findings(filled: World, monkeypatch: pytest.MonkeyPatch) -> None:
    error = Finding("applications.balance", "error", "勾稽关系不平", ("applications.new_received[6]",))
    monkeypatch.setattr(services, "check", lambda report: [error])
    report = open_report(actor=filled.clerk_a, year=2023, today=TODAY)
    with pytest.raises(ServiceError, match="1个错误未说明理由"):
        approve_report(actor=filled.approver_a, report=report, today=TODAY)
    assert not report.versions.exists()
    with pytest.raises(ServiceError):  # a clerk cannot justify
        justify(actor=filled.clerk_a, report=report, key=finding_key(error), text="已核实")
    justify(actor=filled.approver_a, report=report, key=finding_key(error), text="已核实：系统外办理的申请另行说明")
    version = approve_report(actor=filled.approver_a, report=report, today=TODAY)
    assert version.justifications[0]["key"] == finding_key(error)
    assert version.findings[0]["code"] == "applications.balance"


def test_only_an_approver_approves(filled: World) -> None:
    report = open_report(actor=filled.clerk_a, year=2023, today=TODAY)
    with pytest.raises(ServiceError):
        approve_report(actor=filled.clerk_a, report=report, today=TODAY)
    with pytest.raises(ServiceError):
        approve_report(actor=filled.approver_b, report=report, today=TODAY)


def test_numbers_are_never_typed(filled: World) -> None:
    report = open_report(actor=filled.clerk_a, year=2023, today=TODAY)
    with pytest.raises(ServiceError):
        save_sections(actor=filled.clerk_a, report=report, sections={"applications": "1"})


def test_cross_year_check_reads_last_years_published_version(filled: World) -> None:
    _published(filled, 2022)
    report = open_report(actor=filled.clerk_a, year=2023, today=TODAY)
    _, findings = draft_findings(report)
    assert "applications.carry_over_continuity" not in {f.code for f in findings}


def test_imported_last_year_is_used_by_the_cross_year_check(filled: World) -> None:
    built = draft_report(open_report(actor=filled.clerk_a, year=2022, today=TODAY))
    built.applications["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]  # what the old report printed
    built.applications["new_received"] = [2, 1, 0, 0, 0, 0, 3]
    built.applications["total_processed"] = [1, 1, 0, 0, 0, 0, 2]
    built.applications["granted"] = [1, 0, 0, 0, 0, 0, 1]
    version = import_report(
        actor=filled.clerk_a, agency=filled.county_a, data=render(built, "html"), name="2022年报.html"
    )
    assert version.kind == VersionKind.IMPORTED
    assert Report.from_json(version.report_json).applications["carried_forward"][6] == 1
    report = open_report(actor=filled.clerk_a, year=2023, today=TODAY)
    _, findings = draft_findings(report)
    assert "applications.carry_over_continuity" in {f.code for f in findings}


def test_import_of_something_that_is_not_a_report(filled: World) -> None:
    with pytest.raises(ServiceError, match=r"x\.txt"):
        import_report(actor=filled.clerk_a, agency=filled.county_a, data=b"hello", name="x.txt")
    assert not ReportVersion.objects.exists()


def test_import_of_another_agencys_report_is_flagged(filled: World) -> None:
    built = draft_report(open_report(actor=filled.clerk_a, year=2022, today=TODAY))
    built.agency = "另一个县人民政府"
    version = import_report(
        actor=filled.clerk_a, agency=filled.county_a, data=render(built, "html"), name="别人的年报.html"
    )
    codes = [f["code"] for f in version.findings]
    assert "import.agency_differs" in codes
