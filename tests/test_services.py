"""Production parts: PostgreSQL and Redis. Skipped, with the reason, only when not reachable."""

from __future__ import annotations

import os
import socket

import pytest
from django.conf import settings
from django.db import connection

REQUIRED = os.environ.get("DATELINE_REQUIRE_SERVICES") == "1"


def reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


def need(host: str, port: int, what: str) -> None:
    if reachable(host, port):
        return
    if REQUIRED:
        pytest.fail(f"{what} at {host}:{port} is required here but not reachable")
    pytest.skip(f"{what} is not reachable at {host}:{port}")


@pytest.mark.django_db
def test_suite_runs_on_the_configured_database():
    if not os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL is not set: this run uses the embedded SQLite")
    assert connection.vendor == "postgresql"
    assert connection.settings_dict["OPTIONS"]["pool"]


def test_redis_is_what_the_cache_uses_when_configured():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: this run uses the local-memory cache")
    need("127.0.0.1", 6379, "Redis")
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"].startswith("channels_redis")
