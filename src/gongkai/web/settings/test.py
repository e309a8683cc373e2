"""The test suite: SQLite in memory, or PostgreSQL when ``GONGKAI_TEST_DATABASE_URL`` names one."""

from gongkai.web.settings.base import *  # noqa: F403
from gongkai.web.settings.env import ENV, database, sqlite_database

SECRET_KEY = "test-only-not-secret-" + "x" * 40
DATABASES = {
    "default": database("GONGKAI_TEST_DATABASE_URL")
    if ENV.str("GONGKAI_TEST_DATABASE_URL", default="")
    else sqlite_database(":memory:")
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
GONGKAI_CALENDAR_DIR = None
