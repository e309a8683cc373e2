"""Thin views of the register: list, register, correct dates, import, and the year's entered figures."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.report.formats import format_for_year
from gongkai.web.agencies.models import User
from gongkai.web.clock import today
from gongkai.web.errors import ServiceError
from gongkai.web.permissions import agency_staff_required
from gongkai.web.register import selectors, services
from gongkai.web.register.forms import DocumentForm, DocumentUpdateForm, IndexCodeForm, UploadForm
from gongkai.web.register.models import AnnualFigure

__all__ = ["document_detail", "document_list", "document_new", "figures", "import_documents", "index_code"]


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _show(form: Any, error: ServiceError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@agency_staff_required
def document_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    found = selectors.documents_for(user).select_related("created_by")
    kind = request.GET.get("kind", "")
    if kind:
        found = found.filter(kind=kind)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    assert user.agency is not None
    code = selectors.index_code_of(user.agency)
    return render(
        request,
        "register/list.html",
        {"page": page, "index_code": code, "code_form": IndexCodeForm(initial={"code": code}), "year": today().year},
    )


@agency_staff_required
def index_code(request: HttpRequest) -> HttpResponse:
    form = IndexCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_index_code(actor=_user(request), code=form.cleaned_data["code"])
            messages.success(request, "已设置索引号机关代码")
        except ServiceError as error:
            messages.error(request, error.message)
    return redirect("register-list")


@agency_staff_required
def document_new(request: HttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.record_document(actor=_user(request), **form.cleaned_data)
        except ServiceError as error:
            _show(form, error)
        else:
            messages.success(request, f"已登记，索引号 {document.index_number}")
            return redirect("register-list")
    return render(request, "register/form.html", {"form": form, "title": "登记规章或规范性文件"})


@agency_staff_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    document = selectors.documents_for(user).filter(pk=pk).first()
    if document is None:
        raise Http404("没有这份文件")
    initial = {
        "title": document.title,
        "published_on": document.published_on,
        "abolished_on": document.abolished_on,
        "status": document.status,
    }
    form = DocumentUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_document(actor=user, document=document, **form.cleaned_data)
        except ServiceError as error:
            _show(form, error)
        else:
            messages.success(request, "已保存")
            return redirect("register-list")
    return render(
        request, "register/form.html", {"form": form, "title": f"{document.doc_number}", "document": document}
    )


@agency_staff_required
def import_documents(request: HttpRequest) -> HttpResponse:
    return _import(
        request,
        services.import_documents,
        "导入规章和规范性文件",
        "类别, 文号, 标题, 成文日期, 公开日期, 废止日期, 状态",
    )


def _import(request: HttpRequest, service: Any, title: str, columns: str) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            created = service(actor=_user(request), data=upload.read(), name=upload.name)
        except services.ImportRowsError as error:
            form.add_error("file", error.message)
            errors = error.errors
        except ServiceError as error:
            _show(form, error)
        else:
            messages.success(request, f"已导入{len(created)}条记录")
            return redirect("register-list")
    return render(request, "register/import.html", {"form": form, "errors": errors, "title": title, "columns": columns})


@agency_staff_required
def import_figures(request: HttpRequest) -> HttpResponse:
    return _import(request, services.import_figures, "导入第二十条数据", "年度, 项目, 栏目, 数值")


@agency_staff_required
def figures(request: HttpRequest, year: int) -> HttpResponse:
    user = _user(request)
    if not 2008 <= year <= today().year:
        raise Http404("没有这个年度")
    assert user.agency is not None
    fmt = format_for_year(year)
    columns = services.entered_columns(year)
    stored = {
        (f.row, f.column): f
        for f in AnnualFigure.objects.filter(agency=user.agency, year=year).select_related("entered_by")
    }
    fields = [
        {
            "name": f"{row.key}.{col.key}",
            "label": f"{row.label} · {col.label}",
            "figure": stored.get((row.key, col.key)),
            "value": request.POST.get(f"{row.key}.{col.key}")
            if request.method == "POST"
            else services.plain_decimal(stored[(row.key, col.key)].value)
            if (row.key, col.key) in stored
            else "",
        }
        for table, row in fmt.disclosure_rows
        if row.key in columns
        for col in table.columns
    ]
    error = ""
    if request.method == "POST":
        values = {tuple(f["name"].split(".")): request.POST.get(f["name"], "") for f in fields}
        try:
            services.set_figures(actor=user, year=year, values=values)  # type: ignore[arg-type]
        except ServiceError as exc:
            error = f"{exc.field}: {exc.message}" if exc.field else exc.message
        else:
            messages.success(request, f"已保存{year}年第二十条数据")
            return redirect("register-figures", year=year)
    return render(
        request,
        "register/figures.html",
        {"year": year, "fields": fields, "error": error, "format": fmt.key, "years": range(today().year, 2018, -1)},
    )
