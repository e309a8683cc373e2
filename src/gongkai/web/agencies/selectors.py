"""Reading agencies and users, scoped to the user who asks."""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.web.agencies.models import STAFF_ROLES, Agency, User

__all__ = ["agencies_below", "colleagues", "supervised_agencies"]


def agencies_below(agency: Agency, *, include_self: bool = True) -> list[Agency]:
    """``agency`` and every agency under it, breadth first (one query per level)."""
    found = [agency] if include_self else []
    level = [agency.pk]
    seen = {agency.pk}
    while level:
        children = list(Agency.objects.filter(parent_id__in=level).order_by("code"))
        children = [c for c in children if c.pk not in seen]
        seen.update(c.pk for c in children)
        found.extend(children)
        level = [c.pk for c in children]
    return found


def supervised_agencies(user: User) -> list[Agency]:
    """What a supervisor sees the statistics of: their agency and all below it; nothing for anyone else."""
    if not user.is_supervisor or user.agency is None:
        return []
    return agencies_below(user.agency)


def colleagues(user: User) -> QuerySet[User]:
    """The active staff of the user's own agency (for choosing a handler)."""
    if not user.is_agency_staff:
        return User.objects.none()
    return User.objects.filter(agency_id=user.agency_id, is_active=True, role__in=STAFF_ROLES).order_by("username")
