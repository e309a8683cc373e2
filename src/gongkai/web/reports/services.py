"""Writing reports: the narrative, justifications, approval, publication and imported reports.

A draft's numbers are always :func:`gongkai.web.reports.builder.build_report`'s; only the three
narrative sections are stored. Approval runs the core checker on the draft and the cross-year check
against last year's published report, and refuses while an error finding lacks an approver's
justification; it then freezes a :class:`ReportVersion` (JSON and rendered HTML, DOCX, PDF with their
SHA-256). Publication freezes the approved content again as a ``published`` version; publishing
after a correction makes a new version and leaves the earlier ones as they were.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date

from django.db import transaction
from django.db.models import Max

from gongkai.parse import ParseError, parse
from gongkai.render import render
from gongkai.report import check, check_pair
from gongkai.report.model import SECTION_KEYS, Finding, Report
from gongkai.web.agencies.models import Agency, User
from gongkai.web.audit.services import record
from gongkai.web.errors import ServiceError
from gongkai.web.reports.builder import build_report, prefilled_sections, year_facts
from gongkai.web.reports.models import AnnualReport, Justification, ReportVersion, VersionKind
from gongkai.web.reports.selectors import latest_published, previous_report

__all__ = [
    "approve_report",
    "draft_findings",
    "draft_report",
    "finding_key",
    "import_report",
    "justify",
    "open_report",
    "publish_report",
    "save_sections",
    "scheduled_report",
    "unjustified_errors",
]

RENDERED = ("html", "docx", "pdf")


def finding_key(finding: Finding) -> str:
    """What a justification is attached to: the finding's code and cells (stable between two checks)."""
    return f"{finding.code}|{','.join(finding.cells)}"[:500]


def _staff(actor: User) -> Agency:
    if not actor.is_agency_staff or actor.agency is None:
        raise ServiceError("只有本机关的工作人员可以编写年度报告")
    return actor.agency


def open_report(*, actor: User, year: int, today: date) -> AnnualReport:
    """The agency's report of ``year``, created with the year's facts pre-filled when it is new."""
    agency = _staff(actor)
    if not 2008 <= year <= today.year:
        raise ServiceError(f"年度 {year} 不在 2008 至 {today.year} 之间", field="year")
    found = AnnualReport.objects.filter(agency=agency, year=year).first()
    if found is not None:
        return found
    with transaction.atomic():
        report = AnnualReport(agency=agency, year=year)
        report.sections = prefilled_sections(agency, year_facts(agency, build_report(agency, year)))
        report.save()
        record(
            actor=actor,
            agency=agency,
            action="reports.open",
            object_type="annual_report",
            object_id=report.pk,
            summary=f"起草{year}年度报告",
        )
    return report


def draft_report(report: AnnualReport) -> Report:
    """The draft as it stands now: numbers computed from the records, narrative as written."""
    return build_report(report.agency, report.year, sections=report.sections)


def draft_findings(report: AnnualReport) -> tuple[Report, list[Finding]]:
    """The draft and every finding: the core checker's, then the cross-year check's (when last year is known)."""
    built = draft_report(report)
    findings = check(built)
    previous = previous_report(report.agency, report.year)
    if previous is not None:
        findings += check_pair(previous, built)
    return built, findings


def scheduled_report(agency_code: str, year: int) -> tuple[Report, list[Finding]]:
    """What ``gongkai report build`` writes: the builder's report with its findings, no login needed.

    The narrative is the agency's draft when one exists, else the year's facts pre-filled; nothing is
    saved (a January cron job must not create drafts behind the staff's back).
    """
    agency = Agency.objects.filter(code=agency_code.strip().upper()).first()
    if agency is None:
        raise ServiceError(f"agency: no agency has the code {agency_code!r}", field="agency")
    stored = AnnualReport.objects.filter(agency=agency, year=year).first()
    if stored is not None:
        return draft_findings(stored)
    built = build_report(agency, year)
    built.sections = prefilled_sections(agency, year_facts(agency, built))
    findings = check(built)
    previous = previous_report(agency, year)
    if previous is not None:
        findings += check_pair(previous, built)
    return built, findings


def unjustified_errors(report: AnnualReport, findings: list[Finding]) -> list[Finding]:
    justified = set(report.justifications.values_list("finding_key", flat=True))
    return [f for f in findings if f.severity == "error" and finding_key(f) not in justified]


def save_sections(*, actor: User, report: AnnualReport, sections: Mapping[str, str]) -> AnnualReport:
    """Store the narrative (一、五、六); any other key is refused — numbers are never typed."""
    agency = _staff(actor)
    if report.agency_id != agency.pk:
        raise ServiceError("只能编辑本机关的报告")
    unknown = set(sections) - set(SECTION_KEYS)
    if unknown:
        raise ServiceError(f"报告没有“{'、'.join(sorted(unknown))}”部分")
    with transaction.atomic():
        before = dict(report.sections)
        report.sections = {key: str(sections.get(key, before.get(key, ""))).strip() for key in SECTION_KEYS}
        report.save(update_fields=["sections", "updated_at"])
        record(
            actor=actor,
            agency=agency,
            action="reports.sections",
            object_type="annual_report",
            object_id=report.pk,
            summary=f"修改{report.year}年度报告正文",
            before=before,
            after=report.sections,
        )
    return report


def justify(*, actor: User, report: AnnualReport, key: str, text: str) -> Justification:
    """An approver's reason for accepting one error finding."""
    if not actor.can_approve or actor.agency_id != report.agency_id:
        raise ServiceError("只有本机关的审核人可以说明问题")
    if not text.strip():
        raise ServiceError("请填写说明", field="text")
    with transaction.atomic():
        found, _ = Justification.objects.update_or_create(
            report=report, finding_key=key, defaults={"text": text.strip(), "by": actor}
        )
        record(
            actor=actor,
            agency=report.agency,
            action="reports.justify",
            object_type="annual_report",
            object_id=report.pk,
            summary=f"说明问题 {key}",
            after={"key": key, "text": text.strip()},
        )
    return found


def _next_number(report: AnnualReport) -> int:
    return int(report.versions.aggregate(n=Max("number"))["n"] or 0) + 1


def _freeze(
    *,
    actor: User | None,
    report: AnnualReport,
    kind: str,
    built: Report,
    findings: list[Finding],
    files: Mapping[str, bytes],
    published_on: date | None = None,
    note: str = "",
    source_name: str = "",
) -> ReportVersion:
    justifications = [
        {"key": j.finding_key, "text": j.text, "by": str(j.by)}
        for j in report.justifications.select_related("by").order_by("finding_key")
    ]
    version = ReportVersion(
        report=report,
        number=_next_number(report),
        kind=kind,
        report_json=built.to_json(),
        findings=[f.to_json() for f in findings],
        justifications=justifications if kind != VersionKind.IMPORTED else [],
        html=files.get("html", b""),
        docx=files.get("docx", b""),
        pdf=files.get("pdf", b""),
        hashes={name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        published_on=published_on,
        note=note,
        source_name=source_name,
        created_by=actor,
    )
    version.save()
    return version


def approve_report(*, actor: User, report: AnnualReport, today: date) -> ReportVersion:
    """Freeze the draft as approved; refused while an error finding has no justification."""
    if not actor.can_approve or actor.agency_id != report.agency_id:
        raise ServiceError("只有本机关的审核人可以审核年度报告")
    built, findings = draft_findings(report)
    missing = unjustified_errors(report, findings)
    if missing:
        raise ServiceError(f"还有{len(missing)}个错误未说明理由，不能审核通过：{missing[0].message}")
    built.findings = []
    files = {to: render(built, to) for to in RENDERED}
    with transaction.atomic():
        version = _freeze(
            actor=actor, report=report, kind=VersionKind.APPROVED, built=built, findings=findings, files=files
        )
        record(
            actor=actor,
            agency=report.agency,
            action="reports.approve",
            object_type="annual_report",
            object_id=report.pk,
            summary=f"审核通过{report.year}年度报告（第{version.number}版）",
            after={"version": version.number, "hashes": version.hashes, "on": today.isoformat()},
        )
    return version


def publish_report(*, actor: User, report: AnnualReport, today: date, note: str = "") -> ReportVersion:
    """Publish the last approved version as a new, frozen ``published`` version (a correction is a new one)."""
    if not actor.can_approve or actor.agency_id != report.agency_id:
        raise ServiceError("只有本机关的审核人可以发布年度报告")
    last = report.versions.order_by("-number").first()
    if last is None or last.kind != VersionKind.APPROVED:
        raise ServiceError("请先审核通过报告，再发布（更正后重新发布也需先审核）")
    if latest_published(report.agency, report.year) is not None and not note.strip():
        raise ServiceError("更正后重新发布，请填写更正说明", field="note")
    built = Report.from_json(last.report_json)
    files = {"html": bytes(last.html), "docx": bytes(last.docx), "pdf": bytes(last.pdf)}
    findings = [Finding.from_json(f) for f in last.findings]
    with transaction.atomic():
        version = _freeze(
            actor=actor,
            report=report,
            kind=VersionKind.PUBLISHED,
            built=built,
            findings=findings,
            files=files,
            published_on=today,
            note=note.strip(),
        )
        record(
            actor=actor,
            agency=report.agency,
            action="reports.publish",
            object_type="annual_report",
            object_id=report.pk,
            summary=f"发布{report.year}年度报告（第{version.number}版）",
            after={"version": version.number, "hashes": version.hashes},
        )
    return version


def import_report(
    *, actor: User | None, agency: Agency, data: bytes, name: str, year: int | None = None
) -> ReportVersion:
    """Bring in an earlier published report by parsing it; it becomes that year's published version."""
    if actor is not None and (not actor.is_agency_staff or actor.agency_id != agency.pk):
        raise ServiceError("只能为本机关导入报告")
    try:
        parsed = parse(data, name=name)
    except ParseError as exc:
        raise ServiceError(f"{name}: {exc}", field="file") from None
    built = parsed.report
    found_year = year or built.year
    if found_year is None:
        raise ServiceError(f"{name}: 无法从报告中读出年度，请指定年度", field="year")
    built.year = found_year
    findings = list(built.findings)
    if built.agency and built.agency != agency.name:
        # agencies print their name in more than one way, so this is shown, not refused
        findings.append(
            Finding(
                "import.agency_differs",
                "warning",
                f"报告自称“{built.agency}”，导入为“{agency.name}”的报告；请确认没有选错机关。",
            )
        )
    built.agency = built.agency or agency.name
    built.findings = []
    kind = name.rsplit(".", 1)[-1].lower()
    files = {kind: data} if kind in RENDERED else {}
    with transaction.atomic():
        report, _ = AnnualReport.objects.get_or_create(
            agency=agency, year=found_year, defaults={"sections": dict(built.sections)}
        )
        version = _freeze(
            actor=actor,
            report=report,
            kind=VersionKind.IMPORTED,
            built=built,
            findings=findings,
            files=files,
            source_name=name[:300],
        )
        record(
            actor=actor,
            agency=agency,
            action="reports.import",
            object_type="annual_report",
            object_id=report.pk,
            summary=f"导入已发布的{found_year}年度报告 {name}",
            after={"version": version.number, "hashes": version.hashes},
        )
    return version
