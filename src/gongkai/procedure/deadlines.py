"""The statutory clock of one application: every due date, with its derivation, and the status.

Rules (articles from :func:`gongkai.procedure.rules.rules`, periods from formats.yaml):

* 补正 notice due: 7 working days after receipt (第三十条), sent once.
* Answer due: 20 working days after receipt (第三十三条), the day of receipt not counted; after a
  补正 the clock starts again from the day the corrected application is received.
* Extension: +20 working days, once, only with an approval event.
* Not counted (第三十三条第二款): consultation of third parties (第三十二条) and other agencies
  (第三十四条), from the day the request is sent to the day the answer arrives, at most to the 15th
  working day (the respondent's limit); the fee period from the fee notice to payment (or to the end
  of the 20-working-day payment period) — the texts read do not settle this one, so it is the
  setting ``fee_period_pauses`` (default from formats.yaml: paused, i.e. not counted).

Time is injected: :func:`compute` takes ``today`` and the calendar and never reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from gongkai.procedure.events import ConsultationKind, Event, EventKind
from gongkai.procedure.outcomes import decision
from gongkai.procedure.rules import rules
from gongkai.procedure.workdays import Count, WorkdayCalendar, count_working_days

__all__ = [
    "Deadlines",
    "EventSequenceError",
    "Pause",
    "Status",
    "answer_due",
    "compute",
    "recompute",
]


class EventSequenceError(ValueError):
    """Events that cannot have happened in this order; the message says which event and why."""


class Status(StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    AWAITING_CORRECTION = "awaiting_correction"  # the clock waits for the corrected application
    ANSWERED = "answered"  # decided on or before the due date
    ANSWERED_LATE = "answered_late"


@dataclass(frozen=True)
class Pause:
    """An inclusive interval not counted in the answer period, and why."""

    first: date
    last: date
    reason: str
    limit: Count | None = None  # the respondent's own period (consultations, fee payment)

    def to_json(self) -> dict[str, object]:
        return {
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "reason": self.reason,
            "limit": None if self.limit is None else self.limit.due.isoformat(),
        }


@dataclass(frozen=True)
class Deadlines:
    """Everything the clock says about one application on ``today``."""

    today: date
    received: date
    correction_notice_due: Count
    clock_start: date | None
    answer_due: Count | None  # None while a 补正 is awaited
    original_due: Count | None  # the 20-day due date, before any extension
    extended: bool
    pauses: tuple[Pause, ...]
    fee_payment_due: Count | None
    correction_due: date | None
    decided: date | None
    outcome: str | None
    status: Status
    remarks: tuple[str, ...]

    @property
    def closed(self) -> bool:
        """A decided application: its dates are final and must never be recomputed."""
        return self.decided is not None

    @property
    def provisional(self) -> bool:
        counts = (self.correction_notice_due, self.answer_due, self.fee_payment_due)
        return any(c is not None and c.provisional for c in counts) or any(
            p.limit is not None and p.limit.provisional for p in self.pauses
        )

    @property
    def reasons(self) -> tuple[str, ...]:
        found: list[str] = []
        counts = [self.correction_notice_due, self.answer_due, self.fee_payment_due]
        counts += [p.limit for p in self.pauses]
        for count in counts:
            if count is not None:
                found += [r for r in count.reasons if r not in found]
        return tuple(found)

    def to_json(self) -> dict[str, object]:
        def one(count: Count | None) -> dict[str, object] | None:
            return None if count is None else count.to_json()

        return {
            "today": self.today.isoformat(),
            "received": self.received.isoformat(),
            "correction_notice_due": one(self.correction_notice_due),
            "clock_start": None if self.clock_start is None else self.clock_start.isoformat(),
            "answer_due": one(self.answer_due),
            "original_due": one(self.original_due),
            "extended": self.extended,
            "pauses": [p.to_json() for p in self.pauses],
            "fee_payment_due": one(self.fee_payment_due),
            "correction_due": None if self.correction_due is None else self.correction_due.isoformat(),
            "decided": None if self.decided is None else self.decided.isoformat(),
            "outcome": self.outcome,
            "status": self.status.value,
            "provisional": self.provisional,
            "reasons": list(self.reasons),
            "remarks": list(self.remarks),
        }


def answer_due(
    calendar: WorkdayCalendar,
    received: date,
    *,
    corrected: date | None = None,
    extended: bool = False,
    pauses: Sequence[tuple[date, date]] = (),
) -> Count:
    """The answer due date alone: 20 (or 40 with the extension) working days after the clock start."""
    if corrected is not None and corrected < received:
        raise EventSequenceError(
            f"corrected: {corrected.isoformat()} is before the receipt date {received.isoformat()}"
        )
    r = rules()
    days = r.reply_working_days + (r.extension_working_days if extended else 0)
    return count_working_days(calendar, corrected or received, days, pauses)


def _ordered(events: Iterable[Event]) -> list[Event]:
    """Events by date; same-day events keep their recorded order."""
    return sorted(events, key=lambda e: e.on)


def compute(
    events: Iterable[Event],
    calendar: WorkdayCalendar,
    today: date,
    *,
    fee_period_pauses: bool | None = None,
    due_soon_working_days: int | None = None,
) -> Deadlines:
    """Every date of one application from its events; :class:`EventSequenceError` on an impossible order."""
    r = rules()
    pause_fee = r.fee_period_pauses_clock if fee_period_pauses is None else fee_period_pauses
    soon = r.due_soon_working_days if due_soon_working_days is None else due_soon_working_days
    ordered = _ordered(events)
    if not ordered or ordered[0].kind is not EventKind.RECEIVED:
        first = ordered[0] if ordered else None
        if first is None or not any(e.kind is EventKind.RECEIVED for e in ordered):
            raise EventSequenceError("events: there is no receipt event")
        received_on = next(e.on for e in ordered if e.kind is EventKind.RECEIVED)
        raise EventSequenceError(
            f"{first.kind.value} on {first.on.isoformat()} is before the receipt date {received_on.isoformat()}"
        )
    received = ordered[0].on
    notice: date | None = None
    correction_due: date | None = None
    corrected: date | None = None
    extension: date | None = None
    consultations: dict[str, tuple[date, ConsultationKind]] = {}
    pauses: list[Pause] = []
    fee_notice: date | None = None
    fee_count: Count | None = None
    decided: date | None = None
    outcome: str | None = None
    remarks: list[str] = []
    for event in ordered[1:]:
        when = event.on.isoformat()
        if decided is not None:
            raise EventSequenceError(f"{event.kind.value} on {when} comes after the decision of {decided.isoformat()}")
        kind = event.kind
        if kind is EventKind.RECEIVED:
            raise EventSequenceError(f"received on {when}: the application was already received on {received}")
        if kind is EventKind.CORRECTION_NOTICE:
            if notice is not None:
                raise EventSequenceError(
                    f"correction_notice on {when}: a 补正 notice was already sent on {notice.isoformat()}"
                    f" (第三十条: 一次性告知)"
                )
            notice, correction_due = event.on, event.correction_due
        elif kind is EventKind.CORRECTED:
            if notice is None:
                raise EventSequenceError(f"corrected on {when}: no 补正 notice was sent before it")
            if corrected is not None:
                raise EventSequenceError(f"corrected on {when}: the corrected application already came on {corrected}")
            corrected = event.on
        elif kind is EventKind.EXTENSION_APPROVED:
            if extension is not None:
                raise EventSequenceError(
                    f"extension_approved on {when}: the one extension was already approved on {extension.isoformat()}"
                )
            extension = event.on
        elif kind is EventKind.CONSULTATION_SENT:
            if event.party in consultations:
                raise EventSequenceError(
                    f"consultation_sent on {when}: {event.party or 'the party'} is already consulted"
                )
            consultations[event.party] = (event.on, event.consultation)
        elif kind is EventKind.CONSULTATION_ANSWERED:
            if event.party not in consultations:
                raise EventSequenceError(
                    f"consultation_answered on {when}: no consultation of {event.party or 'this party'} was sent"
                )
            pauses.append(_consultation(calendar, *consultations.pop(event.party), event.on))
        elif kind is EventKind.FEE_NOTICE:
            if fee_notice is not None:
                raise EventSequenceError(f"fee_notice on {when}: a fee notice was already sent on {fee_notice}")
            fee_notice = event.on
            fee_count = count_working_days(calendar, event.on, r.fee_payment_working_days)
        elif kind is EventKind.FEE_PAID:
            if fee_notice is None or fee_count is None:
                raise EventSequenceError(f"fee_paid on {when}: no fee notice was sent before it")
            if pause_fee:
                pauses.append(Pause(fee_notice, event.on, "fee", fee_count))
            fee_notice = None
        elif kind is EventKind.DECIDED:
            decided, outcome = event.on, str(event.outcome)
            if not decision(outcome).final:
                raise EventSequenceError(f"decided on {when}: {outcome!r} is an interim decision, not a final one")
    # pauses still open: a consultation runs to its 15-day limit (or the decision), an unpaid fee
    # period to the end of the payment period
    for party, (sent, ckind) in consultations.items():
        pauses.append(_consultation(calendar, sent, ckind, decided, party=party))
    if fee_notice is not None and fee_count is not None and pause_fee:
        end = fee_count.due if decided is None else min(decided, fee_count.due)
        pauses.append(Pause(fee_notice, end, "fee", fee_count))
    pauses.sort(key=lambda p: p.first)
    intervals = [(p.first, p.last) for p in pauses]
    notice_due = count_working_days(calendar, received, r.correction_notice_working_days)
    if notice is not None and notice > notice_due.due:
        remarks.append(
            f"the 补正 notice of {notice.isoformat()} was sent after its due date {notice_due.due.isoformat()}"
        )
    due: Count | None = None
    original: Count | None = None
    clock_start: date | None = received
    if notice is not None and corrected is None:
        clock_start = None
    else:
        start = corrected or received
        if extension is None:
            original = due = count_working_days(calendar, start, r.reply_working_days, intervals)
        else:
            original = count_working_days(calendar, start, r.reply_working_days, intervals)
            due = count_working_days(calendar, start, r.reply_working_days + r.extension_working_days, intervals)
            if extension > original.due:
                remarks.append(
                    f"the extension was approved on {extension.isoformat()}, after the due date {original.due}"
                )
        clock_start = start
    status = _status(calendar, today, due, decided, soon)
    return Deadlines(
        today=today,
        received=received,
        correction_notice_due=notice_due,
        clock_start=clock_start,
        answer_due=due,
        original_due=original,
        extended=extension is not None,
        pauses=tuple(pauses),
        fee_payment_due=fee_count,
        correction_due=correction_due,
        decided=decided,
        outcome=outcome,
        status=status,
        remarks=tuple(remarks),
    )


def _consultation(
    calendar: WorkdayCalendar,
    sent: date,
    kind: ConsultationKind,
    answered: date | None,
    party: str = "",
) -> Pause:
    """The paused interval of one consultation: from sending to the answer, at most to the 15th working day."""
    r = rules()
    limit_days = (
        r.third_party_working_days if kind is ConsultationKind.THIRD_PARTY else r.joint_information_working_days
    )
    limit = count_working_days(calendar, sent, limit_days)
    last = limit.due if answered is None else min(answered, limit.due)
    if last < sent:
        raise EventSequenceError(f"consultation of {party or kind.value}: answered before it was sent")
    return Pause(sent, last, kind.value, limit)


def _status(calendar: WorkdayCalendar, today: date, due: Count | None, decided: date | None, soon: int) -> Status:
    if due is None:
        return Status.AWAITING_CORRECTION if decided is None else Status.ANSWERED
    if decided is not None:
        return Status.ANSWERED if decided <= due.due else Status.ANSWERED_LATE
    if today > due.due:
        return Status.OVERDUE
    remaining = 0
    day = today
    one = timedelta(days=1)
    while day < due.due and remaining <= soon:
        day += one
        remaining += calendar.is_workday(day)
    return Status.DUE_SOON if remaining <= soon else Status.ON_TIME


def recompute(
    previous: Deadlines | None,
    events: Iterable[Event],
    calendar: WorkdayCalendar,
    today: date,
    *,
    fee_period_pauses: bool | None = None,
    due_soon_working_days: int | None = None,
) -> Deadlines:
    """Recompute an open application (e.g. after a year's schedule was loaded); a closed one is kept.

    The dates of a decided application are part of the record — an answer given on time under the
    calendar of the day stays on time — so ``previous`` is returned unchanged when it is closed.
    """
    if previous is not None and previous.closed:
        return previous
    return compute(
        events,
        calendar,
        today,
        fee_period_pauses=fee_period_pauses,
        due_soon_working_days=due_soon_working_days,
    )
