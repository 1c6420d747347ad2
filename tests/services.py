"""The shared services some tests use: PostgreSQL and Redis, named by the environment.

Redis is the one in REDIS_URL (database included), else 127.0.0.1:6379/0; PostgreSQL the
server in DATELINE_TEST_POSTGRES, else postgres@127.0.0.1:5432. What a test writes to Redis
carries a key prefix of its own run, and only those keys are removed afterwards: the
database may be shared. A test needing either skips, with the reason, when it is not
reachable; DATELINE_REQUIRE_SERVICES=1 (set by .ci/run) turns the skip into a failure.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
import redis

from dateline.testing import Server

REQUIRED = os.environ.get("DATELINE_REQUIRE_SERVICES") == "1"
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
PG_SERVER = os.environ.get("DATELINE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432")


def unavailable(what: str, error: Exception | str) -> NoReturn:
    message = f"{what} is not reachable: {error}"
    if REQUIRED:
        pytest.fail(message + " (DATELINE_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def redis_client() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=3, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        unavailable(f"Redis at {REDIS_URL}", error)
    return client


def postgres_admin() -> psycopg.Connection:
    try:
        return psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.Error as error:
        unavailable(f"PostgreSQL at {PG_SERVER}", error)


def new_prefix() -> str:
    """A key prefix no other run uses (cache keys and channel-layer names both carry it)."""
    return f"dateline-test-{secrets.token_hex(4)}"


def forget(client: redis.Redis, prefix: str) -> int:
    """Delete this run's keys, and only those; returns how many went."""
    keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
    return client.delete(*keys) if keys else 0


@contextmanager
def two_servers(data_dir: Path, name: str, *, prefix: str | None = None,
                log_level: str = "ERROR", traceback_fails: bool = True,
                **env: str) -> Iterator[list[Server]]:
    """Two `dateline serve` (not started yet) sharing a PostgreSQL database made for them
    and Redis under a key prefix of their own. Afterwards both are stopped, the database
    dropped and the keys removed; a traceback in either's log fails the test."""
    cache, admin = redis_client(), postgres_admin()
    database = f"dateline_{name}_{secrets.token_hex(6)}"
    prefix = prefix or new_prefix()
    shared = {"DATABASE_URL": f"{PG_SERVER}/{database}", "REDIS_URL": REDIS_URL,
              "CACHE_KEY_PREFIX": prefix, "LOG_LEVEL": log_level, **env}
    both = [Server(data_dir, **shared), Server(data_dir, **shared)]
    admin.execute(f'CREATE DATABASE "{database}"')
    try:
        yield both
    finally:
        for server in both:
            server.stop()
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
        forget(cache, prefix)
        cache.close()
    if traceback_fails:
        for server in both:
            output = server.output()
            assert "Traceback" not in output and "panicked" not in output, output[-3000:]
