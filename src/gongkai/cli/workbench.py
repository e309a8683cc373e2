"""The command line's one link from the core commands to the workbench: after ``gongkai calendar load``
installs a year's schedule, the open applications in the workbench's database are recomputed (their
due dates move and their provisional flags clear). The core never imports the workbench; this CLI
module does, inside the function, and only when a workbench database exists or is configured.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["recompute_after_calendar_load"]


def recompute_after_calendar_load(calendar_dir: Path) -> int | str | None:
    """How many open applications were recomputed; a one-line reason if the database failed; None if
    there is no workbench (no ``GONGKAI_DATABASE_URL`` and no SQLite file in the data directory)."""
    from django.apps import apps

    if not apps.ready:
        data_dir = calendar_dir.parent
        if not os.environ.get("GONGKAI_DATABASE_URL") and not (data_dir / "gongkai.sqlite3").is_file():
            return None
        os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
        from gongkai.cli.serve import _settings_module

        os.environ["DJANGO_SETTINGS_MODULE"] = _settings_module()
    try:
        import django

        django.setup()
        from gongkai.procedure import calendar_with_files
        from gongkai.web.clock import today
        from gongkai.web.ledger.services import recompute_open_applications

        return recompute_open_applications(calendar=calendar_with_files(calendar_dir), today=today())
    except Exception as exc:  # an unreachable or unmigrated database: the schedule is stored all the same
        return f"{exc}".splitlines()[0] if str(exc) else type(exc).__name__
