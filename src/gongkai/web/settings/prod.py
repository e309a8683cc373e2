"""A production deployment behind HTTPS: every secret and host from the environment.

``GONGKAI_SECRET_KEY`` is required (Django refuses to start without it), ``GONGKAI_ALLOWED_HOSTS``
names the site, ``GONGKAI_DATABASE_URL`` usually a PostgreSQL database. ``python -m django check
--deploy --settings=gongkai.web.settings.prod`` reports nothing.
"""

from gongkai.web.settings.base import *  # noqa: F403
from gongkai.web.settings.env import ENV, database

SECRET_KEY = ENV.str("GONGKAI_SECRET_KEY")
SECURE_SSL_REDIRECT = ENV.bool("GONGKAI_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = ENV.int("GONGKAI_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if ENV.bool("GONGKAI_SECURE_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DATABASES = {"default": database()}
