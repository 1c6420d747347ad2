"""Health answers for load balancers, given before Django and whatever the Host header says.

/health/live/  the process runs and its event loop answers: 200.
/health/ready/ it can serve: the database answers, and so do Redis's cache and channel
               layer when REDIS_URL is set; 200, or 503 with what failed.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection

from dateline import cache as shared_cache

LIVE, READY = "/health/live/", "/health/ready/"
CHECK_SECONDS = 2.0


def _database() -> None:
    if connection.vendor == "sqlite" and not Path(connection.settings_dict["NAME"]).exists():
        raise FileNotFoundError("the database file is gone")  # writes would be lost
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        close_old_connections()


def _cache() -> None:
    cache.set("health:probe", 1, timeout=10)
    if cache.get("health:probe") != 1 or not shared_cache.available():
        raise ConnectionError("the shared cache does not answer")


async def _layer() -> None:
    await get_channel_layer().group_send("health.probe", {"type": "health.probe"})


async def _check(name: str, probe) -> tuple[str, str]:
    try:
        work = probe() if asyncio.iscoroutinefunction(probe) else asyncio.to_thread(probe)
        await asyncio.wait_for(work, CHECK_SECONDS)
    except Exception as error:  # any failure is an answer, never a crash
        return name, f"failing: {type(error).__name__}"
    return name, "ok"


async def readiness() -> tuple[int, dict]:
    probes = [("database", _database)]
    if settings.REDIS_URL:
        probes += [("cache", _cache), ("channel layer", _layer)]
    results = dict(await asyncio.gather(*(_check(name, probe) for name, probe in probes)))
    return (200 if all(v == "ok" for v in results.values()) else 503), results


async def answer(scope, send) -> bool:
    """Answer a health request; False when the path is not one."""
    if scope["path"] not in (LIVE, READY):
        return False
    status, body = (200, {"status": "ok"}) if scope["path"] == LIVE else await readiness()
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"cache-control", b"no-store"),
        (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})
    return True
