"""A version number for each page key, and a clock that moves whenever any of them does.

A stored page records the versions of its keys when it was rendered; it is fresh while they
all still hold. Making keys stale moves the clock, bumps each key, and moves the clock again:
a reader who sees a bumped key also sees the clock moved (a render that overlapped an event
is never taken for fresh), and one who read the clock between the two moves will see it move
once more (a check made in between is redone).

On the embedded default the page store is this process's memory and every event is
delivered here, so the numbers live in a dict. With Redis they live in Redis; each process
keeps a near copy, asks for the clock at most every NEAR_SECONDS and, while the clock has
not moved, trusts the versions and the checks it has already made.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache

from dateline import cache as shared_cache

CLOCK_KEY = "pagecache:clock"
_PREFIX = "pagecache:v:"


def shared() -> bool:
    return not settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


class Versions:
    NEAR_SECONDS = 0.5
    SIZE = 50_000  # near versions kept before starting afresh

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.forget()

    def forget(self) -> None:
        """Start afresh: nothing known, nothing checked (Redis away, or a test's new start)."""
        with self._lock:
            self.local: dict[str, int] = {}  # the embedded default: the numbers themselves
            self.local_clock = 0
            self.near: dict[str, int] = {}  # with Redis: versions read at self.clock
            self.clock: int | None = None
            self.clock_read = 0.0

    # --- reading --------------------------------------------------------------------------

    def now(self) -> int:
        """The clock, as this process knows it (with Redis: at most NEAR_SECONDS old)."""
        if not shared():
            return self.local_clock
        moment = time.monotonic()
        if self.clock is None or moment - self.clock_read > self.NEAR_SECONDS:
            value = cache.get(CLOCK_KEY)
            if value is None and not shared_cache.available() and self.clock is not None:
                value = self.clock  # Redis is away: what was known still holds
            with self._lock:
                if value != self.clock:
                    self.near = {}  # versions read before the clock moved may be old
                self.clock, self.clock_read = value or 0, moment
        return self.clock

    def of(self, keys: Iterable[str]) -> dict[str, int]:
        """The versions of keys (0 for a key never made stale), near copies where known."""
        keys = list(keys)
        if not shared():
            return {key: self.local.get(key, 0) for key in keys}
        self.now()
        near = self.near
        missing = [key for key in keys if key not in near]
        if missing:
            found = cache.get_many([_PREFIX + key for key in missing])
            fresh = {key: found.get(_PREFIX + key, 0) for key in missing}
            if shared_cache.available():
                with self._lock:
                    if near is self.near and len(near) < self.SIZE:
                        near.update(fresh)
            return {key: near.get(key, fresh.get(key, 0)) for key in keys}
        return {key: near[key] for key in keys}

    def exact(self, keys: Iterable[str]) -> tuple[dict[str, int], int]:
        """The versions of keys and the clock, read together from the store itself (no near
        copy): what a page just rendered records."""
        keys = list(keys)
        if not shared():
            with self._lock:
                return {key: self.local.get(key, 0) for key in keys}, self.local_clock
        found = cache.get_many([CLOCK_KEY] + [_PREFIX + key for key in keys])
        return {key: found.get(_PREFIX + key, 0) for key in keys}, found.get(CLOCK_KEY, 0)

    def exact_clock(self) -> int:
        if not shared():
            return self.local_clock
        return cache.get(CLOCK_KEY, 0)

    # --- writing --------------------------------------------------------------------------

    def bump(self, keys: Iterable[str]) -> bool:
        """Make keys stale; False if the shared store could not be told."""
        if not shared():
            with self._lock:
                self.local_clock += 1
                for key in keys:
                    self.local[key] = self.local.get(key, 0) + 1
                self.local_clock += 1
            return True
        _incr(CLOCK_KEY)
        for key in keys:
            _incr(_PREFIX + key)
        _incr(CLOCK_KEY)
        if not shared_cache.available():
            return False
        with self._lock:
            self.clock = None  # this process's own change counts here at once
        return True


def _incr(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # never made stale before
        cache.add(key, 0, timeout=None)
        cache.incr(key)


versions = Versions()
