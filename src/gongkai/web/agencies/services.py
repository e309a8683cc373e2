"""Creating agencies and users (the agency admin's work, and the demo's)."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.web.agencies.models import Agency, AgencyKind, Role, User
from gongkai.web.audit.services import record
from gongkai.web.errors import ServiceError

__all__ = ["create_agency", "create_user"]


def create_agency(
    *, actor: User | None, name: str, code: str, kind: str = AgencyKind.DEPARTMENT, parent: Agency | None = None
) -> Agency:
    """A new agency under ``parent``; the code is unique and used in application numbers."""
    name, code = name.strip(), code.strip().upper()
    if not name:
        raise ServiceError("请填写机关名称", field="name")
    if not code or len(code) > 20 or not all(c.isalnum() or c in "-_" for c in code):
        raise ServiceError("机关代码应为1至20位字母、数字或连字符", field="code")
    if kind not in AgencyKind.values:
        raise ServiceError("请选择机关类型", field="kind")
    if Agency.objects.filter(code=code).exists():
        raise ServiceError(f"机关代码 {code} 已被使用", field="code")
    with transaction.atomic():
        agency = Agency(name=name, code=code, kind=kind, parent=parent)
        agency.save()
        record(
            actor=actor,
            agency=agency,
            action="agency.create",
            object_type="agency",
            object_id=agency.pk,
            summary=f"新建机关 {name}（{code}）",
            after={"name": name, "code": code, "kind": kind, "parent": parent.pk if parent else None},
        )
    return agency


def create_user(
    *,
    actor: User | None,
    username: str,
    password: str,
    agency: Agency,
    role: str,
    full_name: str = "",
    email: str = "",
    check_password: bool = True,
) -> User:
    """A user of ``agency``; an actor other than the system must be that agency's admin."""
    if actor is not None and not (actor.is_agency_staff and actor.role == Role.ADMIN and actor.agency_id == agency.pk):
        raise ServiceError("只有本机关的管理员可以添加用户")
    username = username.strip()
    if not username:
        raise ServiceError("请填写用户名", field="username")
    if role not in Role.values:
        raise ServiceError("请选择角色", field="role")
    if User.objects.filter(username=username).exists():
        raise ServiceError(f"用户名 {username} 已被使用", field="username")
    user = User(username=username, agency=agency, role=role, full_name=full_name.strip(), email=email.strip())
    if check_password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ServiceError("；".join(exc.messages), field="password") from None
    user.set_password(password)
    with transaction.atomic():
        user.save()
        record(
            actor=actor,
            agency=agency,
            action="user.create",
            object_type="user",
            object_id=user.pk,
            summary=f"添加用户 {username}（{user.get_role_display()}）",
            after={"username": username, "role": role, "agency": agency.pk},
        )
    return user
