"""Live sockets: delivery delay of one published story to N open pages, and memory per socket.

    .venv/bin/python bench/live.py --clients 1000
    .venv/bin/python bench/live.py --clients 5000
    REDIS_URL=redis://127.0.0.1:6379/5 .venv/bin/python bench/live.py --clients 1000 --servers 2

Starts `dateline serve` on 127.0.0.1 (with --servers 2, two processes on two ports that share
events through Redis) on a fresh data dir, opens N WebSocket clients split evenly across the
servers, in batches, each subscribed to newsfeed.en, and publishes one draft through the
desk over HTTP, as an editor would. For every client it takes the delay between the event's
`sent_at` (set by the server when the event is handed to the channel layer, after commit)
and its arrival; it prints p50, p99 and max delay, how many clients got the event, and the
growth of the servers' resident memory (VmRSS of each server and its child processes)
divided by the number of open sockets.

Database and channel layer come from the environment as for `dateline serve`: DATABASE_URL
and REDIS_URL when set, else SQLite in the data dir and the in-process layer. Two servers
need REDIS_URL; without DATABASE_URL they get a PostgreSQL database of their own on
127.0.0.1:5432 (dateline_bench_<hex>, dropped at the end). A given DATABASE_URL is used as
is: the run adds a user and a story to it. Its cache entries carry a prefix of their own,
but its event goes to every live page on that Redis server whatever the database number
(pub/sub channels are server-wide): point REDIS_URL at a Redis no live site uses. The clients
run in this one process, so their own reading time is part of the delay. Everything targets
loopback and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import math
import os
import re
import resource
import secrets
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline
from dateline.testing import Server  # noqa: E402

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"

SETUP = """
from django.contrib.auth.models import User
from dateline.newsroom.models import Article, Section
user = User.objects.create_superuser(NAME, NAME + '@example.org', PASSWORD)
user.emailaddress_set.create(email=NAME + '@example.org', verified=True, primary=True)
section = (Section.objects.filter(language='en').first()
           or Section.objects.create(name='World', slug='world', language='en', tagline='-'))
draft = Article.objects.create(section=section, language='en', headline=HEADLINE, slug=NAME,
                               lead='Lead.', body='<p>Body.</p>', status='draft')
print('draft', draft.pk)
"""


@dataclass
class Client:
    socket: websockets.ClientConnection
    arrived: float | None = None
    sent_at: float | None = None


@dataclass
class Run:
    clients: list[Client] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)


def raise_open_files_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def rss_kib(server: Server) -> int:
    """Resident memory of a server and its child processes (granian's workers)."""
    total = 0
    for member in server.processes():
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        if found := re.search(r"^VmRSS:\s+(\d+) kB", status, re.M):
            total += int(found.group(1))
    return total


def publish(base: str, name: str, password: str, draft_id: int) -> None:
    """Log in on the desk and press "Publish now", as an editor's browser does."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                          urllib.request.HTTPCookieProcessor(jar))
    login = base + "/en/account/login/"
    form = browser.open(login, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    browser.open(urllib.request.Request(login, headers={"Referer": login}, data=(
        urllib.parse.urlencode({"csrfmiddlewaretoken": token, "login": name,
                                "password": password}).encode())), timeout=30).read()
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    browser.open(urllib.request.Request(
        f"{base}/admin/newsroom/article/{draft_id}/do/publish/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode(),
        headers={"Referer": base + "/admin/"}), timeout=30).read()


async def open_client(base: str, run_: Run, timeout: float) -> None:
    try:
        connection = await websockets.connect(
            base.replace("http://", "ws://") + "/ws/live/", origin=base, proxy=None,
            open_timeout=timeout, ping_interval=None, close_timeout=2)
        await connection.send(json.dumps({"type": "subscribe", "groups": ["newsfeed.en"],
                                          "after": 0}))
        reply = json.loads(await asyncio.wait_for(connection.recv(), timeout))
        if reply["type"] != "subscribed":
            raise RuntimeError(reply["type"])
    except Exception as error:  # counted and reported, not fatal: that is the measurement
        run_.failures[type(error).__name__] += 1
        return
    run_.clients.append(Client(connection))


async def await_event(client: Client, headline: str) -> None:
    try:
        while True:
            message = json.loads(await client.socket.recv())
            if message.get("type") == "event" and message["event"].get("headline") == headline:
                client.arrived = time.time()
                client.sent_at = message["event"]["sent_at"]
                return
    except websockets.ConnectionClosed:
        return


def percentile(ordered: list[float], share: float) -> float:
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def measure(servers: list[Server], args, label: str, name: str, password: str,
                  draft_id: int, headline: str) -> None:
    bases = [server.url for server in servers]
    run_ = Run()
    await asyncio.sleep(1)  # let the servers finish starting their workers
    before = [rss_kib(server) for server in servers]
    started = time.monotonic()
    for first in range(0, args.clients, args.batch):
        batch = range(first, min(first + args.batch, args.clients))
        await asyncio.gather(*(open_client(bases[i % len(bases)], run_, args.timeout)
                               for i in batch))
    connect_seconds = time.monotonic() - started
    await asyncio.sleep(2)  # RSS settles once the last handshakes are done
    after = [rss_kib(server) for server in servers]

    waiting = [asyncio.create_task(await_event(c, headline)) for c in run_.clients]
    publish_started = time.monotonic()
    await asyncio.wait_for(asyncio.to_thread(publish, bases[0], name, password, draft_id),
                           args.timeout)
    publish_seconds = time.monotonic() - publish_started
    remaining = max(1.0, args.timeout - (time.monotonic() - publish_started))
    _done, pending = await asyncio.wait(waiting, timeout=remaining)
    for task in pending:
        task.cancel()

    delays = sorted((c.arrived - c.sent_at) * 1000 for c in run_.clients
                    if c.arrived is not None)
    connected = len(run_.clients)
    failed = ", ".join(f"{n} {kind}" for kind, n in run_.failures.most_common()) or "none"
    print(f"{args.clients} clients, {len(bases)} server(s), {label}, batches of {args.batch}")
    print(f"  connected {connected}/{args.clients} in {connect_seconds:.1f} s; "
          f"failed: {failed}")
    print(f"  publishing on the desk (POST and its redirect) took {publish_seconds:.2f} s")
    for n, (b, a) in enumerate(zip(before, after, strict=True), 1):
        print(f"  server {n} RSS {b / 1024:.1f} MiB -> {a / 1024:.1f} MiB")
    growth = sum(after) - sum(before)
    if connected:
        print(f"  memory per connection {growth / connected:.1f} KiB "
              f"({growth / 1024:.1f} MiB / {connected})")
    if delays:
        print(f"  delivered to {len(delays)}/{connected} in time ({args.timeout:.0f} s): "
              f"delay p50 {percentile(delays, 0.5):.1f} ms, "
              f"p99 {percentile(delays, 0.99):.1f} ms, max {delays[-1]:.1f} ms")
    else:
        print(f"  delivered to 0/{connected} within {args.timeout:.0f} s")

    try:
        await asyncio.wait_for(asyncio.gather(*(c.socket.close() for c in run_.clients),
                                              return_exceptions=True), 30)
    except TimeoutError:
        print("  (some clients did not close within 30 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--servers", type=int, choices=(1, 2), default=1)
    parser.add_argument("--batch", type=int, default=100,
                        help="connections opened at once")
    parser.add_argument("--timeout", type=float, default=30,
                        help="seconds allowed per connection and for the delivery")
    args = parser.parse_args()
    limit = raise_open_files_limit()
    if limit < args.clients + 200:
        raise SystemExit(f"open-files limit {limit} is too low for {args.clients} clients")
    if args.servers > 1 and not os.environ.get("REDIS_URL"):
        raise SystemExit("two servers share events through Redis: set REDIS_URL")

    data_dir = Path(tempfile.mkdtemp(prefix="dateline-live-bench-"))
    env = {k: os.environ[k] for k in ("DATABASE_URL", "REDIS_URL") if os.environ.get(k)}
    env.update(LOG_LEVEL="ERROR", CACHE_KEY_PREFIX=f"dateline-bench-{secrets.token_hex(4)}")
    own_database = None
    if args.servers > 1 and not os.environ.get("DATABASE_URL"):
        import psycopg

        own_database = f"dateline_bench_{secrets.token_hex(6)}"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{own_database}"')
        env["DATABASE_URL"] = f"{PG_SERVER}/{own_database}"
    label = (("PostgreSQL" if env.get("DATABASE_URL") else "SQLite") + ", "
             + ("Redis" if env.get("REDIS_URL") else "in-process") + " channel layer")

    servers = [Server(data_dir, **env) for _ in range(args.servers)]
    try:
        name, password = f"bench-{secrets.token_hex(4)}", secrets.token_urlsafe(12)
        headline = f"Live bench story {secrets.token_hex(4)}"
        servers[0].prepare()
        out = servers[0].shell(f"NAME, PASSWORD, HEADLINE = {name!r}, {password!r}, "
                               f"{headline!r}\n" + SETUP)
        draft_id = int(re.search(r"^draft (\d+)$", out, re.M).group(1))
        for server in servers:
            server.start()
        asyncio.run(measure(servers, args, label, name, password, draft_id, headline))
    finally:
        for server in servers:
            server.stop(timeout=15)
        if own_database:
            import psycopg

            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{own_database}" WITH (FORCE)')
        troubled = False
        for n, server in enumerate(servers, 1):
            text = server.output()
            if "Traceback" in text or "panicked" in text:
                troubled = True
                print(f"  server {n} ({server.log.name}) reports an error:\n{text[-3000:]}")
        if troubled:
            print(f"  server logs kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
