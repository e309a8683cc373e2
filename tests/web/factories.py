"""Two counties with staff in every role, and applications registered through the services.

Applicants are invented: names from common characters, ID numbers and credit codes from the fake
generators (division 99xxxx, which no one has).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from gongkai.procedure import package_calendar
from gongkai.procedure.identifiers import fake_credit_code, fake_id_number
from gongkai.web.agencies.models import Agency, AgencyKind, Role, User
from gongkai.web.agencies.services import create_agency, create_user
from gongkai.web.ledger.models import Application
from gongkai.web.ledger.services import register_application

__all__ = ["PASSWORD", "TODAY", "World", "build_world", "make_application"]

TODAY = date(2024, 6, 14)
PASSWORD = "test-password-1"
_rng = random.Random(11643)


@dataclass
class World:
    county_a: Agency
    dept_a: Agency
    county_b: Agency
    clerk_a: User
    approver_a: User
    admin_a: User
    supervisor_a: User
    clerk_b: User
    approver_b: User


def _user(name: str, agency: Agency, role: str) -> User:
    return create_user(actor=None, username=name, password=PASSWORD, agency=agency, role=role, check_password=False)


def build_world() -> World:
    county_a = create_agency(actor=None, name="甲县人民政府", code="JX", kind=AgencyKind.GOVERNMENT)
    dept_a = create_agency(actor=None, name="甲县教育局", code="JX-JY", parent=county_a)
    county_b = create_agency(actor=None, name="乙县人民政府", code="YX", kind=AgencyKind.GOVERNMENT)
    return World(
        county_a=county_a,
        dept_a=dept_a,
        county_b=county_b,
        clerk_a=_user("clerk-a", county_a, Role.CLERK),
        approver_a=_user("approver-a", county_a, Role.APPROVER),
        admin_a=_user("admin-a", county_a, Role.ADMIN),
        supervisor_a=_user("supervisor-a", county_a, Role.SUPERVISOR),
        clerk_b=_user("clerk-b", county_b, Role.CLERK),
        approver_b=_user("approver-b", county_b, Role.APPROVER),
    )


def person_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "applicant_kind": "person",
        "applicant_name": "王小明",
        "id_number": fake_id_number(_rng),
        "phone": "10012345678",
        "address": "甲县城关镇幸福路1号",
    }
    fields.update(overrides)
    return fields


def make_application(
    actor: User,
    *,
    received: date = date(2024, 6, 3),
    items: tuple[str, ...] = ("2023年城关镇征收补偿方案",),
    organisation: bool = False,
    today: date = TODAY,
    **overrides: Any,
) -> Application:
    applicant: dict[str, Any]
    if organisation:
        applicant = {
            "applicant_kind": "organisation",
            "applicant_name": "甲县示例建材有限公司",
            "credit_code": fake_credit_code(_rng),
            "organisation_type": "commercial",
            "phone": "0101234567",
        }
    else:
        applicant = person_fields()
    applicant.update(overrides)
    return register_application(
        actor=actor,
        today=today,
        calendar=package_calendar(),
        channel="in_person",
        submitted_on=received,
        items=list(items),
        **applicant,
    )
