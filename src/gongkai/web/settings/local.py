"""``gongkai serve`` on one machine: SQLite in the data directory, a secret key generated there.

Not a development setting: DEBUG stays off, because the demo and a small office run on it.
"""

from gongkai.web.settings.base import *  # noqa: F403
from gongkai.web.settings.env import ENV, database, generated_secret_key

SECRET_KEY = ENV.str("GONGKAI_SECRET_KEY", default="") or generated_secret_key()

DATABASES = {"default": database()}
