"""Reading the audit trail, scoped to what the user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.web.agencies.models import User
from gongkai.web.audit.models import AuditEntry

__all__ = ["entries_for_object"]


def entries_for_object(*, user: User, object_type: str, object_id: object) -> QuerySet[AuditEntry]:
    """The entries of one object, only for the staff of the agency it belongs to."""
    if not user.is_agency_staff:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(
        object_type=object_type, object_id=str(object_id), agency_id=user.agency_id
    ).select_related("actor")
