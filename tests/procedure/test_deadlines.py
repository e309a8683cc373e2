"""The answer clock: holidays and make-up workdays of 2024–2026, 补正, extension, pauses, status.

Hand-checked cases: every expected date in HAND_CHECKED was counted on paper, day by day, from the
State Council holiday notices — 2024: 国办发明电〔2023〕7号; 2025: 国办发明电〔2024〕12号; 2026: the
notice on the 2026 holidays (国办发明电〔2025〕7号) — not from the code or the chinesecalendar package.
The sweep below adds every holiday and make-up workday of those years against an independent
oracle (``chinese_calendar.is_workday``).
"""

from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai.procedure.deadlines import EventSequenceError, Status, answer_due, compute, recompute
from gongkai.procedure.events import Channel, ConsultationKind, Event, EventKind, receipt_date
from gongkai.procedure.workdays import YearSchedule, count_working_days, package_calendar

CAL = package_calendar()
D = date

HAND_CHECKED = [
    # (received, due after 20 working days, how it was counted by hand)
    (D(2024, 2, 8), D(2024, 3, 13), "2.9 除夕 worked (1); 2.10–17 off; 2.18 Sun worked (2); ... 3.13 (20)"),
    (D(2024, 2, 18), D(2024, 3, 15), "receipt on the make-up Sunday 2.18; 2.19 (1) ... 3.15 (20)"),
    (D(2024, 4, 3), D(2024, 5, 6), "4.4–6 off; 4.7 Sun worked (1); 4.28 Sun worked (17); 5.1–5 off; 5.6 (20)"),
    (D(2024, 4, 30), D(2024, 5, 30), "5.1–5 off; 5.6–10 (5); 5.11 Sat worked (6); 5.30 (20)"),
    (D(2024, 6, 7), D(2024, 7, 8), "6.10 端午 off; 6.11 (1) ... 7.8 (20)"),
    (D(2024, 9, 13), D(2024, 10, 17), "9.14 Sat worked (1); 9.15–17 off; 9.29 Sun (10); 10.1–7 off; 10.12 Sat (16)"),
    (D(2024, 9, 27), D(2024, 10, 30), "9.29 Sun (1); 9.30 (2); 10.1–7 off; 10.12 Sat (7); 10.30 (20)"),
    (D(2024, 12, 20), D(2025, 1, 20), "year crossing: 12.31 (7); 2025-1.1 off; 1.20 (20)"),
    (D(2025, 1, 24), D(2025, 2, 27), "1.26 Sun (1); 1.27 (2); 1.28–2.4 off; 2.8 Sat (6); 2.27 (20)"),
    (D(2025, 4, 25), D(2025, 5, 27), "4.27 Sun (1); 5.1–5 off; 5.6 (5); 5.27 (20)"),
    (D(2025, 5, 30), D(2025, 6, 30), "5.31–6.2 off; 6.3 (1) ... 6.30 (20)"),
    (D(2025, 9, 26), D(2025, 10, 30), "9.28 Sun (1); 10.1–8 off; 10.11 Sat (6); 10.30 (20)"),
    (D(2025, 12, 31), D(2026, 1, 29), "year crossing: 1.1–3 off; 1.4 Sun worked (1); 1.29 (20)"),
    (D(2026, 2, 13), D(2026, 3, 19), "2.14 Sat (1); 2.15–23 off; 2.28 Sat (6); 3.19 (20)"),
    (D(2026, 9, 30), D(2026, 11, 3), "10.1–7 off; 10.10 Sat (3); 11.3 (20)"),
    (D(2025, 10, 3), D(2025, 11, 4), "receipt on a holiday: counting starts 10.9 (1); 10.11 Sat (3)"),
    (D(2024, 6, 15), D(2024, 7, 12), "receipt on a Saturday: 6.17 (1) ... 7.12 (20)"),
]


@pytest.mark.parametrize(("received", "due", "how"), HAND_CHECKED)
def test_hand_checked_due_dates(received: date, due: date, how: str) -> None:
    count = answer_due(CAL, received)
    assert count.due == due, how
    assert not count.provisional


def _oracle(start: date, days: int) -> date:
    """An independent count over the package's own API, one day at a time."""
    day = start
    while days:
        day += timedelta(days=1)
        days -= chinese_calendar.is_workday(day)
    return day


def _special_days() -> list[date]:
    days: set[date] = set()
    for year in (2024, 2025, 2026):
        schedule = CAL.schedule(year)
        assert schedule is not None
        for first, last, _ in schedule.periods():
            days |= {first - timedelta(days=1), first, last, last + timedelta(days=1)}
        for worked in schedule.makeup_workdays:
            days |= {worked - timedelta(days=1), worked, worked + timedelta(days=1)}
    return sorted(d for d in days if d.year <= 2026 and d <= date(2026, 11, 30))


@pytest.mark.parametrize("received", _special_days())
def test_before_on_and_after_every_holiday_and_makeup_day(received: date) -> None:
    assert count_working_days(CAL, received, 7).due == _oracle(received, 7)
    assert answer_due(CAL, received).due == _oracle(received, 20)
    assert answer_due(CAL, received, extended=True).due == _oracle(received, 40)


def test_unknown_future_year_is_provisional() -> None:
    # 2026-12-21 (Mon): 12.22–25 (4), 12.28–31 (8); 2027 has no schedule, so 1.1 (Fri) counts (9) … 1.18 (20)
    count = answer_due(CAL, D(2026, 12, 21))
    assert count.due == D(2027, 1, 18)
    assert count.provisional
    assert any("2027" in r for r in count.reasons)
    assert any(line.startswith("暂定") for line in count.explain())


def test_loading_the_year_makes_it_official() -> None:
    schedule = YearSchedule(2027, {D(2027, 1, 1): "元旦"}, {}, "test fixture, not an official notice")
    count = answer_due(CAL.with_schedules([schedule]), D(2026, 12, 21))
    assert count.due == D(2027, 1, 19)
    assert not count.provisional


def test_correction_restarts_the_clock() -> None:
    # received 2024-04-30: notice due 7 working days later = 5.13 (5.6–10, 5.11 Sat, 5.13);
    # corrected 5.20: 20 working days with 6.10 端午 off → 6.18 (hand-checked against 国办发明电〔2023〕7号)
    events = [
        Event(EventKind.RECEIVED, D(2024, 4, 30), channel=Channel.ONLINE),
        Event(EventKind.CORRECTION_NOTICE, D(2024, 5, 8), correction_due=D(2024, 5, 22)),
        Event(EventKind.CORRECTED, D(2024, 5, 20)),
    ]
    result = compute(events, CAL, today=D(2024, 5, 21))
    assert result.correction_notice_due.due == D(2024, 5, 13)
    assert result.clock_start == D(2024, 5, 20)
    assert result.answer_due is not None and result.answer_due.due == D(2024, 6, 18)
    assert answer_due(CAL, D(2024, 4, 30), corrected=D(2024, 5, 20)).due == D(2024, 6, 18)
    assert result.correction_due == D(2024, 5, 22)
    assert result.remarks == ()


def test_waiting_for_the_correction_stops_the_clock() -> None:
    events = [
        Event(EventKind.RECEIVED, D(2024, 4, 30)),
        Event(EventKind.CORRECTION_NOTICE, D(2024, 5, 20)),
    ]
    result = compute(events, CAL, today=D(2024, 5, 21))
    assert result.status is Status.AWAITING_CORRECTION
    assert result.answer_due is None
    assert "after its due date" in result.remarks[0]


def test_extension_adds_twenty_working_days_once() -> None:
    # received 2024-12-20: due 2025-01-20; +20: 1.26 Sun (25), 1.28–2.4 off, 2.8 Sat (30), 2.21 (40)
    events = [Event(EventKind.RECEIVED, D(2024, 12, 20)), Event(EventKind.EXTENSION_APPROVED, D(2025, 1, 15))]
    result = compute(events, CAL, today=D(2025, 1, 16))
    assert result.original_due is not None and result.original_due.due == D(2025, 1, 20)
    assert result.answer_due is not None and result.answer_due.due == D(2025, 2, 21)
    assert result.extended
    assert answer_due(CAL, D(2024, 12, 20), extended=True).due == D(2025, 2, 21)


def test_pause_is_inclusive() -> None:
    # two working days paused (10.8, 10.9) move 2024-10-30 to 11.1
    count = answer_due(CAL, D(2024, 9, 27), pauses=[(D(2024, 10, 8), D(2024, 10, 9))])
    assert count.due == D(2024, 11, 1)
    assert count.paused == (D(2024, 10, 8), D(2024, 10, 9))


def test_third_party_consultation_is_not_counted() -> None:
    # received 2025-03-03; without a pause due 3.31. Consulted 3.10–3.14: five working days not
    # counted → 4.1, 4.2, 4.3, (4.4–6 清明 off, 国办发明电〔2024〕12号), 4.7, 4.8
    events = [
        Event(EventKind.RECEIVED, D(2025, 3, 3)),
        Event(EventKind.CONSULTATION_SENT, D(2025, 3, 10), party="A公司"),
        Event(EventKind.CONSULTATION_ANSWERED, D(2025, 3, 14), party="A公司"),
    ]
    result = compute(events, CAL, today=D(2025, 3, 20))
    assert result.answer_due is not None and result.answer_due.due == D(2025, 4, 8)
    assert result.pauses[0].reason == "third_party"


def test_unanswered_consultation_runs_to_the_fifteenth_working_day() -> None:
    events = [
        Event(EventKind.RECEIVED, D(2025, 3, 3)),
        Event(EventKind.CONSULTATION_SENT, D(2025, 3, 10), party="B", consultation=ConsultationKind.AGENCY),
    ]
    result = compute(events, CAL, today=D(2025, 3, 20))
    assert result.pauses[0].last == D(2025, 3, 31)
    assert result.answer_due is not None and result.answer_due.due == D(2025, 4, 23)


def test_fee_period_setting() -> None:
    events = [
        Event(EventKind.RECEIVED, D(2025, 3, 3)),
        Event(EventKind.FEE_NOTICE, D(2025, 3, 10)),
        Event(EventKind.FEE_PAID, D(2025, 3, 12)),
    ]
    paused = compute(events, CAL, today=D(2025, 3, 20))
    counted = compute(events, CAL, today=D(2025, 3, 20), fee_period_pauses=False)
    assert counted.answer_due is not None and counted.answer_due.due == D(2025, 3, 31)
    assert paused.answer_due is not None and paused.answer_due.due == D(2025, 4, 3)
    assert paused.fee_payment_due is not None and paused.fee_payment_due.due == D(2025, 4, 8)


@pytest.mark.parametrize(
    ("today", "decided", "status"),
    [
        (D(2024, 10, 20), None, Status.ON_TIME),
        (D(2024, 10, 25), None, Status.DUE_SOON),
        (D(2024, 10, 30), None, Status.DUE_SOON),
        (D(2024, 10, 31), None, Status.OVERDUE),
        (D(2024, 11, 5), D(2024, 10, 30), Status.ANSWERED),
        (D(2024, 11, 5), D(2024, 10, 31), Status.ANSWERED_LATE),
    ],
)
def test_status(today: date, decided: date | None, status: Status) -> None:
    events = [Event(EventKind.RECEIVED, D(2024, 9, 27))]
    if decided:
        events.append(Event(EventKind.DECIDED, decided, outcome="granted"))
    assert compute(events, CAL, today=today).status is status


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [Event(EventKind.DECIDED, D(2024, 1, 2), outcome="granted"), Event(EventKind.RECEIVED, D(2024, 1, 3))],
            "before the receipt date",
        ),
        (
            [
                Event(EventKind.RECEIVED, D(2024, 1, 3)),
                Event(EventKind.EXTENSION_APPROVED, D(2024, 1, 20)),
                Event(EventKind.EXTENSION_APPROVED, D(2024, 1, 25)),
            ],
            "already approved",
        ),
        ([Event(EventKind.RECEIVED, D(2024, 1, 3)), Event(EventKind.CORRECTED, D(2024, 1, 8))], "no 补正 notice"),
        (
            [
                Event(EventKind.RECEIVED, D(2024, 1, 3)),
                Event(EventKind.CORRECTION_NOTICE, D(2024, 1, 4)),
                Event(EventKind.CORRECTION_NOTICE, D(2024, 1, 5)),
            ],
            "一次性告知",
        ),
        (
            [
                Event(EventKind.RECEIVED, D(2024, 1, 3)),
                Event(EventKind.DECIDED, D(2024, 1, 4), outcome="granted"),
                Event(EventKind.EXTENSION_APPROVED, D(2024, 1, 5)),
            ],
            "after the decision",
        ),
        ([Event(EventKind.RECEIVED, D(2024, 1, 3)), Event(EventKind.FEE_PAID, D(2024, 1, 5))], "no fee notice"),
        (
            [Event(EventKind.RECEIVED, D(2024, 1, 3)), Event(EventKind.CONSULTATION_ANSWERED, D(2024, 1, 5))],
            "no consultation",
        ),
        ([Event(EventKind.RECEIVED, D(2024, 1, 3)), Event(EventKind.RECEIVED, D(2024, 1, 5))], "already received"),
        (
            [
                Event(EventKind.RECEIVED, D(2024, 1, 3)),
                Event(EventKind.DECIDED, D(2024, 1, 4), outcome="extension_notice"),
            ],
            "interim",
        ),
        ([], "no receipt"),
    ],
)
def test_impossible_sequences_are_rejected(events: list[Event], message: str) -> None:
    with pytest.raises(EventSequenceError, match=message):
        compute(events, CAL, today=D(2024, 2, 1))


def test_a_decision_needs_an_outcome() -> None:
    with pytest.raises(ValueError, match="outcome is missing"):
        Event(EventKind.DECIDED, D(2024, 1, 4))


def test_receipt_date_by_channel() -> None:
    assert receipt_date("in_person", submitted=D(2024, 3, 1)) == D(2024, 3, 1)
    assert receipt_date(Channel.POST_SIGNED, submitted=D(2024, 3, 1), signed_for=D(2024, 3, 4)) == D(2024, 3, 4)
    assert receipt_date(Channel.POST_UNSIGNED, confirmed=D(2024, 3, 5)) == D(2024, 3, 5)
    assert receipt_date(Channel.ONLINE, submitted=D(2024, 3, 1), confirmed=D(2024, 3, 2)) == D(2024, 3, 2)
    with pytest.raises(ValueError, match="confirmed"):
        receipt_date(Channel.FAX, submitted=D(2024, 3, 1))
    with pytest.raises(ValueError, match="not one of"):
        receipt_date("pigeon", submitted=D(2024, 3, 1))


def test_closed_applications_keep_their_dates_open_ones_recompute() -> None:
    later = CAL.with_schedules([YearSchedule(2027, {D(2027, 1, 1): "元旦"}, {}, "test fixture")])
    open_events = [Event(EventKind.RECEIVED, D(2026, 12, 21))]
    closed_events = [*open_events, Event(EventKind.DECIDED, D(2027, 1, 18), outcome="granted")]
    before_open = compute(open_events, CAL, today=D(2027, 1, 4))
    before_closed = compute(closed_events, CAL, today=D(2027, 1, 20))
    assert before_open.provisional and before_closed.status is Status.ANSWERED
    after_open = recompute(before_open, open_events, later, today=D(2027, 1, 4))
    after_closed = recompute(before_closed, closed_events, later, today=D(2027, 1, 20))
    assert after_open.answer_due is not None and after_open.answer_due.due == D(2027, 1, 19)
    assert not after_open.provisional
    assert after_closed is before_closed


def test_json_carries_the_derivation() -> None:
    data = compute([Event(EventKind.RECEIVED, D(2024, 9, 27))], CAL, today=D(2024, 10, 1)).to_json()
    assert isinstance(data["answer_due"], dict) and data["answer_due"]["due"] == "2024-10-30"
    assert data["status"] == "on_time" and data["provisional"] is False
