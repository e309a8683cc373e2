"""The WSGI application (served by waitress through ``gongkai serve``, or by any WSGI server)."""

import os

from django.core.wsgi import get_wsgi_application

__all__ = ["application"]

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings.local")
application = get_wsgi_application()
