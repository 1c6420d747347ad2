"""ASGI entry point: HTTP pages and (through Channels) WebSockets in one process."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

from channels.routing import ProtocolTypeRouter  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402

http_application = get_asgi_application()

application = ProtocolTypeRouter({"http": http_application})
