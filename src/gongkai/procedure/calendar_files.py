"""Year schedule files: the plain TOML an administrator writes from a new State Council notice.

One file per year, for instance ``2027.toml``::

    year = 2027
    source = "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）"

    [[holidays]]
    name = "元旦"
    first = 2027-01-01
    last = 2027-01-03          # inclusive; weekend days inside the period may be listed too

    [[makeup_workdays]]
    date = 2027-02-06
    name = "春节"              # the holiday the worked weekend day belongs to

TOML was chosen because it has dates as a native type (no quoting, no ambiguity) and the standard
library reads it (``tomllib``). Loaded files live in one directory (``<data dir>/calendar``); a file
for a year the ``chinesecalendar`` package knows replaces the package's data for that year, which is
how an error in the package is corrected. Every problem is one line naming the file and the field.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from gongkai.procedure.workdays import WorkdayCalendar, YearSchedule, package_calendar

__all__ = [
    "CalendarFileError",
    "calendar_with_files",
    "dump_schedule",
    "install_schedule_file",
    "read_schedule_file",
    "schedule_files",
]

_TOP_KEYS = {"year", "source", "holidays", "makeup_workdays"}


class CalendarFileError(ValueError):
    """A schedule file that cannot be used; the message is one line naming the file and the field."""


def _date(value: Any, where: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CalendarFileError(f"{where}: {value!r} is not a date (write it as 2027-01-01)")


def read_schedule_file(path: Path) -> YearSchedule:
    """Parse and validate one schedule file; :class:`CalendarFileError` on anything wrong."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise CalendarFileError(f"{name}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CalendarFileError(f"{name}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise CalendarFileError(f"{name}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(_TOP_KEYS))})")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 < year < 3000:
        raise CalendarFileError(f"{name}: year: {year!r} is not a year")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise CalendarFileError(f"{name}: source: name the State Council notice the dates come from")
    holidays: dict[date, str] = {}
    for i, period in enumerate(_tables(data, "holidays", name)):
        where = f"{name}: holidays[{i}]"
        label = _name(period, where)
        first = _date(period.get("first"), f"{where}.first")
        last = _date(period.get("last", period.get("first")), f"{where}.last")
        if last < first:
            raise CalendarFileError(f"{where}: last {last.isoformat()} is before first {first.isoformat()}")
        day = first
        while day <= last:
            if day.year != year:
                raise CalendarFileError(f"{where}: {day.isoformat()} is not in {year}; put it in its year's file")
            holidays[day] = label
            day += timedelta(days=1)
    makeup: dict[date, str] = {}
    for i, entry in enumerate(_tables(data, "makeup_workdays", name)):
        where = f"{name}: makeup_workdays[{i}]"
        day = _date(entry.get("date"), f"{where}.date")
        if day.year != year:
            raise CalendarFileError(f"{where}.date: {day.isoformat()} is not in {year}; put it in its year's file")
        if day.weekday() < 5:
            raise CalendarFileError(f"{where}.date: {day.isoformat()} is not a Saturday or Sunday")
        if day in holidays:
            raise CalendarFileError(f"{where}.date: {day.isoformat()} is also listed as a holiday")
        makeup[day] = _name(entry, where)
    return YearSchedule(year=year, holidays=holidays, makeup_workdays=makeup, source=source.strip(), origin=name)


def _tables(data: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise CalendarFileError(f"{name}: {key}: must be a list of [[{key}]] tables")
    return items


def _name(table: dict[str, Any], where: str) -> str:
    label = table.get("name", "")
    if not isinstance(label, str):
        raise CalendarFileError(f"{where}.name: must be text")
    return label


def dump_schedule(schedule: YearSchedule) -> str:
    """The TOML text of a schedule (holiday runs folded into periods); reading it back gives it again."""
    lines = [f"year = {schedule.year}", f"source = {_quote(schedule.source)}", ""]
    for first, last, label in schedule.periods():
        lines += ["[[holidays]]", f"name = {_quote(label)}", f"first = {first}", f"last = {last}", ""]
    for day in sorted(schedule.makeup_workdays):
        lines += [
            "[[makeup_workdays]]",
            f"date = {day}",
            f"name = {_quote(schedule.makeup_workdays[day])}",
            "",
        ]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def schedule_files(directory: Path) -> list[Path]:
    """The schedule files in ``directory`` (``YYYY.toml``), oldest year first; none if it is absent."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.toml") if p.stem.isdigit())


def calendar_with_files(directory: Path | None, base: WorkdayCalendar | None = None) -> WorkdayCalendar:
    """The package calendar (or ``base``) with every schedule file of ``directory`` loaded on top."""
    calendar = base if base is not None else package_calendar()
    if directory is None:
        return calendar
    schedules: Iterable[YearSchedule] = [read_schedule_file(p) for p in schedule_files(directory)]
    return calendar.with_schedules(schedules)


def install_schedule_file(path: Path, directory: Path) -> YearSchedule:
    """Validate ``path`` and store it as ``directory/YYYY.toml`` (replacing that year's file)."""
    schedule = read_schedule_file(path)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{schedule.year}.toml"
    target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return schedule
