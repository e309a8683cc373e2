"""Year schedule files: reading, validation (one-line errors naming file and field), install, dump."""

from datetime import date
from pathlib import Path

import pytest

from gongkai.procedure.calendar_files import (
    CalendarFileError,
    calendar_with_files,
    dump_schedule,
    install_schedule_file,
    read_schedule_file,
)
from gongkai.procedure.workdays import DayKind, package_calendar

FIXTURE = Path(__file__).parent.parent / "data" / "procedure" / "2027.toml"


def test_read_fixture() -> None:
    schedule = read_schedule_file(FIXTURE)
    assert schedule.year == 2027
    assert len(schedule.holidays) == 3 + 7
    assert schedule.makeup_workdays == {date(2027, 2, 13): "春节"}
    assert schedule.origin == str(FIXTURE)


def test_install_then_calendar_uses_it(tmp_path: Path) -> None:
    target = tmp_path / "calendar"
    install_schedule_file(FIXTURE, target)
    assert (target / "2027.toml").is_file()
    calendar = calendar_with_files(target)
    assert calendar.is_official(2027)
    assert calendar.kind(date(2027, 2, 8)) is DayKind.HOLIDAY
    assert calendar.kind(date(2027, 2, 13)) is DayKind.MAKEUP_WORKDAY
    assert calendar.is_official(2025)  # package years stay


def test_a_missing_directory_is_just_the_package(tmp_path: Path) -> None:
    assert calendar_with_files(tmp_path / "absent").years == package_calendar().years
    assert calendar_with_files(None).years == package_calendar().years


@pytest.mark.parametrize("year", [2019, 2024, 2025, 2026])
def test_dump_reads_back(tmp_path: Path, year: int) -> None:
    schedule = package_calendar().schedule(year)
    assert schedule is not None
    path = tmp_path / f"{year}.toml"
    path.write_text(dump_schedule(schedule), encoding="utf-8")
    again = read_schedule_file(path)
    assert set(again.holidays) == set(schedule.holidays)
    assert again.makeup_workdays == schedule.makeup_workdays
    assert again.source == schedule.source


BAD = [
    ("year = 2027\nsource = 'x'\ncolour = 1\n", "unknown key 'colour'"),
    ("year = 'soon'\nsource = 'x'\n", "year:"),
    ("year = 2027\n", "source:"),
    ("year = 2027\nsource = 'x'\n[[holidays]]\nfirst = 2027-13-01\n", "not valid TOML"),
    ("year = 2027\nsource = 'x'\n[[holidays]]\nfirst = 'someday'\n", "holidays[0].first"),
    ("year = 2027\nsource = 'x'\n[[holidays]]\nfirst = 2027-01-05\nlast = 2027-01-01\n", "is before first"),
    ("year = 2027\nsource = 'x'\n[[holidays]]\nfirst = 2026-12-31\n", "is not in 2027"),
    ("year = 2027\nsource = 'x'\n[[makeup_workdays]]\ndate = 2027-01-04\n", "not a Saturday or Sunday"),
    ("year = 2027\nsource = 'x'\n[[makeup_workdays]]\ndate = 2028-01-01\n", "is not in 2027"),
    (
        "year = 2027\nsource = 'x'\n[[holidays]]\nfirst = 2027-01-02\n[[makeup_workdays]]\ndate = 2027-01-02\n",
        "also listed as a holiday",
    ),
    ("year = 2027\nsource = 'x'\nholidays = 3\n", "must be a list"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_files_give_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarFileError) as caught:
        read_schedule_file(path)
    text_of_error = str(caught.value)
    assert message in text_of_error
    assert str(path) in text_of_error
    assert "\n" not in text_of_error


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match="cannot read"):
        read_schedule_file(tmp_path / "nope.toml")
