"""Agencies and users. Every user belongs to one agency with one role; the role decides what they see.

The hierarchy is a plain parent link: a county has a few dozen agencies, so "the agencies below"
is a breadth-first walk of a few queries (:func:`gongkai.web.agencies.selectors.agencies_below`).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models

__all__ = ["STAFF_ROLES", "Agency", "AgencyKind", "Role", "User"]


class AgencyKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府部门"
    TOWNSHIP = "township", "乡镇（街道）"
    OTHER = "other", "其他"


class Agency(models.Model):
    """An administrative agency (行政机关) that receives applications and publishes an annual report."""

    name = models.CharField("名称", max_length=100)
    code = models.CharField("机关代码", max_length=20, unique=True, help_text="用于申请编号和索引号，如 XX-ZF")
    kind = models.CharField("类型", max_length=20, choices=AgencyKind.choices, default=AgencyKind.DEPARTMENT)
    parent = models.ForeignKey(
        "self", verbose_name="上级机关", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CLERK = "clerk", "经办人"
    APPROVER = "approver", "审核人"
    ADMIN = "admin", "管理员"
    SUPERVISOR = "supervisor", "上级监督"


STAFF_ROLES = frozenset({Role.CLERK, Role.APPROVER, Role.ADMIN})
"""Roles that handle their own agency's applications and may read applicants' personal data."""


class User(AbstractUser):
    """A person who logs in; ``agency`` and ``role`` decide every permission (see :mod:`.permissions`)."""

    agency = models.ForeignKey(
        Agency, verbose_name="所属机关", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.CLERK)
    full_name = models.CharField("姓名", max_length=50, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def is_agency_staff(self) -> bool:
        """Clerks, approvers and admins of an agency: they handle its applications."""
        return self.is_active and self.agency_id is not None and self.role in STAFF_ROLES

    @property
    def can_approve(self) -> bool:
        return self.is_agency_staff and self.role == Role.APPROVER

    @property
    def is_supervisor(self) -> bool:
        return self.is_active and self.agency_id is not None and self.role == Role.SUPERVISOR
