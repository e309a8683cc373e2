"""The working-day calendar (工作日): weekends, official holidays and make-up workdays (调休).

Every statutory period of the 条例 is in working days, and a Chinese working day is not "Monday to
Friday": each year the State Council announces holidays and weekend days that are worked instead
(调休). The schedule is data, one :class:`YearSchedule` per year — seeded from the ``chinesecalendar``
package for the years it knows, and from a plain TOML file per year (see :mod:`.calendar_files`) that
an administrator loads when a new notice is published.

A year with no schedule is never a crash and never a silent guess: it is counted from weekends alone
and every result that touched it says so (:attr:`Count.provisional`, :attr:`Count.reasons`).

The calendar is an immutable value injected into every computation; loading a year gives a *new*
calendar, so the workbench can recompute open applications and leave closed ones alone.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cache, cached_property

__all__ = [
    "Count",
    "DayKind",
    "WorkdayCalendar",
    "YearSchedule",
    "count_working_days",
    "package_calendar",
    "package_schedules",
    "provisional_reason",
]

HOLIDAY_NAMES: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
"""The ``chinesecalendar`` holiday names (English) → the names printed in the State Council notices."""


def provisional_reason(year: int) -> str:
    """Why a result touching ``year`` is provisional (said in every derivation that counted in it)."""
    return f"{year}年尚无国务院节假日安排，仅按周末计算工作日（no official holiday schedule for {year})"


class DayKind(StrEnum):
    """What one calendar day is for the counting of periods."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"  # 调休上班: a Saturday or Sunday that is worked


_CODES: tuple[DayKind, ...] = (DayKind.WORKDAY, DayKind.WEEKEND, DayKind.HOLIDAY, DayKind.MAKEUP_WORKDAY)


@dataclass(frozen=True)
class YearSchedule:
    """The official schedule of one year: holidays (with names), make-up workdays, where it comes from."""

    year: int
    holidays: Mapping[date, str]
    makeup_workdays: Mapping[date, str]
    source: str
    origin: str = ""

    def __post_init__(self) -> None:
        for day in (*self.holidays, *self.makeup_workdays):
            if day.year != self.year:
                raise ValueError(f"schedule {self.year}: {day.isoformat()} is not in {self.year}")
        for day in self.makeup_workdays:
            if day in self.holidays:
                raise ValueError(f"schedule {self.year}: {day.isoformat()} is both a holiday and a workday")
            if day.weekday() < 5:
                raise ValueError(f"schedule {self.year}: make-up workday {day.isoformat()} is not a Saturday or Sunday")

    def periods(self) -> list[tuple[date, date, str]]:
        """Runs of consecutive holidays as (first, last, names) — how the notices print them."""
        runs: list[tuple[date, date, list[str]]] = []
        for day in sorted(self.holidays):
            name = self.holidays[day]
            if runs and runs[-1][1] + timedelta(days=1) == day:
                first, _, names = runs[-1]
                runs[-1] = (first, day, names if name in names else [*names, name])
            else:
                runs.append((day, day, [name]))
        return [(first, last, "、".join(names)) for first, last, names in runs]

    def fingerprint(self) -> str:
        """A short digest of the dates, so a stored result can tell whether the schedule changed."""
        text = ";".join(
            [str(self.year)]
            + [f"h{d.isoformat()}" for d in sorted(self.holidays)]
            + [f"w{d.isoformat()}" for d in sorted(self.makeup_workdays)]
        )
        return hashlib.sha256(text.encode()).hexdigest()[:16]


_Fates = tuple[tuple[date, ...], tuple[date, ...], tuple[tuple[date, str], ...], tuple[date, ...], tuple[date, ...]]
"""Days by fate: counted, weekends, holidays (with names), make-up workdays, paused."""


@dataclass(frozen=True)
class Count:
    """A counted period and how it was worked out (the derivation an applicant may ask for).

    ``start`` is the triggering day, itself not counted; ``due`` is the day the ``working_days``-th
    counted working day falls on. Days in the inclusive ``pauses`` intervals are not counted.
    """

    start: date
    working_days: int
    due: date
    pauses: tuple[tuple[date, date], ...]
    unofficial_years: tuple[int, ...]
    calendar: WorkdayCalendar = field(repr=False, compare=False)

    @cached_property
    def _days(
        self,
    ) -> tuple[tuple[date, ...], tuple[date, ...], tuple[tuple[date, str], ...], tuple[date, ...], tuple[date, ...]]:
        """Every day from ``start`` (excluded) to ``due``, sorted by fate; walked only when asked for."""
        return _classify(self.calendar, self.start, self.due, self.pauses)

    @property
    def counted(self) -> tuple[date, ...]:
        """The working days counted, in order (the last one is ``due``)."""
        return self._days[0]

    @property
    def weekends(self) -> tuple[date, ...]:
        return self._days[1]

    @property
    def holidays(self) -> tuple[tuple[date, str], ...]:
        """Official holidays skipped, with their names (weekend days inside a holiday run included)."""
        return self._days[2]

    @property
    def makeup_workdays(self) -> tuple[date, ...]:
        """Weekend days counted because they were make-up workdays (调休上班)."""
        return self._days[3]

    @property
    def paused(self) -> tuple[date, ...]:
        """Working days inside a pause, not counted."""
        return self._days[4]

    @property
    def provisional(self) -> bool:
        """True when a day was counted in a year without an official schedule (weekends only)."""
        return bool(self.unofficial_years)

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(provisional_reason(year) for year in self.unofficial_years)

    def explain(self) -> list[str]:
        """The derivation as lines a clerk can paste into a letter or a reconsideration answer."""
        lines = [
            f"起算日 {self.start.isoformat()}（当日不计），计 {self.working_days} 个工作日，"
            f"至 {self.due.isoformat()} 届满。"
        ]
        if self.holidays:
            lines.append("扣除法定节假日：" + "、".join(f"{d.isoformat()}（{n}）" for d, n in self.holidays))
        if self.weekends:
            lines.append("扣除周末：" + "、".join(d.isoformat() for d in self.weekends))
        if self.makeup_workdays:
            lines.append("调休上班日计入：" + "、".join(d.isoformat() for d in self.makeup_workdays))
        if self.paused:
            lines.append("不计算在期限内（征求意见、缴费等）：" + "、".join(d.isoformat() for d in self.paused))
        lines.extend(f"暂定：{reason}" for reason in self.reasons)
        return lines

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "working_days": self.working_days,
            "due": self.due.isoformat(),
            "counted": [d.isoformat() for d in self.counted],
            "weekends": [d.isoformat() for d in self.weekends],
            "holidays": [{"date": d.isoformat(), "name": n} for d, n in self.holidays],
            "makeup_workdays": [d.isoformat() for d in self.makeup_workdays],
            "paused": [d.isoformat() for d in self.paused],
            "pauses": [[a.isoformat(), b.isoformat()] for a, b in self.pauses],
            "provisional": self.provisional,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class WorkdayCalendar:
    """Immutable working-day calendar: one :class:`YearSchedule` per year that has one."""

    schedules: Mapping[int, YearSchedule]
    _days: dict[int, tuple[int, bytes]] = field(default_factory=dict, repr=False, compare=False, hash=False)
    _cum: dict[int, tuple[int, list[int]]] = field(default_factory=dict, repr=False, compare=False, hash=False)

    @classmethod
    def of(cls, schedules: Iterable[YearSchedule]) -> WorkdayCalendar:
        """A calendar from schedules; a later schedule of the same year replaces an earlier one."""
        return cls({s.year: s for s in schedules})

    def with_schedules(self, schedules: Iterable[YearSchedule]) -> WorkdayCalendar:
        """A new calendar with ``schedules`` added (replacing those years); this one is unchanged."""
        merged = dict(self.schedules)
        merged.update({s.year: s for s in schedules})
        return WorkdayCalendar(merged)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.schedules))

    def schedule(self, year: int) -> YearSchedule | None:
        return self.schedules.get(year)

    def is_official(self, year: int) -> bool:
        """Whether ``year`` has an official schedule; if not, its results are provisional."""
        return year in self.schedules

    def provisional_reason(self, year: int) -> str:
        return provisional_reason(year)

    def fingerprint(self, years: Iterable[int]) -> str:
        """Digest of the schedules of ``years`` (absent years included), to detect a changed basis."""
        parts = []
        for year in sorted(set(years)):
            schedule = self.schedules.get(year)
            parts.append(f"{year}:{schedule.fingerprint() if schedule else 'none'}")
        return hashlib.sha256(";".join(parts).encode()).hexdigest()[:16]

    def _year(self, year: int) -> tuple[int, bytes]:
        cached = self._days.get(year)
        if cached is None:
            jan1 = date(year, 1, 1)
            n = (date(year + 1, 1, 1) - jan1).days
            base = jan1.toordinal()
            codes = bytearray(1 if date.fromordinal(base + i).weekday() >= 5 else 0 for i in range(n))
            schedule = self.schedules.get(year)
            if schedule is not None:
                for day in schedule.holidays:
                    codes[day.toordinal() - base] = 2
                for day in schedule.makeup_workdays:
                    codes[day.toordinal() - base] = 3
            cached = (base, bytes(codes))
            self._days[year] = cached
        return cached

    def _cumulative(self, year: int) -> tuple[int, list[int]]:
        """(ordinal of 1 January, working days from 1 January up to and including each day)."""
        cached = self._cum.get(year)
        if cached is None:
            base, codes = self._year(year)
            running = 0
            cum = []
            for code in codes:
                running += code in (0, 3)
                cum.append(running)
            cached = (base, cum)
            self._cum[year] = cached
        return cached

    def _workdays_between(self, after: int, last: int) -> int:
        """Working days in the ordinals ``after`` (excluded) .. ``last`` (included)."""
        total = 0
        position = after
        while position < last:
            base, cum = self._cumulative(date.fromordinal(position + 1).year)
            done = cum[position - base] if position >= base else 0
            end = min(last, base + len(cum) - 1)
            total += cum[end - base] - done
            position = end
        return total

    def _nth_workday_after(self, after: int, n: int) -> int:
        """The ordinal of the ``n``-th working day after ordinal ``after`` (``after`` itself when n = 0)."""
        position = after
        while n > 0:
            base, cum = self._cumulative(date.fromordinal(position + 1).year)
            done = cum[position - base] if position >= base else 0
            if cum[-1] - done >= n:
                return base + bisect_left(cum, done + n)
            n -= cum[-1] - done
            position = base + len(cum) - 1
        return position

    def kind(self, day: date) -> DayKind:
        base, codes = self._year(day.year)
        return _CODES[codes[day.toordinal() - base]]

    def is_workday(self, day: date) -> bool:
        base, codes = self._year(day.year)
        return codes[day.toordinal() - base] in (0, 3)

    def holiday_name(self, day: date) -> str | None:
        schedule = self.schedules.get(day.year)
        return None if schedule is None else schedule.holidays.get(day)

    def next_workday(self, day: date) -> date:
        """The first working day on or after ``day`` (a weekend receipt is handled on it)."""
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day


def count_working_days(
    calendar: WorkdayCalendar,
    start: date,
    working_days: int,
    pauses: Sequence[tuple[date, date]] = (),
) -> Count:
    """Count ``working_days`` working days after ``start`` (not counted), skipping paused days.

    ``pauses`` are inclusive (first, last) intervals; a working day inside one is not counted. The
    due date is found with cached per-year cumulative working-day tables (a few µs); the days' fates
    (the derivation) are walked only when someone reads them.
    """
    if working_days < 0:
        raise ValueError(f"working_days must not be negative, got {working_days}")
    ordered = tuple(sorted(pauses))
    for first, last in ordered:
        if last < first:
            raise ValueError(f"pause {first.isoformat()}:{last.isoformat()} ends before it starts")
    spans = [(a.toordinal(), b.toordinal()) for a, b in ordered]
    position = start.toordinal()
    remaining = working_days
    for pause_first, pause_last in spans:
        if pause_last <= position:
            continue
        if pause_first > position + 1:
            available = calendar._workdays_between(position, pause_first - 1)
            if available >= remaining:
                break
            remaining -= available
        position = pause_last
    due = date.fromordinal(calendar._nth_workday_after(position, remaining))
    # the years of the days walked over (the start day itself is not counted)
    walked = range(start.year + (start.month == 12 and start.day == 31), due.year + 1) if due > start else range(0)
    unofficial = tuple(year for year in walked if year not in calendar.schedules)
    return Count(
        start=start,
        working_days=working_days,
        due=due,
        pauses=ordered,
        unofficial_years=unofficial,
        calendar=calendar,
    )


def _classify(calendar: WorkdayCalendar, start: date, due: date, pauses: tuple[tuple[date, date], ...]) -> _Fates:
    """Sort the days after ``start`` up to ``due`` into counted, weekend, holiday, make-up and paused."""
    counted: list[date] = []
    weekends: list[date] = []
    holidays: list[tuple[date, str]] = []
    makeup: list[date] = []
    paused: list[date] = []
    spans = [(a.toordinal(), b.toordinal()) for a, b in pauses]
    pause_index = 0
    for ordinal in range(start.toordinal() + 1, due.toordinal() + 1):
        day = date.fromordinal(ordinal)
        base, codes = calendar._year(day.year)
        code = codes[ordinal - base]
        if code == 1:
            weekends.append(day)
            continue
        if code == 2:
            schedule = calendar.schedules.get(day.year)
            holidays.append((day, schedule.holidays[day] if schedule else ""))
            continue
        while pause_index < len(spans) and spans[pause_index][1] < ordinal:
            pause_index += 1
        if pause_index < len(spans) and spans[pause_index][0] <= ordinal:
            paused.append(day)
            continue
        counted.append(day)
        if code == 3:
            makeup.append(day)
    return tuple(counted), tuple(weekends), tuple(holidays), tuple(makeup), tuple(paused)


@cache
def package_schedules() -> tuple[YearSchedule, ...]:
    """The schedules the ``chinesecalendar`` package knows (2004 to its last year), names in Chinese."""
    import chinese_calendar
    from chinese_calendar import constants

    version = getattr(chinese_calendar, "__version__", "?")
    by_year: dict[int, tuple[dict[date, str], dict[date, str]]] = {}
    for day, name in constants.holidays.items():
        by_year.setdefault(day.year, ({}, {}))[0][day] = HOLIDAY_NAMES.get(str(name), str(name))
    for day, name in constants.workdays.items():
        by_year.setdefault(day.year, ({}, {}))[1][day] = HOLIDAY_NAMES.get(str(name), str(name))
    return tuple(
        YearSchedule(
            year=year,
            # the package lists the weekend days inside a holiday period too; keep them as holidays
            holidays=hol,
            makeup_workdays=work,
            source=f"国务院办公厅{year}年部分节假日安排的通知（据 chinesecalendar {version}）",
            origin=f"chinesecalendar {version}",
        )
        for year, (hol, work) in sorted(by_year.items())
    )


def package_calendar() -> WorkdayCalendar:
    """The calendar of every year ``chinesecalendar`` knows; add loaded files with ``with_schedules``."""
    return WorkdayCalendar.of(package_schedules())
