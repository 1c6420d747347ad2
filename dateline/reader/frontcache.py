"""Telling shared front caches (deploy/varnish/) which stored pages went stale.

Each front cache keeps pages by the keys of their `Surrogate-Key` header. When `pages_stale`
names keys, each cache in FRONT_CACHE_PURGE_URLS is sent `PURGE` with an `xkey` header
listing them, by a background job (tasks.py) that retries briefly while a cache is away:
a newsroom's write never waits for a cache, nor fails with one. docs/front-cache.md.
"""

from __future__ import annotations

import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

log = logging.getLogger(__name__)
TIMEOUT = 2.0  # seconds for a cache's answer: a purge is a lookup in its memory
CLAIM_SECONDS = 24 * 3600  # far longer than an event takes to reach every process
KEYS_PER_REQUEST = 4000  # characters of keys per PURGE: well inside a cache's header limit
# A purge must reach a cache only once no server would hand it the old page again. Where
# the page store is shared (Redis), every server process keeps a near copy of it for up to
# half a second (reader/versions.py, Versions.NEAR_SECONDS): wait that out. Everywhere, a render
# begun before the event and finished after the purge would be kept as fresh: wait for
# renders under way to end. A publication still reaches readers within a second.
SETTLE_SHARED = 0.6
SETTLE_LOCAL = 0.25
_DROPPED = re.compile(rb"Purged ([0-9]{1,12})")  # deploy/varnish/dateline.vcl's answer


class CacheUnavailable(Exception):
    """The cache did not take the purge this time (5xx, no answer): try again shortly."""


def purge_urls() -> list[str]:
    """The purge addresses of the front caches, in the order configured; none when off."""
    return list(settings.FRONT_CACHE_PURGE_URLS)


def settle_seconds() -> float:
    return SETTLE_SHARED if settings.REDIS_URL else SETTLE_LOCAL


def pages_went_stale(sender, *, keys: frozenset[str], event=None, **kwargs) -> None:
    """Receiver of pages_stale: have each front cache drop the pages with those keys."""
    if not purge_urls() or not keys:
        return
    try:
        _enqueue(sorted(keys), event)
    except Exception:  # a cache, or the queue, must never fail the write that went before
        log.exception("could not ask front caches to purge %s", " ".join(sorted(keys)))


def _enqueue(keys: list[str], event) -> None:
    # Every process an event reaches may send pages_stale for it: the first to add the
    # claim (atomic in Redis and in local memory) enqueues, the others see it taken. The
    # catch-up log's id names the event alike everywhere; one without was delivered here
    # only. While Redis is down the claim is granted to all: a page purged twice is fetched
    # anew twice, whereas a lost purge leaves readers an old page until its max-age.
    event_id = getattr(event, "id", None)
    if event_id is not None and not cache.add(f"frontcache:event:{event_id}", 1, CLAIM_SECONDS):
        return
    from dateline.reader import tasks  # the job imports this module

    not_before = time.time() + settle_seconds()
    with transaction.atomic():  # one job per cache: one that is away is retried alone
        for url in purge_urls():
            tasks.purge_front_cache.enqueue(url, keys, not_before=not_before)


def key_batches(keys: list[str]) -> list[str]:
    """The keys as space-separated header values of at most KEYS_PER_REQUEST characters."""
    batches: list[str] = []
    current = ""
    for key in keys:
        if current and len(current) + 1 + len(key) > KEYS_PER_REQUEST:
            batches.append(current)
            current = ""
        current = f"{current} {key}" if current else key
    return [*batches, current] if current else batches


def purge(url: str, keys: list[str]) -> int | None:
    """Ask the cache at url to drop every page with any of keys; how many it dropped (None
    when it does not say). Raises CacheUnavailable when worth trying again; a refusal (4xx,
    say a purge from an address its ACL lacks) is logged, not retried."""
    if not _is_address(url):  # no retry would mend it
        log.error("FRONT_CACHE_PURGE_URLS holds %s, not an http(s) address", _safe(url))
        return None
    gone: int | None = 0
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for batch in key_batches(keys):
        try:
            request = urllib.request.Request(url, method="PURGE", headers={"xkey": batch})
            with opener.open(request, timeout=TIMEOUT) as answer:
                dropped = _DROPPED.search(answer.read(4096))
                gone = gone + int(dropped[1]) if dropped and gone is not None else None
        except urllib.error.HTTPError as error:
            if error.code >= 500 or error.code == 429:
                raise CacheUnavailable(f"{_safe(url)} answered {error.code}") from error
            log.error("front cache %s refused a purge: %s %s", _safe(url), error.code,
                      error.reason)
            return None
        except (urllib.error.URLError, OSError) as error:
            raise CacheUnavailable(f"{_safe(url)} could not be reached: {error}") from error
    return gone


def _is_address(url: str) -> bool:
    try:
        parts = urllib.parse.urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and (
            parts.port is None or parts.port > 0)
    except ValueError:  # a port out of range, a broken IPv6 address
        return False


def _safe(url: str) -> str:
    """The address without any password it may hold, for the log."""
    try:
        parts = urllib.parse.urlsplit(url)
        return f"{parts.scheme}://{parts.hostname}:{parts.port or ''}{parts.path}"
    except ValueError:
        return "an unreadable address"
