"""The working-day calendar: package years, unknown years (provisional), counting with pauses."""

from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai.procedure.workdays import (
    DayKind,
    WorkdayCalendar,
    YearSchedule,
    count_working_days,
    package_calendar,
)

CAL = package_calendar()


def test_package_years_cover_2004_to_2026() -> None:
    assert CAL.years[0] == 2004
    assert set(range(2004, 2027)) <= set(CAL.years)


@pytest.mark.parametrize("year", [2019, 2024, 2025, 2026])
def test_every_day_agrees_with_the_package(year: int) -> None:
    day = date(year, 1, 1)
    while day.year == year:
        assert CAL.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_day_kinds_from_the_2024_notice() -> None:
    # 国办发明电〔2023〕7号: 2月4日（星期日）上班; 2月10日至17日放假; 除夕 2月9日 is a working day in 2024
    assert CAL.kind(date(2024, 2, 4)) is DayKind.MAKEUP_WORKDAY
    assert CAL.kind(date(2024, 2, 10)) is DayKind.HOLIDAY
    assert CAL.kind(date(2024, 2, 9)) is DayKind.WORKDAY
    assert CAL.kind(date(2024, 3, 2)) is DayKind.WEEKEND
    assert CAL.holiday_name(date(2024, 2, 12)) == "春节"


def test_unknown_year_is_weekends_only() -> None:
    assert not CAL.is_official(2027)
    assert CAL.kind(date(2027, 1, 1)) is DayKind.WORKDAY  # a Friday: no schedule, so counted
    assert CAL.kind(date(2027, 1, 2)) is DayKind.WEEKEND
    assert "2027" in CAL.provisional_reason(2027)


def test_count_records_every_day() -> None:
    count = count_working_days(CAL, date(2024, 9, 27), 20)
    assert count.due == date(2024, 10, 30)
    assert len(count.counted) == 20
    assert date(2024, 9, 29) in count.makeup_workdays and date(2024, 10, 12) in count.makeup_workdays
    assert [d for d, _ in count.holidays] == [date(2024, 10, d) for d in range(1, 8)]
    span = (count.due - count.start).days
    assert len(count.counted) + len(count.weekends) + len(count.holidays) + len(count.paused) == span
    assert not count.provisional
    assert any("调休" in line for line in count.explain())


def test_count_with_zero_days_is_the_start() -> None:
    assert count_working_days(CAL, date(2024, 5, 1), 0).due == date(2024, 5, 1)


def test_bad_counts_are_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        count_working_days(CAL, date(2024, 5, 1), -1)
    with pytest.raises(ValueError, match="ends before"):
        count_working_days(CAL, date(2024, 5, 1), 3, [(date(2024, 5, 9), date(2024, 5, 8))])


def test_schedule_validation() -> None:
    with pytest.raises(ValueError, match="not a Saturday or Sunday"):
        YearSchedule(2030, {}, {date(2030, 1, 2): "x"}, "test")
    with pytest.raises(ValueError, match="not in 2030"):
        YearSchedule(2030, {date(2031, 1, 1): "x"}, {}, "test")
    with pytest.raises(ValueError, match="both"):
        YearSchedule(2030, {date(2030, 1, 5): "x"}, {date(2030, 1, 5): "x"}, "test")


def test_with_schedules_gives_a_new_calendar() -> None:
    extra = YearSchedule(2027, {date(2027, 1, 1): "元旦"}, {}, "test fixture")
    newer = CAL.with_schedules([extra])
    assert newer.is_official(2027) and not CAL.is_official(2027)
    assert newer.kind(date(2027, 1, 1)) is DayKind.HOLIDAY
    assert CAL.kind(date(2027, 1, 1)) is DayKind.WORKDAY
    assert newer.fingerprint([2027]) != CAL.fingerprint([2027])
    assert newer.fingerprint([2025]) == CAL.fingerprint([2025])


def test_next_workday_skips_a_holiday_run() -> None:
    assert CAL.next_workday(date(2025, 10, 1)) == date(2025, 10, 9)
    assert WorkdayCalendar.of([]).next_workday(date(2025, 10, 1)) == date(2025, 10, 1)


def test_provisional_years_are_the_years_walked() -> None:
    assert count_working_days(CAL, date(2026, 12, 31), 3).unofficial_years == (2027,)
    assert count_working_days(CAL, date(2027, 12, 31), 3).unofficial_years == (2028,)
    assert count_working_days(CAL, date(2026, 12, 1), 3).unofficial_years == ()
    assert count_working_days(CAL, date(2027, 6, 1), 0).unofficial_years == ()
