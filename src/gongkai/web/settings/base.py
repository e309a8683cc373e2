"""Settings shared by every deployment; the environment is read through :mod:`.env` only."""

from __future__ import annotations

from pathlib import Path

from gongkai.web.settings.env import ENV, data_dir, email_settings

WEB_DIR = Path(__file__).resolve().parents[1]

DEBUG = False
ALLOWED_HOSTS: list[str] = ENV.list("GONGKAI_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS: list[str] = ENV.list("GONGKAI_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "gongkai.web.agencies",
    "gongkai.web.audit",
    "gongkai.web.ledger",
    "gongkai.web.supervision",
    "gongkai.web.register",
    "gongkai.web.cases",
    "gongkai.web.reports",
    "gongkai.web.letters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.web.urls"
WSGI_APPLICATION = "gongkai.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "agencies.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT: str | None = ENV.str("GONGKAI_STATIC_ROOT", default="") or None
STATICFILES_DIRS = [WEB_DIR / "static"]
# whitenoise serves the package's own files straight from the finders: gongkai ships a handful of
# small files, and ``gongkai serve`` must work without a collectstatic step.
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
X_FRAME_OPTIONS = "DENY"

# The data directory holds the loaded working-day calendars (<data dir>/calendar/YYYY.toml), the
# same place ``gongkai calendar load`` writes to.
GONGKAI_CALENDAR_DIR = data_dir(create=False) / "calendar"
GONGKAI_TODAY = ENV.str("GONGKAI_TODAY", default="")
GONGKAI_PAGE_SIZE = 50

# E-mail (only ``gongkai remind`` sends any): the EMAIL_* settings come from GONGKAI_EMAIL_URL.
_EMAIL = email_settings()
globals().update(_EMAIL)
GONGKAI_EMAIL_ENABLED = bool(_EMAIL)
DEFAULT_FROM_EMAIL = ENV.str("GONGKAI_EMAIL_FROM", default="gongkai@localhost")

# Applicants' data must never reach a log: request bodies are not logged, and errors are logged
# without the POST data (Django's SafeExceptionReporterFilter hides it; nothing here logs forms).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
