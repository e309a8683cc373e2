"""Reading the register, scoped to the user's agency, and the records behind each 第二十条 cell.

:func:`document_records` is the register's half of "click a number, see the records": for every
document cell it filters exactly the documents :func:`gongkai.procedure.register.document_counts`
counts there (tests hold the two together cell by cell).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from gongkai.procedure.register import DocumentKind, RegisterEntry
from gongkai.report.model import Value
from gongkai.web.agencies.models import Agency, User
from gongkai.web.register.models import AnnualFigure, Document, IndexCode

__all__ = [
    "document_records",
    "documents_for",
    "figure_records",
    "figures_of",
    "index_code_of",
    "register_entries",
]


def documents_for(user: User) -> QuerySet[Document]:
    """The register documents ``user`` may see: their own agency's (staff only)."""
    if not user.is_authenticated or not user.is_agency_staff:
        return Document.objects.none()
    return Document.objects.filter(agency_id=user.agency_id)


def index_code_of(agency: Agency) -> str:
    return IndexCode.objects.filter(agency=agency).values_list("code", flat=True).first() or ""


def register_entries(agency: Agency) -> Iterator[RegisterEntry]:
    """The agency's documents as the statistics see them (dates only, streamed)."""
    rows = (
        Document.objects.filter(agency=agency)
        .values_list("kind", "made_on", "published_on", "abolished_on")
        .iterator(chunk_size=2000)
    )
    for kind, made, published, abolished in rows:
        yield RegisterEntry(DocumentKind(kind), made, published, abolished)


def figures_of(agency: Agency, year: int, columns: dict[str, dict[str, str]]) -> dict[str, dict[str, Value]]:
    """The entered figures of ``year`` as :func:`disclosure_table` takes them (counts as int, amounts as Decimal)."""
    found: dict[str, dict[str, Value]] = {}
    for row, column, value in AnnualFigure.objects.filter(agency=agency, year=year).values_list(
        "row", "column", "value"
    ):
        kind = columns.get(row, {}).get(column)
        if kind is None:
            continue  # entered under another year's format: not a figure of this one
        amount = Decimal(value)
        found.setdefault(row, {})[column] = int(amount) if kind in ("count", "signed_change") else amount.normalize()
    return found


def figure_records(agency: Agency, year: int, row: str, column: str) -> QuerySet[AnnualFigure]:
    """The one entered figure behind a cell (with who entered it)."""
    return AnnualFigure.objects.filter(agency=agency, year=year, row=row, column=column).select_related("entered_by")


def document_records(agency: Agency, year: int, row: str, column: str) -> QuerySet[Document]:
    """The documents counted in cell ``row.column`` of ``year`` (the counting rules of procedure.register)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    in_year = {"made_on__range": (start, end)}
    condition = {
        "issued": Q(**in_year),
        "made": Q(**in_year),
        "abolished": Q(abolished_on__range=(start, end)),
        "in_force": Q(made_on__lte=end) & (Q(abolished_on__isnull=True) | Q(abolished_on__gt=end)),
        "published": Q(published_on__range=(start, end)),
        "total_public": Q(published_on__lte=end),
    }.get(column)
    if condition is None or row not in DocumentKind._value2member_map_:
        return Document.objects.none()
    return Document.objects.filter(condition, agency=agency, kind=row).order_by("made_on", "index_serial")
