"""The agency admin manages their own agency's users: create, change role, deactivate — never delete."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.agencies.models import Role, User
from gongkai.web.agencies.staffing import change_role, set_active
from gongkai.web.audit.models import AuditEntry
from gongkai.web.errors import ServiceError

from .factories import PASSWORD, World


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_admin_creates_a_user_in_their_agency(world: World) -> None:
    client = _client("admin-a")
    page = client.get(reverse("agency-users"))
    assert page.status_code == 200 and "clerk-a" in page.content.decode() and "clerk-b" not in page.content.decode()
    response = client.post(
        reverse("agency-users"),
        {
            "username": "new-clerk",
            "full_name": "钱多多",
            "email": "q@example.org",
            "role": "clerk",
            "password": "Long-enough-9",
        },
    )
    assert response.status_code == 302
    created = User.objects.get(username="new-clerk")
    assert created.agency == world.county_a and created.role == Role.CLERK and created.check_password("Long-enough-9")
    assert AuditEntry.objects.filter(action="user.create", actor=world.admin_a, object_id=str(created.pk)).exists()


def test_weak_password_and_taken_name_are_rejected_in_the_form(world: World) -> None:
    client = _client("admin-a")
    weak = client.post(reverse("agency-users"), {"username": "x1", "role": "clerk", "password": "123"})
    assert weak.status_code == 200 and not User.objects.filter(username="x1").exists()
    taken = client.post(reverse("agency-users"), {"username": "clerk-b", "role": "clerk", "password": "Long-enough-9"})
    assert "已被使用" in taken.content.decode()


def test_change_role_and_deactivate(world: World) -> None:
    client = _client("admin-a")
    client.post(reverse("agency-user-change", args=[world.clerk_a.pk]), {"role": "approver"})
    world.clerk_a.refresh_from_db()
    assert world.clerk_a.role == Role.APPROVER and world.clerk_a.can_approve
    client.post(reverse("agency-user-change", args=[world.clerk_a.pk]), {"active": "0"})
    world.clerk_a.refresh_from_db()
    assert not world.clerk_a.is_active and User.objects.filter(pk=world.clerk_a.pk).exists()
    assert not Client().login(username="clerk-a", password=PASSWORD)
    client.post(reverse("agency-user-change", args=[world.clerk_a.pk]), {"active": "1"})
    world.clerk_a.refresh_from_db()
    assert world.clerk_a.is_active
    actions = set(AuditEntry.objects.filter(object_type="user").values_list("action", flat=True))
    assert {"user.role", "user.deactivate", "user.activate"} <= actions


def test_permissions(world: World) -> None:
    for username in ("clerk-a", "approver-a", "supervisor-a", "clerk-b"):
        assert _client(username).get(reverse("agency-users")).status_code == 404, username
    other_admin = User.objects.create_user(
        username="admin-b", password=PASSWORD, agency=world.county_b, role=Role.ADMIN
    )
    client = _client(other_admin.username)
    assert client.post(reverse("agency-user-change", args=[world.clerk_a.pk]), {"active": "0"}).status_code == 404
    world.clerk_a.refresh_from_db()
    assert world.clerk_a.is_active
    assert Client().get(reverse("agency-users")).status_code == 302
    with pytest.raises(ServiceError, match="本机关的管理员"):
        change_role(actor=world.clerk_a, user=world.approver_a, role="admin")
    with pytest.raises(ServiceError, match="自己"):
        set_active(actor=world.admin_a, user=world.admin_a, active=False)
    with pytest.raises(ServiceError, match="角色"):
        change_role(actor=world.admin_a, user=world.clerk_a, role="boss")
