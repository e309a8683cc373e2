"""Thin views for moving the ledger in and out: import (upload → column mapping → all or nothing),
export of the filtered list (CSV/XLSX, masked unless full data is asked for), audit trail CSV."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from gongkai.web.agencies.models import User
from gongkai.web.audit.selectors import entries_for_object
from gongkai.web.audit.services import record
from gongkai.web.clock import today, workday_calendar
from gongkai.web.ledger import exporting, importing, selectors, services
from gongkai.web.ledger.forms import SearchForm
from gongkai.web.permissions import agency_staff_required

__all__ = ["audit_export", "import_mapping", "import_upload", "ledger_export"]

MAX_IMPORT_BYTES = 5 * 1024 * 1024
_SESSION_KEY = "gongkai_import"


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@agency_staff_required
def ledger_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The list as filtered by the same query string as the list page; ``full=1`` for unmasked data."""
    user = _user(request)
    if fmt not in ("csv", "xlsx"):
        raise Http404("只能导出 CSV 或 XLSX")
    form = SearchForm(request.GET or None, outcomes=services.decision_outcomes())
    criteria = form.criteria()
    day = today()
    found = selectors.search(user, criteria, today=day)
    full = request.GET.get("full") == "1" and user.is_agency_staff
    rows = exporting.ledger_rows(
        found, full=full, today=day, soon_limit=selectors.due_soon_limit(workday_calendar(), day)
    )
    record(
        actor=user,
        agency=user.agency,
        action="ledger.export",
        object_type="ledger",
        object_id=user.agency_id,
        summary=f"导出台账（{fmt.upper()}，{'含完整个人信息' if full else '个人信息已遮蔽'}）",
        after={"format": fmt, "full": full, "query": request.GET.urlencode()[:500]},
    )
    stem = f"台账-{user.agency.code if user.agency else ''}-{day.isoformat()}"
    if fmt == "xlsx":
        return _attachment(
            exporting.ledger_xlsx(rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"{stem}.xlsx".encode("ascii", "ignore").decode() or "ledger.xlsx",
        )
    return _attachment(exporting.ledger_csv(rows), "text/csv; charset=utf-8", f"ledger-{day.isoformat()}.csv")


@agency_staff_required
def audit_export(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    application = selectors.application_for(user, pk)
    entries = entries_for_object(user=user, object_type="application", object_id=application.pk)
    return _attachment(exporting.audit_csv(entries), "text/csv; charset=utf-8", f"audit-{application.number}.csv")


@agency_staff_required
def import_upload(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "请选择要导入的文件"
        elif upload.size is not None and upload.size > MAX_IMPORT_BYTES:
            error = f"{upload.name}：文件超过 5 MB，请分批导入"
        else:
            data = upload.read()
            try:
                importing.read_table(data, upload.name or "")
            except importing.ImportError_ as exc:
                error = str(exc)
            else:
                request.session[_SESSION_KEY] = {"name": upload.name, "data": base64.b64encode(data).decode("ascii")}
                return redirect("ledger-import-mapping")
    return render(request, "ledger/import_upload.html", {"error": error, "fields": importing.FIELDS})


@agency_staff_required
def import_mapping(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    stored = request.session.get(_SESSION_KEY)
    if not stored:
        return redirect("ledger-import")
    table = importing.read_table(base64.b64decode(stored["data"]), stored["name"])
    mapping = importing.guess_mapping(table.headers)
    result = None
    if request.method == "POST":
        mapping = {
            f.key: int(request.POST[f"map_{f.key}"])
            for f in importing.FIELDS
            if request.POST.get(f"map_{f.key}", "").isdigit()
        }
        result = importing.import_rows(
            actor=user, table=table, mapping=mapping, today=today(), calendar=workday_calendar()
        )
        if result.ok:
            del request.session[_SESSION_KEY]
            messages.success(request, f"已导入 {result.imported} 件申请（{table.name}）")
            return redirect(reverse("application-list"))
    columns = list(enumerate(zip(table.headers, table.samples(), strict=True)))
    return render(
        request,
        "ledger/import_mapping.html",
        {
            "table": table,
            "columns": columns,
            "fields": [(f, mapping.get(f.key)) for f in importing.FIELDS],
            "result": result,
            "row_count": len(table.rows),
        },
    )
