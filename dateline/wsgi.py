"""WSGI entry point, for hosts that serve pages over WSGI beside the ASGI socket server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

application = get_wsgi_application()
