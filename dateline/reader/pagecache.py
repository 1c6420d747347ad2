"""Whole-page cache for readers' pages, kept fresh by domain events.

A reader's page is the same for everyone (per-reader parts arrive after load), so the first
response a view marks `Cache-Control: public` is stored and served to every later reader
until what it shows changes. A page names what it shows as keys (`pagekeys`) and records
their versions (`versions`) when rendered; an event bumps only the keys it touches, so a
publication makes stale the lists the new story enters, not every page of the site.
One request renders a missing or stale page while the others wait for it briefly, or get
the stale copy meanwhile. In the server, fresh hits never leave the event loop: StoredPages
answers them before Django and before any thread hop.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils.cache import patch_cache_control, patch_vary_headers

from dateline.events import ArticleEvent, CommentChanged, SiteChanged, listen, position
from dateline.reader import pagekeys
from dateline.reader.pagequery import stored_query
from dateline.reader.stale import EVERY_PAGE, KEYS_HEADER, pages_stale
from dateline.reader.versions import versions

log = logging.getLogger(__name__)
_GZIP_MIN = 512
PATH_MAX = 500
_SKIP_HEADERS = {"content-length", "content-encoding", "x-cache"}
LOCK_SECONDS = 5  # a render taking longer lets another request start one too
# (a request waiting for another's render gives up after settings.PAGE_RENDER_WAIT and
# renders itself)
_POLL_SECONDS = 0.01
_STALE = -1  # the version recorded for EVERY_PAGE when an event overlapped the render
_ENTRY_FIELDS = 6  # versions, status, headers, body, gzip body, ready ASGI headers
_MEMO_SIZE = 4096


def public_page(view: Callable | None = None, *, reads: tuple[str, ...] | None = ()):
    """Mark a view's 200 responses as the same for every reader: shared caches may keep them,
    and the page store keeps them until what they show changes. `reads` names the query
    parameters that make a different page (None: any; see pagequery)."""
    if view is None:
        return lambda view: public_page(view, reads=reads)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # read before the page's queries: any later event is replayed to it, none is lost
        request.last_event_id = position()
        token = pagekeys.collect()
        try:
            response = view(request, *args, **kwargs)
        finally:
            keys = pagekeys.collected(token)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
            # Only these pages are stored here; other public responses (say, a discussion
            # list) are left to shared caches' short max-age.
            response.page_keys = keys
            response[KEYS_HEADER] = " ".join(sorted(keys))
        return response

    wrapper.page_reads = reads
    return wrapper


def make_stale(event=None) -> None:
    """Make stale the stored pages that show what an event changed; tell front caches."""
    keys = pagekeys.stale_for(event) if event is not None else frozenset({EVERY_PAGE})
    if not versions.bump(keys):
        _near.forget()  # the shared store could not be told: keep nothing of it here
        versions.forget()
    pages_stale.send(sender=None, keys=keys, event=event)


def connect() -> None:
    listen(ArticleEvent, make_stale)
    listen(SiteChanged, make_stale)  # menus, section pages, credits: every page
    listen(CommentChanged, make_stale)  # the story's own page only


def cache_key(method: str, path: str, query: str) -> str | None:
    """The key a page is kept under, or None when the request must not use the store. The
    parameters the page does not read (tracking tags, anything made up) are no part of it."""
    if not settings.PAGE_STORE or method not in ("GET", "HEAD") or len(path) > PATH_MAX:
        return None  # no page of ours has an address this long
    query = stored_query(path, query)
    if query is None:
        return None
    return page_key(path, query)


def page_key(path: str, query: str) -> str:
    """A cache key of bounded length and plain characters, whatever the address holds."""
    digest = hashlib.blake2b(f"{path}?{query}".encode(), digest_size=16).hexdigest()
    return f"pagecache:page:{digest}"


class _Near:
    """A small copy, inside this process, of the pages the store holds, as ready objects.

    With Redis every hit would cost a network round trip; in local memory, unpickling the
    page. Here a page once found fresh is served again as it is while the clock (see
    versions) has not moved; with Redis the clock is asked for at most every NEAR_SECONDS,
    so another process's publication reaches this one within that time (this process's
    own at once).
    """

    SIZE = 512

    def __init__(self) -> None:
        # key: (entry, checked at clock, until when it may be kept here)
        self.pages: dict[str, tuple[tuple, int | None, float]] = {}

    def remember(self, key: str, entry: tuple, clock: int | None) -> None:
        if len(self.pages) >= self.SIZE:
            self.pages.clear()
        # no longer than Redis keeps it: what no event changes (the most read) still ages
        self.pages[key] = (entry, clock, time.monotonic() + settings.PAGE_MAX_AGE * 10)

    def page(self, key: str) -> tuple | None:
        kept = self.pages.get(key)
        return kept if kept is not None and time.monotonic() < kept[2] else None

    def forget(self) -> None:
        self.pages.clear()
        versions.forget()


_near = _Near()


def _holds(entry: tuple) -> bool:
    recorded = entry[0]
    current = versions.of(key for key, _version in recorded)
    return all(current[key] == version for key, version in recorded)


def lookup(key: str) -> tuple[tuple | None, bool]:
    """The stored entry for key (None if there is none) and whether it is fresh. The near
    copy answers while the versions' clock has not moved, on the embedded default too (a
    page read from local memory would be unpickled on every hit)."""
    clock = versions.now()
    kept = _near.page(key)
    if kept is not None:
        if kept[1] == clock:
            return kept[0], True
        if _holds(kept[0]):
            _near.remember(key, kept[0], clock)
            return kept[0], True
    entry = cache.get(key)
    if entry is not None and len(entry) != _ENTRY_FIELDS:
        entry = None  # kept by another version of Dateline: rendered again
    if entry is None:
        return (kept[0] if kept else None), False  # the store forgot it; what was here is stale
    if _holds(entry):
        _near.remember(key, entry, clock)
        return entry, True
    return entry, False


def _key(request: HttpRequest) -> str | None:
    request.get_host()  # a host the site does not answer to is refused (400), never served
    return cache_key(request.method, request.path, request.META.get("QUERY_STRING", ""))


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _from_entry(request: HttpRequest, entry: tuple, state: str = "hit") -> HttpResponse:
    _versions, status, headers, body, gz_body, _raw = entry
    compressed = gz_body is not None and _accepts_gzip(request)
    content = gz_body if compressed else body
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, value in headers:
        response[name] = value
    if compressed:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(content))
    response["X-Cache"] = state
    return response


def _storable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (getattr(response, "page_keys", None) is not None
            and response.status_code == 200 and "public" in cache_control
            and not response.cookies and not response.streaming
            and not response.has_header("Content-Encoding"))


def _store(key: str, clock: int, request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Keep a page just rendered with the versions of what it shows; clock is the versions'
    clock read before the render."""
    recorded, clock_now = versions.exact(response.page_keys)
    if clock_now != clock:
        # an event came during the render: what it read may be older than these versions
        recorded[EVERY_PAGE] = _STALE
    body = response.content
    gz_body = gzip.compress(body, 6, mtime=0) if len(body) >= _GZIP_MIN else None
    if gz_body is not None:
        patch_vary_headers(response, ("Accept-Encoding",))
    headers = [(k, v) for k, v in response.items() if k.lower() not in _SKIP_HEADERS]
    entry = (tuple(sorted(recorded.items())), response.status_code, headers, body, gz_body,
             _raw_headers(headers, body, gz_body))
    cache.set(key, entry, timeout=settings.PAGE_MAX_AGE * 10)
    _near.remember(key, entry, None)
    return _from_entry(request, entry, "miss")


def _raw_headers(headers: list, body: bytes, gz_body: bytes | None) -> tuple[list, list | None]:
    """The headers StoredPages sends, plain and gzip, made once when the page is stored:
    a hit then sends what is ready."""
    raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    hit = (b"x-cache", b"hit")
    plain = [*raw, (b"content-length", str(len(body)).encode()), hit]
    if gz_body is None:
        return plain, None
    return plain, [*raw, (b"content-encoding", b"gzip"),
                   (b"content-length", str(len(gz_body)).encode()), hit]


def _lock_key(key: str) -> str:
    return key.replace(":page:", ":rendering:", 1)


class PageCacheMiddleware:
    """Serve stored public pages; store fresh ones, one render per page at a time. In the
    server, StoredPages answers fresh hits before Django; this serves them to Django's own
    callers (the WSGI entry, the tests), and the stale and missing ones always."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        key = _key(request)
        if key is None:
            return self.get_response(request)
        wait = settings.PAGE_RENDER_WAIT
        gives_up = time.monotonic() + wait
        while True:
            entry, fresh = lookup(key)
            if fresh:
                return _from_entry(request, entry)
            # One request renders (in any process: the lock is in the shared cache); the
            # others serve the stale copy meanwhile, or wait for the new one briefly.
            if cache.add(_lock_key(key), 1, timeout=max(LOCK_SECONDS, 2 * wait)):
                try:
                    return self._render(key, request)
                finally:
                    cache.delete(_lock_key(key))
            if entry is not None:
                return _from_entry(request, entry, "stale")
            if time.monotonic() > gives_up:
                return self._render(key, request)  # the render we waited for is late
            time.sleep(_POLL_SECONDS)

    def _render(self, key: str, request: HttpRequest) -> HttpResponse:
        clock = versions.exact_clock()
        started = time.process_time()
        response = self.get_response(request)
        log.info("rendered %s for the page store (%.1f ms of CPU)", request.get_full_path(),
                 (time.process_time() - started) * 1000)
        if _storable(response):
            return _store(key, clock, request, response)
        return response


# What StoredPages works out per request but is the same for the same request line: kept
# (bounded, cleared when settings change) so that a hit costs lookups, not parsing.
_hosts: dict[bytes, bool] = {}
_keys: dict[tuple[str, str, bytes], str | None] = {}


def _allowed_host(host: bytes) -> bool:
    """Only a host the site answers to gets a stored page; Django refuses the others (400)."""
    allowed = _hosts.get(host)
    if allowed is None:
        domain, _port = split_domain_port(host.decode("latin-1"))
        allowed = bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)
        if len(_hosts) >= 64:
            _hosts.clear()  # made-up Host headers: the memo stays small
        _hosts[host] = allowed
    return allowed


def _scope_key(scope) -> str | None:
    line = (scope["method"], scope.get("root_path", "") + scope["path"],
            scope.get("query_string", b""))
    try:
        return _keys[line]
    except KeyError:
        pass
    key = cache_key(line[0], line[1], line[2].decode("latin-1"))
    if len(_keys) >= _MEMO_SIZE:
        _keys.clear()
    _keys[line] = key
    return key


@receiver(setting_changed)
def _settings_changed(**kwargs) -> None:
    _hosts.clear()
    _keys.clear()


class StoredPages:
    """ASGI front: answers fresh stored pages without entering Django; passes the rest on."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            host = accept = b""
            for name, value in scope.get("headers", ()):
                if name == b"host":
                    host = value
                elif name == b"accept-encoding":
                    accept = value
            key = _scope_key(scope) if _allowed_host(host) else None
            if key is not None:
                entry, fresh = lookup(key)
                if fresh:
                    await self._send(scope, send, entry, b"gzip" in accept)
                    return
        await self.app(scope, receive, send)

    @staticmethod
    async def _send(scope, send, entry: tuple, gzip_ok: bool) -> None:
        _versions, status, _headers, body, gz_body, (plain, gzipped) = entry
        content, raw = (gz_body, gzipped) if gzip_ok and gz_body is not None else (body, plain)
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body",
                    "body": b"" if scope["method"] == "HEAD" else content})


def fragment(name: str, render: Callable[[], str], *,
             keys: frozenset[str] = frozenset({EVERY_PAGE})) -> str:
    """A part shared by many pages (the menu), rendered once until its keys are made stale."""
    key = f"pagecache:fragment:{name}"
    entry = cache.get(key)
    if entry is not None and _holds(entry):
        return entry[1]
    clock = versions.exact_clock()
    html = render()
    recorded, clock_now = versions.exact(keys)
    if clock_now == clock:
        cache.set(key, (tuple(sorted(recorded.items())), html),
                  timeout=settings.PAGE_MAX_AGE * 10)
    return html
