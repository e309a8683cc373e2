"""From stored events to :mod:`gongkai.procedure` and back: the one bridge to the deadline engine.

* :func:`procedure_events` turns the live (not voided) :class:`~gongkai.web.ledger.models.Event`
  rows into :class:`gongkai.procedure.Event` values. Workbench-only events (extension request,
  reply sent, void) do not move the clock and are left out; a withdrawal closes the application and
  is counted under 其他处理·其他 (``other_other``), gongkai's reading of a withdrawn application.
* :func:`derivation` turns :class:`gongkai.procedure.Deadlines` into what the application page
  shows and what is stored as the snapshot of a closed application.
* :func:`explain_error` gives an :class:`~gongkai.procedure.EventSequenceError` a Chinese sentence;
  the rule itself stays in the engine, only its message is translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from gongkai.procedure import (
    ConsultationKind,
    Count,
    Deadlines,
    Event,
    EventKind,
    EventSequenceError,
    decision,
)
from gongkai.web.ledger.models import Event as EventRow
from gongkai.web.ledger.models import EventType

__all__ = ["WITHDRAWAL_OUTCOME", "derivation", "explain_error", "live_events", "procedure_events"]

WITHDRAWAL_OUTCOME = "other_other"

_DIRECT: dict[str, EventKind] = {
    EventType.RECEIVED: EventKind.RECEIVED,
    EventType.CORRECTION_NOTICE: EventKind.CORRECTION_NOTICE,
    EventType.CORRECTED: EventKind.CORRECTED,
    EventType.CONSULTATION_SENT: EventKind.CONSULTATION_SENT,
    EventType.CONSULTATION_ANSWERED: EventKind.CONSULTATION_ANSWERED,
    EventType.EXTENSION_APPROVED: EventKind.EXTENSION_APPROVED,
    EventType.FEE_NOTICE: EventKind.FEE_NOTICE,
    EventType.FEE_PAID: EventKind.FEE_PAID,
    EventType.DECIDED: EventKind.DECIDED,
    EventType.WITHDRAWN: EventKind.DECIDED,
}


def live_events(rows: Iterable[EventRow]) -> list[EventRow]:
    """The events that count: neither a void nor voided, in date order then recorded order."""
    rows = list(rows)
    voided = {row.voids_id for row in rows if row.kind == EventType.VOIDED}
    return sorted(
        (r for r in rows if r.kind != EventType.VOIDED and r.pk not in voided),
        key=lambda r: (r.on, r.sequence),
    )


def procedure_events(rows: Iterable[EventRow]) -> list[Event]:
    """The engine's events for the live rows (see the module docstring for what is left out)."""
    found: list[Event] = []
    for row in rows:
        kind = _DIRECT.get(row.kind)
        if kind is None:
            continue
        outcome = None
        if row.kind == EventType.DECIDED:
            outcome = row.outcome
        elif row.kind == EventType.WITHDRAWN:
            outcome = WITHDRAWAL_OUTCOME
        found.append(
            Event(
                kind=kind,
                on=row.on,
                party=row.party,
                consultation=ConsultationKind(row.consultation) if row.consultation else ConsultationKind.THIRD_PARTY,
                outcome=outcome,
                correction_due=row.correction_due,
            )
        )
    return found


_STATUS_LABELS = {
    "on_time": "办理中",
    "due_soon": "即将到期",
    "overdue": "已超期",
    "awaiting_correction": "等待补正",
    "answered": "已按期答复",
    "answered_late": "逾期答复",
}
_PAUSE_LABELS = {"third_party": "征求第三方意见", "agency": "征求其他机关意见", "fee": "收费通知至缴费"}


def _count(count: Count | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"due": count.due.isoformat(), "working_days": count.working_days, "explain": count.explain()}


def derivation(deadlines: Deadlines) -> dict[str, Any]:
    """What the page shows and what a closed application keeps: dates, the derivation lines, the status."""
    outcome = deadlines.outcome
    return {
        "received": deadlines.received.isoformat(),
        "clock_start": None if deadlines.clock_start is None else deadlines.clock_start.isoformat(),
        "correction_notice_due": _count(deadlines.correction_notice_due),
        "answer_due": _count(deadlines.answer_due),
        "original_due": _count(deadlines.original_due),
        "extended": deadlines.extended,
        "fee_payment_due": _count(deadlines.fee_payment_due),
        "pauses": [
            {
                "first": p.first.isoformat(),
                "last": p.last.isoformat(),
                "reason": _PAUSE_LABELS.get(p.reason, p.reason),
                "limit": None if p.limit is None else p.limit.due.isoformat(),
            }
            for p in deadlines.pauses
        ],
        "decided": None if deadlines.decided is None else deadlines.decided.isoformat(),
        "outcome": outcome,
        "outcome_label": decision(outcome).label if outcome else "",
        "status": deadlines.status.value,
        "status_label": _STATUS_LABELS[deadlines.status.value],
        "provisional": deadlines.provisional,
        "reasons": list(deadlines.reasons),
        "remarks": list(deadlines.remarks),
        "computed_on": deadlines.today.isoformat(),
    }


_KIND_LABELS = {**{t.value: t.label for t in EventType}, "decided": "答复决定", "extension_approved": "批准延期"}
_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\w+) on (\S+) is before the receipt date (\S+)$"), "{k}日期 {1} 早于收到申请日期 {2}"),
    (re.compile(r"^(\w+) on (\S+) comes after the decision of (\S+)$"), "已于 {2} 作出答复，不能再记录{k}（{1}）"),
    (
        re.compile(r"^correction_notice on (\S+): a 补正 notice was already sent on (\S+)"),
        "已于 {1} 发出补正告知，补正应一次性告知（第三十条），不能再次告知",
    ),
    (re.compile(r"^corrected on (\S+): no 补正 notice was sent before it$"), "尚未发出补正告知，不能记录收到补正申请"),
    (re.compile(r"^corrected on (\S+): the corrected application already came on (\S+)$"), "已于 {1} 收到补正申请"),
    (
        re.compile(r"^extension_approved on (\S+): the one extension was already approved on (\S+)$"),
        "已于 {1} 批准延期，答复期限只能延长一次（第三十三条）",
    ),
    (re.compile(r"^consultation_sent on (\S+): (.+) is already consulted$"), "已在征求{1}的意见"),
    (re.compile(r"^consultation_answered on (\S+): no consultation of (.+) was sent$"), "尚未向{1}征求意见"),
    (re.compile(r"^consultation of (.+): answered before it was sent$"), "{0}的意见日期早于征求意见日期"),
    (re.compile(r"^fee_notice on (\S+): a fee notice was already sent on (\S+)$"), "已于 {1} 发出收费通知"),
    (re.compile(r"^fee_paid on (\S+): no fee notice was sent before it$"), "尚未发出收费通知，不能记录缴费"),
    (re.compile(r"^received on (\S+): the application was already received"), "该申请已登记收到"),
    (re.compile(r"^decided on (\S+): (.+) is an interim decision"), "{1} 是过程性告知，不是办理结果"),
]


def explain_error(error: EventSequenceError) -> str:
    """The engine's reason in Chinese; an unknown shape keeps the engine's own words after a prefix."""
    text = str(error)
    for pattern, template in _TRANSLATIONS:
        match = pattern.match(text)
        if match:
            groups = [m.strip("'") for m in match.groups()]
            kind = _KIND_LABELS.get(groups[0], groups[0])
            return template.format(*groups, k=kind).replace("{k}", kind)
    return f"事件顺序不成立：{text}"
