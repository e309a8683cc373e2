"""``gongkai deadline`` and ``gongkai calendar load|show``: thin wrappers over :mod:`gongkai.procedure`.

Loaded year schedules live in ``<data dir>/calendar/YYYY.toml``; the data dir is ``--data-dir``, else
``$GONGKAI_DATA_DIR``, else ``$XDG_DATA_HOME/gongkai`` (``~/.local/share/gongkai``).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from gongkai.cli.app import app
from gongkai.cli.workbench import recompute_after_calendar_load
from gongkai.procedure import (
    CalendarFileError,
    EventSequenceError,
    answer_due,
    calendar_with_files,
    dump_schedule,
    install_schedule_file,
)
from gongkai.procedure.workdays import WorkdayCalendar

__all__ = ["calendar_app", "calendar_dir", "calendar_load", "calendar_show", "deadline"]

calendar_app = typer.Typer(
    help="The working-day calendar: official holidays and make-up workdays (调休) per year.",
    no_args_is_help=True,
)
app.add_typer(calendar_app, name="calendar")

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Where loaded calendar files live (default: $GONGKAI_DATA_DIR)."),
]


def calendar_dir(data_dir: Path | None) -> Path:
    """The directory of loaded year schedules (see the module docstring for the lookup order)."""
    if data_dir is None:
        env = os.environ.get("GONGKAI_DATA_DIR")
        if env:
            data_dir = Path(env)
        else:
            xdg = os.environ.get("XDG_DATA_HOME")
            data_dir = (Path(xdg) if xdg else Path.home() / ".local" / "share") / "gongkai"
    return data_dir / "calendar"


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        _fail(f"{option}: {text!r} is not a date (YYYY-MM-DD)")


def _calendar(data_dir: Path | None) -> WorkdayCalendar:
    try:
        return calendar_with_files(calendar_dir(data_dir))
    except CalendarFileError as exc:
        _fail(str(exc))


@app.command()
def deadline(
    received: Annotated[str, typer.Option("--received", help="Receipt date (第三十一条), YYYY-MM-DD.")],
    corrected: Annotated[
        str | None, typer.Option("--corrected", help="Day the corrected application (补正) was received.")
    ] = None,
    extended: Annotated[
        bool, typer.Option("--extended", help="The one 20-working-day extension was approved.")
    ] = False,
    paused: Annotated[
        list[str] | None,
        typer.Option("--paused", help="START:END, inclusive; working days inside are not counted. Repeatable."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the derivation as JSON.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Print the answer due date (20 working days, 第三十三条) as YYYY-MM-DD."""
    start = _date(received, "--received")
    fixed = None if corrected is None else _date(corrected, "--corrected")
    intervals: list[tuple[date, date]] = []
    for item in paused or []:
        first, sep, last = item.partition(":")
        if not sep:
            _fail(f"--paused: {item!r} is not START:END")
        interval = (_date(first, "--paused"), _date(last, "--paused"))
        if interval[1] < interval[0]:
            _fail(f"--paused: {item!r} ends before it starts")
        intervals.append(interval)
    try:
        count = answer_due(_calendar(data_dir), start, corrected=fixed, extended=extended, pauses=intervals)
    except (EventSequenceError, ValueError) as exc:
        _fail(str(exc))
    if not as_json:
        typer.echo(count.due.isoformat())
        if count.provisional:
            for reason in count.reasons:
                typer.echo(f"provisional: {reason}", err=True)
        return
    result = {
        "due": count.due.isoformat(),
        "received": start.isoformat(),
        "corrected": None if fixed is None else fixed.isoformat(),
        "extended": extended,
        "working_days": count.working_days,
        "counted_working_days": [d.isoformat() for d in count.counted],
        "pauses": [[a.isoformat(), b.isoformat()] for a, b in count.pauses],
        "paused_working_days": [d.isoformat() for d in count.paused],
        "holidays": [{"date": d.isoformat(), "name": n} for d, n in count.holidays],
        "makeup_workdays": [d.isoformat() for d in count.makeup_workdays],
        "provisional": count.provisional,
        "reasons": list(count.reasons),
        "derivation": count.explain(),
    }
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


@calendar_app.command("load")
def calendar_load(
    file: Annotated[Path, typer.Argument(help="A year schedule file (TOML: year, source, holidays, makeup_workdays).")],
    data_dir: DataDir = None,
) -> None:
    """Check a year's schedule file and store it; the workbench's open applications are recomputed."""
    target = calendar_dir(data_dir)
    try:
        schedule = install_schedule_file(file, target)
    except CalendarFileError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{target}: cannot write ({exc.strerror})")
    typer.echo(
        f"loaded {schedule.year}: {len(schedule.holidays)} holidays, {len(schedule.makeup_workdays)} make-up "
        f"workdays ({schedule.source}) → {target / f'{schedule.year}.toml'}"
    )
    recomputed = recompute_after_calendar_load(target)
    if recomputed is not None:
        done = f"deadlines of {recomputed} open applications recomputed" if isinstance(recomputed, int) else recomputed
        typer.echo(f"workbench: {done}")


@calendar_app.command("show")
def calendar_show(
    year: Annotated[int, typer.Argument(help="The year to show.")],
    as_toml: Annotated[bool, typer.Option("--toml", help="Print it in the schedule file format.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Show a year's holidays and make-up workdays, and where they come from."""
    schedule = _calendar(data_dir).schedule(year)
    if schedule is None:
        typer.echo(
            f"{year}: no official schedule; Monday–Friday are counted as working days and every result is provisional"
        )
        typer.echo(f"load one with: gongkai calendar load {year}.toml")
        return
    if as_toml:
        typer.echo(dump_schedule(schedule))
        return
    typer.echo(f"{year}: {schedule.source}  [{schedule.origin}]")
    for first, last, name in schedule.periods():
        days = (last - first).days + 1
        typer.echo(f"  放假 {name}: {first.isoformat()} – {last.isoformat()} ({days} 天)")
    for day in sorted(schedule.makeup_workdays):
        typer.echo(
            f"  上班 {day.isoformat()} ({'周六' if day.weekday() == 5 else '周日'}, {schedule.makeup_workdays[day]})"
        )
