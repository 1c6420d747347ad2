"""Other ways to serve the same site, for bench/serving.py to compare with `dateline serve`.

Never for production: Django's own ASGI handler here has no WebSockets, no stored-page
front and no health answers. Django's WSGI app is `dateline.wsgi:application`.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

from django.core.asgi import get_asgi_application  # noqa: E402

django_asgi = get_asgi_application()
