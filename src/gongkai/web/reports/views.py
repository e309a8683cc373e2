"""Thin views of the report builder: the draft with every number linked to its records, the narrative,
findings and justifications, approval, publication, downloads, imports and the supervisor's roll-up."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from gongkai.procedure import decision
from gongkai.render import render as render_report
from gongkai.report.formats import APPLICANT_COLUMNS
from gongkai.report.model import Report, application_cell, disclosure_cell, review_cell
from gongkai.web.agencies.models import User
from gongkai.web.agencies.selectors import supervised_agencies
from gongkai.web.clock import today
from gongkai.web.errors import ServiceError
from gongkai.web.permissions import agency_staff_required, supervisor_required
from gongkai.web.reports import selectors, services
from gongkai.web.reports.models import AnnualReport, ReportVersion

__all__ = [
    "builder",
    "cell_records",
    "download_draft",
    "download_version",
    "import_report",
    "report_index",
    "rollup",
    "version_detail",
]

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
}


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _cell(value: object, cell: str, link: str | None) -> dict[str, Any]:
    shown = "" if value is None else value
    return {"value": shown, "cell": cell, "href": f"{link}?cell={quote(cell)}" if link else None}


def tables(report: Report, link: str | None) -> list[dict[str, Any]]:
    """The three tables as rows of cells, each cell with the link to the records behind it."""
    fmt = report.definition
    out: list[dict[str, Any]] = []
    for n, table in enumerate(fmt.disclosure_tables):
        out.append(
            {
                "title": "" if n else "二、主动公开政府信息情况",
                "caption": table.caption,
                "columns": [c.label for c in table.columns],
                "rows": [
                    (
                        row.label,
                        [
                            _cell(report.active_disclosure[row.key][c.key], disclosure_cell(row.key, c.key), link)
                            for c in table.columns
                        ],
                    )
                    for row in table.rows
                ],
            }
        )
    groups = {g.key: g for g in fmt.application_groups}
    lines: list[tuple[str, list[dict[str, Any]]]] = []
    seen: set[str] = set()
    for row in fmt.application_rows:
        chain: list[str] = []
        key = row.group
        while key is not None and key not in seen:
            chain.insert(0, key)
            key = groups[key].parent
        for key in chain:
            seen.add(key)
            lines.append((groups[key].label, []))  # a merged label that carries no numbers
        values = report.applications[row.key][: len(APPLICANT_COLUMNS)]
        lines.append((row.label, [_cell(v, application_cell(row.key, i), link) for i, v in enumerate(values)]))
    out.append(
        {
            "title": "三、收到和处理政府信息公开申请情况",
            "columns": [c.label for c in fmt.applicant_columns],
            "rows": lines,
        }
    )
    out.append(
        {
            "title": "四、政府信息公开行政复议、行政诉讼情况",
            "columns": [c.label for c in fmt.review_columns],
            "rows": [
                (
                    block.label,
                    [
                        _cell(report.review_litigation[block.key][c.key], review_cell(block.key, c.key), link)
                        for c in fmt.review_columns
                    ],
                )
                for block in fmt.review_blocks
            ],
        }
    )
    return out


@agency_staff_required
def report_index(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    day = today()
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
            services.open_report(actor=user, year=year, today=day)
        except ValueError:
            messages.error(request, "请选择年度")
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            return redirect("report-builder", year=year)
    reports = AnnualReport.objects.filter(agency_id=user.agency_id).prefetch_related("versions")
    rows = [{"report": r, "latest": max(r.versions.all(), key=lambda v: v.number, default=None)} for r in reports]
    return render(
        request,
        "reports/index.html",
        {"rows": rows, "years": range(day.year, 2018, -1), "default_year": day.year - 1},
    )


class SectionsForm(forms.Form):
    overview = forms.CharField(label="一、总体情况", required=False, widget=forms.Textarea(attrs={"rows": 8}))
    problems = forms.CharField(
        label="五、存在的主要问题及改进情况", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    other = forms.CharField(label="六、其他需要报告的事项", required=False, widget=forms.Textarea(attrs={"rows": 4}))


def _report(user: User, year: int) -> AnnualReport:
    found = selectors.report_for(user, year)
    if found is None:
        raise Http404("本机关还没有起草这一年度的报告")
    return found


@agency_staff_required
def builder(request: HttpRequest, year: int) -> HttpResponse:
    user = _user(request)
    report = _report(user, year)
    day = today()
    form = SectionsForm(initial=report.sections)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "sections":
                form = SectionsForm(request.POST)
                if form.is_valid():
                    services.save_sections(actor=user, report=report, sections=form.cleaned_data)
                    messages.success(request, "正文已保存")
            elif action == "justify":
                services.justify(
                    actor=user, report=report, key=request.POST.get("key", ""), text=request.POST.get("text", "")
                )
                messages.success(request, "已记录说明")
            elif action == "approve":
                version = services.approve_report(actor=user, report=report, today=day)
                messages.success(request, f"审核通过，已生成第{version.number}版")
            elif action == "publish":
                version = services.publish_report(
                    actor=user, report=report, today=day, note=request.POST.get("note", "")
                )
                messages.success(request, f"已发布第{version.number}版")
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            return redirect("report-builder", year=year)
    built, findings = services.draft_findings(report)
    justified = {j.finding_key: j for j in report.justifications.select_related("by")}
    rows = [
        {"finding": f, "key": services.finding_key(f), "justification": justified.get(services.finding_key(f))}
        for f in findings
    ]
    previous = selectors.latest_published(report.agency, year - 1)
    versions = list(selectors.versions_of(report))
    return render(
        request,
        "reports/builder.html",
        {
            "report": report,
            "built": built,
            "tables": tables(built, reverse("report-cell", args=[year])),
            "findings": rows,
            "errors": sum(1 for f in findings if f.severity == "error"),
            "unjustified": len(services.unjustified_errors(report, findings)),
            "form": form,
            "previous": previous,
            "versions": versions,
            "can_approve": user.can_approve,
            "can_publish": bool(versions) and versions[0].kind == "approved",
        },
    )


@agency_staff_required
def cell_records(request: HttpRequest, year: int) -> HttpResponse:
    user = _user(request)
    report = _report(user, year)
    cell = request.GET.get("cell", "")
    built = services.draft_report(report)
    try:
        value = built.get(cell)
        kind, records = selectors.records_behind(report.agency, year, cell)
    except (KeyError, ValueError, IndexError):
        raise Http404("没有这个单元格") from None
    return render(
        request,
        "reports/records.html",
        {
            "report": report,
            "cell": cell,
            "value": value,
            "kind": kind,
            "records": _labelled(kind, list(records[:500])),
            "count": records.count(),
        },
    )


def _labelled(kind: str, records: list[Any]) -> list[Any]:
    """Applications get the label of their outcome (the ledger stores the key)."""
    if kind == "applications":
        for application in records:
            application.outcome_label = decision(application.outcome).label if application.outcome else ""
    return records


def _attachment(data: bytes, to: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[to])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


@agency_staff_required
def download_draft(request: HttpRequest, year: int, to: str) -> HttpResponse:
    report = _report(_user(request), year)
    if to not in CONTENT_TYPES:
        raise Http404("不支持的格式")
    built = services.draft_report(report)
    data = built.dumps().encode("utf-8") if to == "json" else render_report(built, to)
    return _attachment(data, to, f"{report.agency.name}{year}年政府信息公开工作年度报告（草稿）.{to}")


def _version(user: User, pk: int) -> ReportVersion:
    version = ReportVersion.objects.select_related("report", "report__agency").filter(pk=pk).first()
    if version is None:
        raise Http404("没有这个版本")
    agency = version.report.agency
    mine = user.is_agency_staff and agency.pk == user.agency_id
    supervised = user.is_supervisor and version.kind != "approved" and agency in supervised_agencies(user)
    if not (mine or supervised):
        raise Http404("没有这个版本")
    return version


def download_version(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    version = _version(_user(request), pk)
    if to == "json":
        data = Report.from_json(version.report_json).dumps().encode("utf-8")
    elif to in ("html", "docx", "pdf"):
        data = bytes(getattr(version, to))
        if not data:
            raise Http404("这个版本没有该格式的文件")
    else:
        raise Http404("不支持的格式")
    report = version.report
    return _attachment(
        data, to, f"{report.agency.name}{report.year}年政府信息公开工作年度报告（第{version.number}版）.{to}"
    )


def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = _version(_user(request), pk)
    built = Report.from_json(version.report_json)
    return render(request, "reports/version.html", {"version": version, "built": built, "tables": tables(built, None)})


class ImportForm(forms.Form):
    file = forms.FileField(label="已发布的年度报告（HTML、DOCX、PDF 或文本）")
    year = forms.IntegerField(label="年度（读不出时填写）", required=False, min_value=2008, max_value=2100)


@agency_staff_required
def import_report(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        assert user.agency is not None
        try:
            version = services.import_report(
                actor=user, agency=user.agency, data=upload.read(), name=upload.name, year=form.cleaned_data["year"]
            )
        except ServiceError as error:
            form.add_error("file" if error.field == "file" else None, error.message)
        else:
            messages.success(request, f"已导入{version.report.year}年度报告")
            return redirect("report-index")
    return render(request, "reports/import.html", {"form": form})


@supervisor_required
def rollup(request: HttpRequest, year: int | None = None) -> HttpResponse:
    day = today()
    chosen = year or day.year - 1
    if not 2008 <= chosen <= day.year:
        raise Http404("没有这个年度")
    found = selectors.rollup(_user(request), chosen)
    return render(
        request,
        "reports/rollup.html",
        {
            "rollup": found,
            "tables": tables(found.combined, None) if found.combined else [],
            "years": range(day.year, 2018, -1),
        },
    )
