"""Every environment variable the workbench reads, parsed in this one module.

* ``GONGKAI_DATA_DIR``: where the SQLite file, the generated secret key and loaded calendars live;
  default the platform's user data directory (``platformdirs``).
* ``GONGKAI_DATABASE_URL``: a database URL (``postgres://user:pass@host:5432/name``); default SQLite
  ``<data dir>/gongkai.sqlite3`` in WAL mode.
* ``GONGKAI_SECRET_KEY``: Django's secret key, required by the production settings; the local and
  dev settings generate one into ``<data dir>/secret_key``.
* ``GONGKAI_ALLOWED_HOSTS``, ``GONGKAI_CSRF_TRUSTED_ORIGINS``: comma-separated; default localhost.
* ``GONGKAI_SECURE_PROXY`` (``true`` behind a TLS proxy that sets ``X-Forwarded-Proto``),
  ``GONGKAI_SSL_REDIRECT``, ``GONGKAI_HSTS_SECONDS``: production HTTPS settings.
* ``GONGKAI_STATIC_ROOT``: where ``collectstatic`` writes, for a deployment that wants it.
* ``GONGKAI_TEST_DATABASE_URL``: the PostgreSQL database the test suite also runs on.
* ``GONGKAI_TODAY``: a fixed "today" (YYYY-MM-DD) for demos and tests.
* ``GONGKAI_EMAIL_URL``: the mail server for ``gongkai remind`` (``smtp+tls://user:pass@host:587``,
  ``smtps://…``, ``consolemail://``); unset: no e-mail is sent. ``GONGKAI_EMAIL_FROM``: the sender.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import environ
import platformdirs

__all__ = ["ENV", "data_dir", "database", "email_settings", "generated_secret_key", "sqlite_database"]

ENV = environ.Env()


def data_dir(*, create: bool = True) -> Path:
    """``GONGKAI_DATA_DIR``, else the platform's user data directory for gongkai (created on first use)."""
    raw = ENV.str("GONGKAI_DATA_DIR", default="")
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("gongkai", appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def sqlite_database(path: Path | str) -> dict[str, Any]:
    """A SQLite database in WAL mode (readers do not block the writer); the file is created on first connect."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }


def database(variable: str = "GONGKAI_DATABASE_URL") -> dict[str, Any]:
    """The database named by ``variable`` (PostgreSQL), else SQLite in the data directory."""
    url = ENV.str(variable, default="")
    if url:
        config: dict[str, Any] = environ.Env.db_url_config(url)
        config.setdefault("CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
        return config
    return sqlite_database(data_dir() / "gongkai.sqlite3")


def email_settings(variable: str = "GONGKAI_EMAIL_URL") -> dict[str, Any]:
    """Django's ``EMAIL_*`` settings from the URL in ``variable``; empty when it is unset."""
    url = ENV.str(variable, default="")
    if not url:
        return {}
    return {key: value for key, value in environ.Env.email_url_config(url).items() if value is not None}


def generated_secret_key() -> str:
    """The secret key of a local installation: generated once into the data directory, never committed."""
    path = data_dir() / "secret_key"
    if path.is_file():
        key = path.read_text(encoding="utf-8").strip()
        if len(key) >= 50:
            return key
    key = secrets.token_urlsafe(64)
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return key
