"""``gongkai remind``: the daily reminder for cron — what each clerk and approver has due or overdue.

A thin wrapper over :mod:`gongkai.web.ledger.reminders`; Django is imported inside the command.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Annotated

import typer

from gongkai.cli.app import app
from gongkai.cli.serve import _settings_module

__all__ = ["remind"]


@app.command()
def remind(
    today: Annotated[
        str | None, typer.Option("--today", help="The day to remind for (YYYY-MM-DD; default: today in Asia/Shanghai).")
    ] = None,
    no_email: Annotated[bool, typer.Option("--no-email", help="Only print the summary, send no e-mail.")] = False,
    base_url: Annotated[
        str, typer.Option("--base-url", help="The workbench's address, for links in the e-mails.")
    ] = "",
) -> None:
    """Tell each clerk and approver what is due within 5 working days or overdue (e-mail if configured)."""
    day: date | None = None
    if today is not None:
        try:
            day = date.fromisoformat(today)
        except ValueError:
            typer.echo(f"error: --today: {today!r} is not a date (YYYY-MM-DD)", err=True)
            raise typer.Exit(2) from None
    os.environ["DJANGO_SETTINGS_MODULE"] = _settings_module()
    import django
    from django.conf import settings

    try:
        django.setup()
        from gongkai.web.clock import today as clock_today
        from gongkai.web.clock import workday_calendar
        from gongkai.web.ledger.reminders import reminders, send_reminders

        day = day or clock_today()
        found = reminders(today=day, calendar=workday_calendar())
    except Exception as exc:  # an unreachable or unmigrated database: one line, no traceback
        typer.echo(f"error: database: {exc}".splitlines()[0], err=True)
        raise typer.Exit(2) from None
    for reminder in found:
        agency = reminder.user.agency
        typer.echo(
            f"{reminder.user.username} ({reminder.user.get_role_display()}, {agency.code if agency else ''}): "
            f"{len(reminder.overdue)} overdue, {len(reminder.due_soon)} due within 5 working days"
        )
    typer.echo(f"{day.isoformat()}: {len(found)} people to remind")
    if no_email:
        return
    if not getattr(settings, "GONGKAI_EMAIL_ENABLED", False):
        typer.echo("e-mail: not configured (set GONGKAI_EMAIL_URL), nothing sent")
        return
    try:
        sent = send_reminders(found, base_url=base_url)
    except OSError as exc:
        typer.echo(f"error: e-mail: {exc}".splitlines()[0], err=True)
        raise typer.Exit(1) from None
    without = sum(1 for r in found if not r.user.email)
    typer.echo(f"e-mail: {sent} sent" + (f", {without} without an address" if without else ""))
