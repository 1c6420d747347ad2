"""Other ways to serve the same site, for bench/serving.py to compare with `dateline serve`.

Never for production: neither has WebSockets, a worker thread or the event-log follower.
Django's WSGI app is `dateline.wsgi:application`.

django_asgi  Django's own ASGI handler.
bridge       our HTTP path alone (health answers, stored pages, the WSGI bridge) with
             BENCH_BRIDGE_THREADS threads (default 8, as in dateline/asgi.py): to tell
             what the bridge costs from what its number of threads costs.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

from dateline import health  # noqa: E402
from dateline.reader.pagecache import StoredPages  # noqa: E402
from dateline.wsgi_threads import WSGIThreads  # noqa: E402

django_asgi = get_asgi_application()

_pages = StoredPages(WSGIThreads(get_wsgi_application(),
                                 threads=int(os.environ.get("BENCH_BRIDGE_THREADS", "8")),
                                 max_body=settings.REQUEST_MAX_BYTES))


async def bridge(scope, receive, send):
    if scope["type"] == "http" and await health.answer(scope, send):
        return
    await _pages(scope, receive, send)
