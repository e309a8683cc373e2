"""Settings: the production deploy check is clean; the local database is SQLite in WAL mode in the data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.web.settings.env import database, generated_secret_key

ROOT = Path(__file__).resolve().parents[2]


def test_deploy_check_reports_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_", "DJANGO_"))}
    env.update(
        GONGKAI_SECRET_KEY="k" * 20 + "-not-a-real-key-just-long-enough-for-the-check-0123456789",
        GONGKAI_ALLOWED_HOSTS="gongkai.example.gov.cn",
        GONGKAI_DATA_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--settings=gongkai.web.settings.prod"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced).", result.stdout + result.stderr


def test_prod_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_", "DJANGO_"))}
    env["GONGKAI_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--settings=gongkai.web.settings.prod"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "GONGKAI_SECRET_KEY" in result.stderr


def test_sqlite_in_the_data_dir_with_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    config = database()
    assert config["NAME"] == str(tmp_path / "data" / "gongkai.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    monkeypatch.setenv("GONGKAI_DATABASE_URL", "postgres://u:p@db.internal:5432/gongkai")
    config = database()
    assert config["ENGINE"] == "django.db.backends.postgresql" and config["NAME"] == "gongkai"


def test_generated_secret_key_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path))
    key = generated_secret_key()
    assert len(key) >= 50 and generated_secret_key() == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_the_suite_runs_on_the_database_it_says() -> None:
    from django.db import connection

    from .conftest import INNER, POSTGRESQL_URL

    assert connection.vendor == ("postgresql" if INNER and POSTGRESQL_URL else "sqlite")
