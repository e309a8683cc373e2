"""Cases: checked by the core's Case, scoped to the agency, audited; the year rule of review_table."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.web.audit.models import AuditEntry
from gongkai.web.cases.services import conclude_case, record_case
from gongkai.web.errors import ServiceError
from gongkai.web.reports.builder import build_report

from .factories import TODAY, World, make_application


def test_a_case_is_counted_while_pending_and_in_the_year_it_ends(world: World) -> None:
    application = make_application(world.clerk_a, received=date(2023, 3, 1), today=TODAY)
    case = record_case(
        actor=world.clerk_a, today=TODAY, kind="reconsideration", filed_on=date(2023, 5, 1), application=application
    )
    assert build_report(world.county_a, 2023).review_litigation["reconsideration"]["pending"] == 1
    conclude_case(actor=world.clerk_a, today=TODAY, case=case, concluded_on=date(2024, 2, 1), result="corrected")
    assert build_report(world.county_a, 2023).review_litigation["reconsideration"]["pending"] == 1
    later = build_report(world.county_a, 2024).review_litigation["reconsideration"]
    assert later["corrected"] == 1 and later["total"] == 1
    assert build_report(world.county_a, 2025).review_litigation["reconsideration"]["total"] == 0
    assert list(AuditEntry.objects.filter(object_type="case").values_list("action", flat=True)) == [
        "cases.record",
        "cases.conclude",
    ]


@pytest.mark.parametrize(
    ("concluded", "result", "message"),
    [
        (date(2023, 4, 1), "maintained", "审结日期不能早于立案日期"),
        (date(2023, 6, 1), "", "同时填写"),
        (None, "maintained", "同时填写"),
        (date(2023, 6, 1), "won", "结果应为"),
        (date(2024, 7, 1), "other", "晚于今天"),
    ],
)
def test_bad_cases_are_refused(world: World, concluded: date | None, result: str, message: str) -> None:
    with pytest.raises(ServiceError, match=message):
        record_case(
            actor=world.clerk_a,
            today=TODAY,
            kind="litigation_direct",
            filed_on=date(2023, 5, 1),
            concluded_on=concluded,
            result=result,
        )


def test_cases_link_only_to_the_agencys_own_applications(world: World) -> None:
    foreign = make_application(world.clerk_b, received=date(2023, 3, 1), today=TODAY)
    with pytest.raises(ServiceError, match="本机关"):
        record_case(
            actor=world.clerk_a, today=TODAY, kind="reconsideration", filed_on=date(2023, 5, 1), application=foreign
        )
    with pytest.raises(ServiceError):
        record_case(actor=world.supervisor_a, today=TODAY, kind="reconsideration", filed_on=date(2023, 5, 1))
