"""Django's Redis cache, answering like an empty cache while Redis is down or frozen.

Every call has a short socket timeout. A call that fails opens the breaker: for RETRY_SECONDS
every call returns at once with what an empty cache would say (a miss, nothing stored), so
a frozen Redis costs one timeout per process every few seconds instead of one per call.
Then one call tries again. One warning when Redis goes, one line when it is back.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

log = logging.getLogger(__name__)
RETRY_SECONDS = 2.0
TIMEOUT_SECONDS = 0.25
_down_until = 0.0
_down = False
_went_down = 0.0
_state = threading.Lock()  # many threads fail at once when Redis goes: one of them says so


def available() -> bool:
    """False while the breaker is open (the shared cache is not being asked)."""
    return not _down


def _call(method: str, fallback):
    def call(self, *args, **kwargs):
        global _down, _down_until, _went_down
        if _down and time.monotonic() < _down_until:
            return fallback(*args, **kwargs)
        started = time.monotonic()
        try:
            result = getattr(super(TolerantClient, self), method)(*args, **kwargs)
        except self._lib.RedisError as error:
            with _state:
                if not _down:
                    log.warning("the shared cache is not answering (%s); pages are rendered "
                                "without it until it is back", error)
                    _down, _went_down = True, time.monotonic()
                _down_until = time.monotonic() + RETRY_SECONDS
            return fallback(*args, **kwargs)
        if _down:
            with _state:
                # a call that began before Redis went proves nothing about now
                if _down and started > _went_down:
                    _down = False
                    log.warning("the shared cache answers again")
        return result

    return call


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


class TolerantClient(RedisCacheClient):
    get = _call("get", lambda key, default=None: default)
    get_many = _call("get_many", lambda keys: {})
    has_key = _call("has_key", _false)
    add = _call("add", lambda *args, **kwargs: True)  # as an empty cache would take it
    touch = _call("touch", _false)
    delete = _call("delete", _false)
    set = _call("set", _nothing)
    set_many = _call("set_many", _nothing)
    delete_many = _call("delete_many", _nothing)
    clear = _call("clear", _nothing)
    # a counter nobody can read: as if it had just been made
    incr = _call("incr", lambda key, delta: delta)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_timeout", TIMEOUT_SECONDS)
        options.setdefault("socket_connect_timeout", TIMEOUT_SECONDS)
        super().__init__(server, params)
        self._class = TolerantClient
