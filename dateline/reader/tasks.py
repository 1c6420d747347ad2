"""The reader's background job: telling a front cache which pages went stale."""

from __future__ import annotations

import time

from dateline.reader import frontcache
from dateline.tasks import job

# A cache that is away is asked again after about 1, 2 and 4 s, then left: by then its
# copies are old by at most PAGE_MAX_AGE, and a cache that restarts begins empty.
RETRIES = 3
BACKOFF_SECONDS = 1.0


@job(retries=RETRIES, backoff=BACKOFF_SECONDS)
def purge_front_cache(url: str, keys: list[str], *, not_before: float = 0.0) -> int | None:
    """Purge keys at one front cache, not before not_before (epoch seconds): the number of
    pages it dropped; fails (and is retried) while the cache cannot be reached."""
    wait = not_before - time.time()
    if wait > 0:
        time.sleep(min(wait, frontcache.SETTLE_SHARED))
    return frontcache.purge(url, keys)
