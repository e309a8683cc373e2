"""Writing cases: register one, then record its conclusion. Dates and results are checked by the core's
:class:`gongkai.procedure.statistics.Case`, so nothing is saved that the report could not count."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from gongkai.procedure.statistics import Case as CoreCase
from gongkai.procedure.statistics import CaseKind, CaseResult
from gongkai.web.agencies.models import Agency, User
from gongkai.web.audit.services import record
from gongkai.web.cases.models import CASE_KIND_LABELS, CASE_RESULT_LABELS, Case
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import Application

__all__ = ["conclude_case", "record_case"]


def _agency(actor: User) -> Agency:
    if not actor.is_agency_staff or actor.agency is None:
        raise ServiceError("只有本机关的工作人员可以登记案件")
    return actor.agency


def _check(kind: str, filed_on: date | None, concluded_on: date | None, result: str, today: date) -> None:
    if kind not in CASE_KIND_LABELS:
        raise ServiceError("请选择案件类型", field="kind")
    if filed_on is None:
        raise ServiceError("请填写立案日期", field="filed_on")
    if filed_on > today or (concluded_on is not None and concluded_on > today):
        raise ServiceError("日期不能晚于今天", field="concluded_on" if concluded_on else "filed_on")
    if result not in CASE_RESULT_LABELS:
        raise ServiceError("结果应为维持、纠正、其他或尚未审结", field="result")
    try:
        CoreCase(CaseKind(kind), filed_on, concluded_on, CaseResult(result) if result else None)
    except ValueError as exc:
        if "before" in str(exc):
            raise ServiceError("审结日期不能早于立案日期", field="concluded_on") from None
        raise ServiceError("已审结的案件请同时填写审结日期和结果；尚未审结的两项都不填", field="result") from None


def _snapshot(case: Case) -> dict[str, Any]:
    return {
        "kind": case.kind,
        "application": case.application_id,
        "case_number": case.case_number,
        "filed_on": case.filed_on.isoformat(),
        "concluded_on": case.concluded_on.isoformat() if case.concluded_on else None,
        "result": case.result,
    }


def record_case(
    *,
    actor: User,
    today: date,
    kind: str,
    filed_on: date | None,
    application: Application | None = None,
    case_number: str = "",
    body: str = "",
    concluded_on: date | None = None,
    result: str = "",
    note: str = "",
) -> Case:
    """A new case of the actor's agency; the linked application must be one of its own."""
    agency = _agency(actor)
    if application is not None and application.agency_id != agency.pk:
        raise ServiceError("只能关联本机关的申请", field="application")
    _check(kind, filed_on, concluded_on, result, today)
    assert filed_on is not None
    with transaction.atomic():
        case = Case(
            agency=agency,
            kind=kind,
            application=application,
            case_number=case_number.strip(),
            body=body.strip(),
            filed_on=filed_on,
            concluded_on=concluded_on,
            result=result,
            note=note.strip(),
            created_by=actor,
        )
        case.save()
        record(
            actor=actor,
            agency=agency,
            action="cases.record",
            object_type="case",
            object_id=case.pk,
            summary=f"登记{CASE_KIND_LABELS[kind]} {case.case_number}".strip(),
            after=_snapshot(case),
        )
    return case


def conclude_case(*, actor: User, today: date, case: Case, concluded_on: date | None, result: str) -> Case:
    """Record (or correct) how a case ended; an empty result with no date puts it back to 尚未审结."""
    agency = _agency(actor)
    if case.agency_id != agency.pk:
        raise ServiceError("只能修改本机关的案件")
    _check(case.kind, case.filed_on, concluded_on, result, today)
    with transaction.atomic():
        before = _snapshot(case)
        case.concluded_on, case.result = concluded_on, result
        case.save(update_fields=["concluded_on", "result"])
        record(
            actor=actor,
            agency=agency,
            action="cases.conclude",
            object_type="case",
            object_id=case.pk,
            summary=f"案件 {case} 结果：{CASE_RESULT_LABELS[result]}",
            before=before,
            after=_snapshot(case),
        )
    return case
