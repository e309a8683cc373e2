"""The web suite again on PostgreSQL, when ``GONGKAI_TEST_DATABASE_URL`` names one (see conftest.py).

Defined only then (so nothing is skipped on a machine without PostgreSQL), and it fails — never
skips — when the database cannot be reached.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import INNER, POSTGRESQL_URL

ROOT = Path(__file__).resolve().parents[2]

if POSTGRESQL_URL and not INNER:

    def test_web_suite_on_postgresql() -> None:
        import psycopg

        try:
            psycopg.connect(POSTGRESQL_URL.replace("postgres://", "postgresql://", 1), connect_timeout=10).close()
        except psycopg.OperationalError as exc:
            raise AssertionError(f"GONGKAI_TEST_DATABASE_URL: cannot connect: {exc}".splitlines()[0]) from None
        env = {**os.environ, "GONGKAI_TEST_DATABASE_URL": POSTGRESQL_URL, "GONGKAI_TEST_INNER": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/web", "-p", "no:cacheprovider", "-p", "no:randomly"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert " passed" in result.stdout and " failed" not in result.stdout
