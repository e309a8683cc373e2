"""The web layer's "today" and working-day calendar, injected into every service call.

The core never reads the clock; the workbench does it here, once per request, in the agency's time
zone. ``GONGKAI_TODAY`` (settings) fixes the date for demos and tests.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from gongkai.procedure import WorkdayCalendar, calendar_with_files, package_calendar

__all__ = ["today", "workday_calendar"]

_lock = threading.Lock()
_cache: dict[tuple[str, tuple[tuple[str, float], ...]], WorkdayCalendar] = {}


def today() -> date:
    fixed = getattr(settings, "GONGKAI_TODAY", "")
    if fixed:
        return date.fromisoformat(str(fixed))
    return timezone.localdate()


def workday_calendar() -> WorkdayCalendar:
    """The package calendar plus the year files in ``GONGKAI_CALENDAR_DIR``; reloaded when a file changes."""
    directory = getattr(settings, "GONGKAI_CALENDAR_DIR", None)
    if directory is None:
        with _lock:
            return _cache.setdefault(("", ()), package_calendar())
    path = Path(directory)
    stamp = tuple((p.name, p.stat().st_mtime) for p in sorted(path.glob("*.toml"))) if path.is_dir() else ()
    key = (str(path), stamp)
    with _lock:
        found = _cache.get(key)
        if found is None:
            found = calendar_with_files(path)
            _cache.clear()
            _cache[key] = found
        return found
