"""Whole-page cache for readers' pages, kept fresh by domain events.

A reader's page is the same for everyone (per-reader parts arrive after load), so the first
response a view marks `Cache-Control: public` is stored and served to every later reader
until the content changes. Instead of hunting down every page a story appears on, any
article event bumps one generation number; a stored page from an older generation is stale.
In the server, hits never leave the event loop: StoredPages answers them before Django
and before any thread hop.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils.cache import patch_cache_control, patch_vary_headers

from dateline import cache as shared_cache
from dateline.events import ArticleEvent, CommentChanged, SiteChanged, listen, position
from dateline.reader.stale import EVERY_PAGE, KEYS_HEADER, pages_stale

GENERATION_KEY = "pagecache:generation"
_PAGE_QUERY = re.compile(r"(page=[1-9][0-9]{0,8})?")
_GZIP_MIN = 512
PATH_MAX = 500
QUERY_MAX = 1000  # longer query strings are no shared link of ours: rendered, never stored
_TRACKING = re.compile(r"utm_[A-Za-z_]{1,30}|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid"
                       r"|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|s_cid")
_SKIP_HEADERS = {"content-length", "content-encoding", "x-cache"}


def public_page(view: Callable) -> Callable:
    """Mark a view's 200 responses as the same for every reader: shared caches may keep them."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # read before the page's queries: any later event is replayed to it, none is lost
        request.last_event_id = position()
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
            # Only pages refreshed by article events are stored here; other public
            # responses (say, a discussion list) are left to shared caches' short max-age.
            response.stored_until_changed = True
            response[KEYS_HEADER] = EVERY_PAGE
        return response

    return wrapper


def bump_generation(event=None) -> None:
    """Make every stored page stale; called after any article event."""
    try:
        value = cache.incr(GENERATION_KEY)
    except ValueError:
        value = 1
        cache.set(GENERATION_KEY, value, timeout=None)
    if not shared_cache.available():
        _near.forget()  # the shared store could not be told: keep nothing of it here
        return
    _near.generation = (time.monotonic(), value)
    pages_stale.send(sender=None, keys=frozenset({EVERY_PAGE}), event=event)


def forget_story_page(event) -> None:
    """A story's own page shows its comment count: drop just that page, not every page."""
    key = page_key(event.article_url, "")
    cache.delete(key)
    _near.pages.pop(key, None)


def connect() -> None:
    listen(ArticleEvent, bump_generation)
    listen(SiteChanged, bump_generation)  # menus, section pages, credits
    listen(CommentChanged, forget_story_page)


def without_tracking(query: str) -> str:
    """The query string without the parameters that only tell where a reader came from
    (utm_*, fbclid, gclid...): no page of ours reads them, the reader's browser does."""
    if not query:
        return query
    return "&".join(part for part in query.split("&")
                    if not _TRACKING.match(part.split("=", 1)[0]))


def cache_key(method: str, path: str, query: str) -> str | None:
    """The key a page is kept under, or None when the request must not use the cache. A
    story shared with tracking parameters is the same stored page as without them."""
    if method not in ("GET", "HEAD"):
        return None
    if len(query) > QUERY_MAX:
        return None
    query = without_tracking(query)
    if not _PAGE_QUERY.fullmatch(query):
        return None  # unknown parameters would let anyone fill the cache
    if len(path) > PATH_MAX:
        return None  # no page of ours has an address this long
    return page_key(path, query)


def page_key(path: str, query: str) -> str:
    """A cache key of bounded length and plain characters, whatever the address holds."""
    digest = hashlib.blake2b(f"{path}?{query}".encode(), digest_size=16).hexdigest()
    return f"pagecache:page:{digest}"


class _Near:
    """A small copy, inside this process, of what a shared (Redis) cache holds.

    With Redis every hit would cost a network round trip. Here the generation is asked of
    Redis at most every NEAR_SECONDS, and recently served pages are kept in memory: another
    process's publication reaches this one within that time (this process's own at once).
    """

    SECONDS = 0.5
    SIZE = 512

    def __init__(self) -> None:
        self.generation: tuple[float, int] | None = None  # (asked at, value)
        self.pages: dict[str, tuple[float, tuple]] = {}  # key: (kept at, entry)

    def enabled(self) -> bool:
        return not settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")

    def current_generation(self) -> int:
        now = time.monotonic()
        if self.generation is None or now - self.generation[0] > self.SECONDS:
            value = cache.get(GENERATION_KEY, 0)
            if not shared_cache.available() and self.generation is not None:
                value = self.generation[1]  # Redis is away: what was known still holds
            self.generation = (now, value)
        return self.generation[1]

    def page(self, key: str) -> tuple | None:
        kept = self.pages.get(key)
        if kept is None:
            return None
        if time.monotonic() - kept[0] > self.SECONDS and shared_cache.available():
            return None  # a page dropped elsewhere (say, its count changed) is dropped here too
        return kept[1]  # (while Redis is away, the copy here keeps serving)

    def remember(self, key: str, entry: tuple) -> None:
        if len(self.pages) >= self.SIZE:
            self.pages.clear()
        self.pages[key] = (time.monotonic(), entry)

    def forget(self) -> None:
        self.generation = None
        self.pages.clear()


_near = _Near()


def lookup(key: str) -> tuple[tuple | None, int]:
    """The stored entry for key if it is of the current generation, and that generation."""
    if _near.enabled():
        generation = _near.current_generation()
        entry = _near.page(key)
        if entry is None or entry[0] != generation:
            entry = cache.get(key)
            if entry is not None and entry[0] == generation:
                _near.remember(key, entry)
        return (entry, generation) if entry is not None and entry[0] == generation else (
            None, generation)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY, 0)
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry, generation
    return None, generation


def _key(request: HttpRequest) -> str | None:
    request.get_host()  # a host the site does not answer to is refused (400), never served
    return cache_key(request.method, request.path, request.META.get("QUERY_STRING", ""))


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _from_entry(request: HttpRequest, entry: tuple) -> HttpResponse:
    _gen, status, headers, body, gz_body = entry
    compressed = gz_body is not None and _accepts_gzip(request)
    content = gz_body if compressed else body
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, value in headers:
        response[name] = value
    if compressed:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(content))
    response["X-Cache"] = "hit"
    return response


def _storable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (getattr(response, "stored_until_changed", False)
            and response.status_code == 200 and "public" in cache_control
            and not response.cookies and not response.streaming
            and not response.has_header("Content-Encoding"))


def _store(key: str, generation: int, request: HttpRequest, response: HttpResponse) -> HttpResponse:
    body = response.content
    gz_body = gzip.compress(body, 6, mtime=0) if len(body) >= _GZIP_MIN else None
    if gz_body is not None:
        patch_vary_headers(response, ("Accept-Encoding",))
    headers = [(k, v) for k, v in response.items() if k.lower() not in _SKIP_HEADERS]
    entry = (generation, response.status_code, headers, body, gz_body)
    cache.set(key, entry, timeout=settings.PAGE_MAX_AGE * 10)
    served = _from_entry(request, entry)
    served["X-Cache"] = "miss"
    return served


class PageCacheMiddleware:
    """Serve stored public pages; store fresh ones. In the server, StoredPages answers hits
    before Django; this serves them to Django's own callers (the WSGI entry, the tests)."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        key = _key(request)
        if key is None:
            return self.get_response(request)
        hit, generation = self._lookup(key, request)
        if hit is not None:
            return hit
        return self._finish(key, generation, request, self.get_response(request))

    @staticmethod
    def _lookup(key: str, request: HttpRequest) -> tuple[HttpResponse | None, int]:
        entry, generation = lookup(key)
        return (_from_entry(request, entry) if entry else None), generation

    @staticmethod
    def _finish(key: str, generation: int, request: HttpRequest,
                response: HttpResponse) -> HttpResponse:
        if _storable(response):
            return _store(key, generation, request, response)
        return response


def _allowed_host(scope) -> bool:
    """Only a host the site answers to gets a stored page; Django refuses the others (400)."""
    host = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"")
    domain, _port = split_domain_port(host.decode("latin-1"))
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


class StoredPages:
    """ASGI front: answers stored pages without entering Django; passes the rest on."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and _allowed_host(scope):
            key = cache_key(scope["method"], scope.get("root_path", "") + scope["path"],
                            scope.get("query_string", b"").decode("latin-1"))
            if key is not None:
                entry, _generation = lookup(key)
                if entry is not None:
                    await self._send(scope, send, entry)
                    return
        await self.app(scope, receive, send)

    @staticmethod
    async def _send(scope, send, entry: tuple) -> None:
        _gen, status, headers, body, gz_body = entry
        accept = b""
        for name, value in scope.get("headers", ()):
            if name == b"accept-encoding":
                accept = value
        content = gz_body if gz_body is not None and b"gzip" in accept else body
        raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        if content is gz_body:
            raw.append((b"content-encoding", b"gzip"))
        raw += [(b"content-length", str(len(content)).encode()), (b"x-cache", b"hit")]
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body",
                    "body": b"" if scope["method"] == "HEAD" else content})


def fragment(name: str, render: Callable[[], str]) -> str:
    """A part shared by many pages (menu, newsfeed), rendered once per content generation."""
    key = f"pagecache:fragment:{name}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY, 0)
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    html = render()
    cache.set(key, (generation, html), timeout=settings.PAGE_MAX_AGE * 10)
    return html
