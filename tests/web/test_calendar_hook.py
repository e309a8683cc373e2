"""``gongkai calendar load`` recomputes the workbench's open applications (provisional flags clear)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from gongkai.cli import _register, app
from gongkai.web.ledger.models import Application

from .factories import World, make_application

_register()
SCHEDULE_2027 = Path(__file__).resolve().parents[1] / "data" / "procedure" / "2027.toml"


def test_loading_a_schedule_recomputes_open_applications(world: World, tmp_path: Path, settings: object) -> None:
    settings.GONGKAI_TODAY = "2026-12-23"  # type: ignore[attr-defined]
    application = make_application(world.clerk_a, received=date(2026, 12, 21), today=date(2026, 12, 23))
    assert application.provisional and application.due_date == date(2027, 1, 18)
    result = CliRunner().invoke(app, ["calendar", "load", str(SCHEDULE_2027), "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "workbench: deadlines of 1 open applications recomputed" in result.output
    application = Application.objects.get(pk=application.pk)
    assert not application.provisional and application.due_date == date(2027, 1, 19)
    assert application.computed_on == date(2026, 12, 23)

