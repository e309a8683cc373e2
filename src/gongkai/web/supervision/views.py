"""The supervisor's pages: counts per agency and the annual applications table; no applicant ever appears."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.procedure import application_table
from gongkai.report.formats import format_for_year
from gongkai.web.agencies.models import User
from gongkai.web.agencies.selectors import supervised_agencies
from gongkai.web.clock import today
from gongkai.web.ledger.selectors import ledger_entries, statistics_for
from gongkai.web.permissions import supervisor_required

__all__ = ["agency_table", "overview"]


@supervisor_required
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    day = today()
    figures = statistics_for(supervised_agencies(user), today=day)
    return render(
        request,
        "supervision/overview.html",
        {"figures": figures, "today": day, "years": range(day.year, day.year - 4, -1)},
    )


@supervisor_required
def agency_table(request: HttpRequest, agency_pk: int, year: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    agency = next((a for a in supervised_agencies(user) if a.pk == agency_pk), None)
    if agency is None or not 2008 <= year <= today().year:
        raise Http404("没有这个机关或年度")
    fmt = format_for_year(year)
    table = application_table(ledger_entries(agency), year, fmt.key)
    rows = {r.key: r for r in fmt.application_rows}
    lines = [(rows[key].label if key in rows else key, values) for key, values in table.items()]
    columns = [c.label for c in fmt.applicant_columns]
    return render(
        request,
        "supervision/table.html",
        {"agency": agency, "year": year, "lines": lines, "columns": columns, "format": fmt.key},
    )
