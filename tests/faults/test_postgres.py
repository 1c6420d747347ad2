"""PostgreSQL connections cut under load: no 500, and the site carries on without a restart.

A `dateline serve` on a PostgreSQL database of its own (created and dropped here) serves
readers rendering pages without pause while every connection it holds is terminated, twice.
A reader may see the 503 page for a moment; never a 500, and then pages again.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator

import pytest

from dateline.testing import LOCAL, Server
from tests.faults.test_redis import SETUP, Readers
from tests.services import PG_SERVER, postgres_admin


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[Server, str]]:
    admin = postgres_admin()
    database = f"dateline_faults_{secrets.token_hex(6)}"
    admin.execute(f'CREATE DATABASE "{database}"')
    server = Server(tmp_path_factory.mktemp("pg-faults"), LOG_LEVEL="WARNING",
                    DATABASE_URL=f"{PG_SERVER}/{database}")
    try:
        server.prepare().shell(SETUP)
        server.start()
        yield server, database
    finally:
        server.stop()
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()


def ready(server: Server) -> None:
    try:
        LOCAL.open(server.url + "/health/ready/", timeout=5).read()
    except OSError:  # 503 while the database is away: what the readers see is counted below
        pass


def terminate_connections(admin, server: Server, database: str, within: float = 5.0) -> int:
    """Terminate every connection to the database; how many were cut.

    Readers' pages may all come from the page cache: a request that needs the database (the
    readiness check) makes the server open a connection, and the pool replaces a cut one in
    the background; so try until there is one to cut, for a few seconds.
    """
    deadline = time.monotonic() + within
    while True:
        ready(server)
        cut = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()", (database,)).fetchone()[0]
        if cut or time.monotonic() > deadline:
            return cut
        time.sleep(0.02)


def test_connections_terminated_mid_traffic_cost_no_500_and_no_restart(site):
    server, database = site
    admin = postgres_admin()
    try:
        with Readers(server.url) as readers:
            time.sleep(1)
            for _ in range(2):
                # when the database drops every connection Dateline holds
                assert terminate_connections(admin, server, database) >= 1
                time.sleep(1.5)
            before_end = dict(readers.statuses)
            time.sleep(1.5)
    finally:
        admin.close()
    print(f"postgres cut twice: {dict(readers.statuses)}")
    print(server.output()[-6000:])
    # then nobody got a 500 or no answer; 503 at most, for a moment
    assert {s: n for s, n in readers.statuses.items() if s not in (200, 503)} == {}, (
        readers.statuses)
    assert readers.statuses[503] <= readers.statuses[200] / 10, readers.statuses
    # and pages kept coming after the cuts, with the same server
    assert readers.statuses[200] > before_end.get(200, 0)
    assert server.get("/en/search/?q=after").status == 200
    # and the server has new connections: it answers that it is ready
    assert LOCAL.open(server.url + "/health/ready/", timeout=5).status == 200
    assert "Traceback" not in server.output(), server.output()[-3000:]
