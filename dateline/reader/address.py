"""The site's own address, for links that leave the page (feeds, sitemaps).

Django builds those from the request's Host header. A stored feed is served to everyone,
so a client sending a Host of its choosing would choose everyone's links: these take
SITE_URL instead, whatever the request said.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings


class AsTheSite:
    """The request as link-building code sees it: host and scheme are SITE_URL's."""

    def __init__(self, request) -> None:
        self._request = request

    def get_host(self) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def is_secure(self) -> bool:
        return settings.SITE_URL.startswith("https")

    @property
    def scheme(self) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def __getattr__(self, name: str):
        return getattr(self._request, name)


def site_links(view):
    """Run a view with links built from SITE_URL."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(AsTheSite(request), *args, **kwargs)

    return wrapper
