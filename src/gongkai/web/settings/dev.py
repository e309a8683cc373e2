"""Development on a checkout: the local settings with DEBUG on."""

from gongkai.web.settings.local import *  # noqa: F403

DEBUG = True
