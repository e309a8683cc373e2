"""Thin views of the cases: list, register, record the result."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.web.agencies.models import User
from gongkai.web.cases import selectors, services
from gongkai.web.cases.forms import CaseForm, ConcludeForm
from gongkai.web.clock import today
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.selectors import applications_for
from gongkai.web.permissions import agency_staff_required

__all__ = ["case_detail", "case_list", "case_new"]


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@agency_staff_required
def case_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.cases_for(_user(request)), 50).get_page(request.GET.get("page"))
    return render(request, "cases/list.html", {"page": page})


@agency_staff_required
def case_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = CaseForm(request.POST or None, initial={"application_number": request.GET.get("application", "")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        number = data.pop("application_number").strip()
        application = applications_for(user).filter(number=number).first() if number else None
        if number and application is None:
            form.add_error("application_number", "本机关台账中没有这个申请编号")
        else:
            try:
                services.record_case(actor=user, today=today(), application=application, **data)
            except ServiceError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, "已登记案件")
                return redirect("case-list")
    return render(request, "cases/form.html", {"form": form, "title": "登记行政复议或行政诉讼"})


@agency_staff_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    case = selectors.cases_for(user).filter(pk=pk).first()
    if case is None:
        raise Http404("没有这个案件")
    form = ConcludeForm(request.POST or None, initial={"concluded_on": case.concluded_on, "result": case.result})
    if request.method == "POST" and form.is_valid():
        try:
            services.conclude_case(actor=user, today=today(), case=case, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "已保存案件结果")
            return redirect("case-list")
    return render(request, "cases/form.html", {"form": form, "title": str(case), "case": case})
