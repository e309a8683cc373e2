"""Reading cases, scoped to the user's agency, and the cases behind each cell of the review table.

:func:`case_records` filters exactly the cases :func:`gongkai.procedure.statistics.review_table`
counts in a cell (the year rule is in that function's module docstring).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.db.models import Q, QuerySet

from gongkai.procedure.statistics import Case as CoreCase
from gongkai.procedure.statistics import CaseKind, CaseResult
from gongkai.web.agencies.models import Agency, User
from gongkai.web.cases.models import Case

__all__ = ["case_records", "cases_for", "core_cases"]


def cases_for(user: User) -> QuerySet[Case]:
    if not user.is_authenticated or not user.is_agency_staff:
        return Case.objects.none()
    return Case.objects.filter(agency_id=user.agency_id).select_related("application")


def core_cases(agency: Agency) -> Iterator[CoreCase]:
    for kind, filed, concluded, result in Case.objects.filter(agency=agency).values_list(
        "kind", "filed_on", "concluded_on", "result"
    ):
        yield CoreCase(CaseKind(kind), filed, concluded, CaseResult(result) if result else None)


def case_records(agency: Agency, year: int, block: str, column: str) -> QuerySet[Case]:
    """The cases counted in ``review_litigation.<block>.<column>`` of ``year``."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    found = Case.objects.filter(agency=agency, kind=block, filed_on__lte=end).exclude(concluded_on__lt=start)
    done = Q(concluded_on__lte=end) & ~Q(result="")
    if column == "total":
        return found.order_by("filed_on", "pk")
    if column == "pending":
        return found.exclude(done).order_by("filed_on", "pk")
    if column in CaseResult._value2member_map_:
        return found.filter(done, result=column).order_by("filed_on", "pk")
    return Case.objects.none()
