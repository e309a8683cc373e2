"""The agency admin's changes to their own agency's users: role and active flag. Users are never
deleted (their name stays on every record they made); a departed colleague is deactivated.
New users are created by :func:`gongkai.web.agencies.services.create_user`."""

from __future__ import annotations

from django.db import transaction

from gongkai.web.agencies.models import Role, User
from gongkai.web.audit.services import record
from gongkai.web.errors import ServiceError

__all__ = ["change_role", "is_agency_admin", "set_active"]


def is_agency_admin(user: User) -> bool:
    return bool(user.is_agency_staff and user.role == Role.ADMIN and user.agency_id is not None)


def _check(actor: User, user: User) -> None:
    if not is_agency_admin(actor) or actor.agency_id != user.agency_id:
        raise ServiceError("只有本机关的管理员可以管理本机关的用户")
    if actor.pk == user.pk:
        raise ServiceError("不能更改自己的角色或停用自己（请由本机关另一位管理员操作）")


def _snapshot(user: User) -> dict[str, object]:
    return {"username": user.username, "role": user.role, "is_active": user.is_active}


def change_role(*, actor: User, user: User, role: str) -> User:
    _check(actor, user)
    if role not in Role.values:
        raise ServiceError("请选择角色", field="role")
    if role == user.role:
        return user
    before = _snapshot(user)
    with transaction.atomic():
        user.role = role
        user.save(update_fields=["role"])
        record(
            actor=actor,
            agency=actor.agency,
            action="user.role",
            object_type="user",
            object_id=user.pk,
            summary=f"将 {user.username} 的角色改为{user.get_role_display()}",
            before=before,
            after=_snapshot(user),
        )
    return user


def set_active(*, actor: User, user: User, active: bool) -> User:
    _check(actor, user)
    if user.is_active == active:
        return user
    before = _snapshot(user)
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        record(
            actor=actor,
            agency=actor.agency,
            action="user.activate" if active else "user.deactivate",
            object_type="user",
            object_id=user.pk,
            summary=f"{'启用' if active else '停用'}用户 {user.username}",
            before=before,
            after=_snapshot(user),
        )
    return user
