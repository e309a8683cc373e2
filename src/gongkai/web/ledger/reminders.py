"""The daily reminder (``gongkai remind``): what each clerk and approver has due soon or overdue.

A clerk is reminded of the open applications they handle; an approver of all open applications of
their agency (they sign off extensions and replies). Both lists come from :func:`selectors.dashboard`,
so the reminder says exactly what the dashboard says. The e-mail carries application numbers and
dates only — no applicant's name or data leaves the workbench by mail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.procedure import WorkdayCalendar
from gongkai.web.agencies.models import Role, User
from gongkai.web.ledger.models import Application
from gongkai.web.ledger.selectors import dashboard, due_soon_limit

__all__ = ["Reminder", "reminders", "send_reminders"]

LIMIT = 500


@dataclass(frozen=True)
class Reminder:
    user: User
    due_soon: list[Application]
    overdue: list[Application]
    today: date
    calendar: WorkdayCalendar

    @property
    def subject(self) -> str:
        return (
            f"【政府信息公开】{len(self.overdue)}件已超期，{len(self.due_soon)}件5个工作日内到期"
            f"（{self.today.isoformat()}）"
        )

    def _line(self, application: Application, base_url: str) -> str:
        due = application.due_date
        assert due is not None
        if due < self.today:
            when = f"已超期{_working_days(self.calendar, due, self.today)}个工作日"
        elif due == self.today:
            when = "今天到期"
        else:
            when = f"还有{_working_days(self.calendar, self.today, due)}个工作日"
        link = f"  {base_url.rstrip('/')}/applications/{application.pk}/" if base_url else ""
        flag = "（期限暂定）" if application.provisional else ""
        return f"  {application.number}  答复期限 {due.isoformat()}{flag}  {when}{link}"

    def body(self, base_url: str = "") -> str:
        scope = "您经办的" if self.user.role == Role.CLERK else "本机关"
        lines = [f"{self.user}：", "", f"截至{self.today.isoformat()}，{scope}政府信息公开申请中："]
        if self.overdue:
            lines += ["", f"已超期（{len(self.overdue)}件）："] + [self._line(a, base_url) for a in self.overdue]
        if self.due_soon:
            lines += ["", f"5个工作日内到期（{len(self.due_soon)}件）："] + [
                self._line(a, base_url) for a in self.due_soon
            ]
        lines += ["", "请登录政府信息公开工作台办理。本邮件由 gongkai 自动发送。"]
        return "\n".join(lines)


def _working_days(calendar: WorkdayCalendar, first: date, last: date) -> int:
    """Working days after ``first`` up to and including ``last``."""
    return sum(1 for n in range(1, (last - first).days + 1) if calendar.is_workday(first + timedelta(days=n)))


def reminders(*, today: date, calendar: WorkdayCalendar) -> list[Reminder]:
    """One reminder per active clerk or approver who has something due soon or overdue."""
    soon = due_soon_limit(calendar, today)
    found = []
    users = User.objects.filter(is_active=True, role__in=[Role.CLERK, Role.APPROVER], agency__isnull=False)
    for user in users.select_related("agency").order_by("agency__code", "username"):
        board = dashboard(user, today=today, calendar=calendar, limit=LIMIT)
        if user.role == Role.CLERK:
            overdue = [a for a in board.mine if a.due_date is not None and a.due_date < today]
            due_soon = [a for a in board.mine if a.due_date is not None and today <= a.due_date <= soon]
        else:
            overdue, due_soon = board.overdue, board.due_soon
        if overdue or due_soon:
            found.append(Reminder(user, due_soon, overdue, today, calendar))
    return found


def send_reminders(found: Iterable[Reminder], *, base_url: str = "") -> int:
    """E-mail each reminder to its user (those without an address are skipped); how many were sent."""
    from django.conf import settings
    from django.core.mail import EmailMessage, get_connection

    messages = [
        EmailMessage(r.subject, r.body(base_url), settings.DEFAULT_FROM_EMAIL, [r.user.email])
        for r in found
        if r.user.email
    ]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
