"""Django for tests/web only: the rest of the suite runs without Django configured.

The main run uses SQLite in memory. When ``GONGKAI_TEST_DATABASE_URL`` names a PostgreSQL database,
the variable is set aside here and :mod:`tests.web.test_postgresql` runs this folder again in a
child pytest with it (``GONGKAI_TEST_INNER=1``), so one test command covers both databases and a
PostgreSQL failure fails the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import django
import pytest

POSTGRESQL_URL = os.environ.get("GONGKAI_TEST_DATABASE_URL", "")
INNER = os.environ.get("GONGKAI_TEST_INNER") == "1"
if not INNER:
    os.environ.pop("GONGKAI_TEST_DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.settings.test"
django.setup()

from gongkai.procedure import WorkdayCalendar, package_calendar  # noqa: E402

from .factories import TODAY, World, build_world  # noqa: E402


@pytest.fixture(autouse=True)
def _database_and_today(db: None, settings: pytest.FixtureRequest) -> Iterator[None]:
    """Every web test has the database and a fixed today (a Friday in June 2024)."""
    settings.GONGKAI_TODAY = TODAY.isoformat()  # type: ignore[attr-defined]
    settings.GONGKAI_CALENDAR_DIR = None  # type: ignore[attr-defined]
    yield


@pytest.fixture
def calendar() -> WorkdayCalendar:
    return package_calendar()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def world() -> World:
    return build_world()
