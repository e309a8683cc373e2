"""Writing the audit trail; called inside the atomic block of every other service."""

from __future__ import annotations

from typing import Any

from gongkai.web.agencies.models import Agency, User
from gongkai.web.audit.models import AuditEntry

__all__ = ["record"]


def record(
    *,
    actor: User | None,
    agency: Agency | None,
    action: str,
    object_type: str,
    object_id: object,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry; ``before``/``after`` must already have personal data masked."""
    entry = AuditEntry(
        actor=actor if actor is not None and actor.pk is not None else None,
        agency=agency,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:300],
        before=before,
        after=after,
    )
    entry.save()
    return entry
