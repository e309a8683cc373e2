"""services.create_agency / create_user and the hierarchy selectors."""

from __future__ import annotations

import pytest

from gongkai.web.agencies.models import Role
from gongkai.web.agencies.selectors import agencies_below, supervised_agencies
from gongkai.web.agencies.services import create_agency, create_user
from gongkai.web.errors import ServiceError

from .factories import World


def test_codes_are_unique_and_checked(world: World) -> None:
    with pytest.raises(ServiceError, match="已被使用"):
        create_agency(actor=None, name="重名", code="jx")
    with pytest.raises(ServiceError, match="机关代码"):
        create_agency(actor=None, name="坏代码", code="甲 县")


def test_hierarchy_and_supervision_scope(world: World) -> None:
    town = create_agency(actor=None, name="甲县某镇", code="JX-MZ", kind="township", parent=world.dept_a)
    assert agencies_below(world.county_a) == [world.county_a, world.dept_a, town]
    assert supervised_agencies(world.supervisor_a) == [world.county_a, world.dept_a, town]
    assert supervised_agencies(world.clerk_a) == []


def test_only_the_agency_admin_adds_users(world: World) -> None:
    user = create_user(
        actor=world.admin_a, username="new-clerk", password="a-Long-pass-9", agency=world.county_a, role=Role.CLERK
    )
    assert user.is_agency_staff and not user.can_approve
    with pytest.raises(ServiceError, match="管理员"):
        create_user(actor=world.clerk_a, username="x", password="a-Long-pass-9", agency=world.county_a, role=Role.CLERK)
    with pytest.raises(ServiceError, match="管理员"):
        create_user(actor=world.admin_a, username="y", password="a-Long-pass-9", agency=world.county_b, role=Role.CLERK)
    with pytest.raises(ServiceError) as caught:
        create_user(actor=world.admin_a, username="z", password="123", agency=world.county_a, role=Role.CLERK)
    assert caught.value.field == "password"
