"""ASGI entry point: HTTP pages and (through Channels) WebSockets in one process.

Stored reader pages are answered right here, before Django, so a cache hit costs a cache
lookup and nothing else. Other HTTP requests run Django's ordinary (WSGI) request cycle in
a worker thread: one thread hop per request, where Django's own ASGI handler makes several
for sync views and middleware (measured in docs/serving.md).
"""

import asyncio
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

import django  # noqa: E402

django.setup()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402

from dateline import health  # noqa: E402
from dateline.live import bus, delivery  # noqa: E402
from dateline.live.consumers import LiveConsumer  # noqa: E402
from dateline.live.origin import SameOrigin  # noqa: E402
from dateline.reader.pagecache import StoredPages  # noqa: E402
from dateline.tasks import worker  # noqa: E402
from dateline.wsgi_threads import WSGIThreads  # noqa: E402

http_application = StoredPages(WSGIThreads(get_wsgi_application(), threads=8,
                                            max_body=settings.REQUEST_MAX_BYTES))

websocket_application = SameOrigin(AuthMiddlewareStack(URLRouter([
    path("ws/live/", LiveConsumer.as_asgi()),
])))

router = ProtocolTypeRouter({"http": http_application, "websocket": websocket_application})


async def application(scope, receive, send):
    if delivery.loop_unknown():  # where events for live pages must be handed over
        delivery.remember_loop(asyncio.get_running_loop())
    if scope["type"] == "http":
        if not await health.answer(scope, send):
            await http_application(scope, receive, send)  # no router between: hits are hot
        return
    await router(scope, receive, send)


if os.environ.get("DATELINE_SERVE") == "1":  # set by `dateline serve`
    bus.start_following()

if os.environ.get("DATELINE_WORKER") == "1":  # set by `dateline serve` unless --no-worker
    worker.start_in_background()
