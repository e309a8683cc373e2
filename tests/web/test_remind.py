"""``gongkai remind``: clerks hear of their own applications, approvers of the agency's; e-mail when configured."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from typer.testing import CliRunner

from gongkai.cli import _register, app
from gongkai.procedure import WorkdayCalendar
from gongkai.web.ledger.reminders import reminders

from .factories import TODAY, World, make_application

_register()


@pytest.fixture
def due(world: World) -> dict[str, object]:
    """Received 2024-05-06 → due 05-31 (overdue on Friday 06-14); received 06-03 → due 07-01 (not soon);
    received 05-16 → due 06-14 itself (due soon)."""
    overdue = make_application(world.clerk_a, received=date(2024, 5, 6))
    later = make_application(world.clerk_a, received=date(2024, 6, 3))
    soon = make_application(world.approver_a, received=date(2024, 5, 16))
    make_application(world.clerk_b, received=date(2024, 5, 6))
    for application in (overdue, later, soon):
        application.refresh_from_db()
    return {"overdue": overdue, "later": later, "soon": soon}


def test_clerks_get_their_own_approvers_the_agencys(world: World, calendar: WorkdayCalendar, due: dict) -> None:
    found = {r.user.username: r for r in reminders(today=TODAY, calendar=calendar)}
    assert set(found) == {"clerk-a", "approver-a", "clerk-b", "approver-b"}
    assert found["clerk-a"].overdue == [due["overdue"]] and found["clerk-a"].due_soon == []
    assert found["approver-a"].overdue == [due["overdue"]] and found["approver-a"].due_soon == [due["soon"]]
    body = found["approver-a"].body("https://gk.example")
    assert due["overdue"].number in body and due["soon"].number in body and due["later"].number not in body
    assert "今天到期" in body and "已超期9个工作日" in body
    assert f"https://gk.example/applications/{due['soon'].pk}/" in body
    assert due["overdue"].applicant_name not in body and due["overdue"].id_number not in body


def test_command_prints_a_summary_and_sends_nothing_unconfigured(world: World, due: dict, settings: object) -> None:
    settings.GONGKAI_EMAIL_ENABLED = False  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, ["remind", "--today", "2024-06-14"])
    assert result.exit_code == 0, result.output
    assert "clerk-a (经办人, JX): 1 overdue, 0 due within 5 working days" in result.output
    assert "approver-a (审核人, JX): 1 overdue, 1 due within 5 working days" in result.output
    assert "2024-06-14: 4 people to remind" in result.output
    assert "not configured" in result.output and mail.outbox == []


def test_command_sends_e_mail_when_configured(world: World, due: dict, settings: object) -> None:
    settings.GONGKAI_EMAIL_ENABLED = True  # type: ignore[attr-defined]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # type: ignore[attr-defined]
    for user in (world.clerk_a, world.approver_a):
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
    result = CliRunner().invoke(app, ["remind", "--today", "2024-06-14"])
    assert result.exit_code == 0, result.output
    assert "e-mail: 2 sent, 2 without an address" in result.output
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"clerk-a@example.org", "approver-a@example.org"}
    assert sent["approver-a@example.org"].subject.startswith("【政府信息公开】1件已超期，1件5个工作日内到期")
    assert due["overdue"].number in sent["clerk-a@example.org"].body


def test_a_later_today_makes_more_overdue(world: World, due: dict) -> None:
    result = CliRunner().invoke(app, ["remind", "--today", "2024-07-05", "--no-email"])
    assert result.exit_code == 0
    assert "clerk-a (经办人, JX): 2 overdue" in result.output


def test_bad_today_is_one_line() -> None:
    result = CliRunner().invoke(app, ["remind", "--today", "tomorrow"])
    assert result.exit_code == 2 and "--today" in result.output and "Traceback" not in result.output
