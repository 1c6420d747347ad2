"""Live events cross server processes: two `dateline serve` on PostgreSQL and Redis.

    DATELINE_REQUIRE_SERVICES=1 .venv/bin/python -m pytest tests/live/test_many_processes.py

Needs PostgreSQL (user postgres, trust auth) at 127.0.0.1:5432 and Redis at 127.0.0.1:6379;
skipped when either is not reachable, failed instead with DATELINE_REQUIRE_SERVICES=1. It
creates and finally drops its own database (dateline_live_<hex>), uses Redis database 5
(flushed before and after) and a temporary data dir, starts two servers on free loopback
ports and stops them at the end.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
import redis
import websockets

ROOT = Path(__file__).resolve().parents[2]
DATELINE = [sys.executable, "-m", "dateline"]
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/5"
REQUIRED = os.environ.get("DATELINE_REQUIRE_SERVICES") == "1"
DELIVERY_SECONDS = 5.0
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy

# One story is published beforehand, so that the log holds an earlier event and a page can
# say "after" it (after=0 asks for no catch-up at all).
SETUP = """
from django.contrib.auth.models import User
from dateline.newsroom import actions
from dateline.newsroom.models import Article, Section
user = User.objects.create_user('elena', 'e@example.org', 'desk-pass-2026', is_staff=True,
                                is_superuser=True)
user.emailaddress_set.create(email='e@example.org', verified=True, primary=True)
s = Section.objects.create(name='World', slug='world', language='en', tagline='Everywhere')
earlier = Article.objects.create(section=s, language='en', headline='Ferry runs at night',
                                 slug='ferry', lead='Lead.', body='<p>Body.</p>', status='draft')
actions.publish_article(earlier, by=user)
draft = Article.objects.create(section=s, language='en', headline=HEADLINE, slug='bridge',
                               lead='Lead.', body='<p>Body.</p>', status='draft')
print('draft', draft.pk)
from dateline.chats.models import Room
print('room', Room.objects.get(language='en', slug='general').pk)
"""


def unavailable(what: str, error: Exception) -> NoReturn:
    message = f"{what} is not reachable: {error}"
    if REQUIRED:
        pytest.fail(message + " (DATELINE_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def admin_connection() -> psycopg.Connection:
    try:
        return psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.Error as error:
        unavailable(f"PostgreSQL at {PG_SERVER}", error)


def redis_client() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=3, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        unavailable(f"Redis at {REDIS_URL}", error)
    return client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        try:
            LOCAL.open(base + "/robots.txt", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server at {base} did not start:\n{log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    # granian runs its worker in a child process: signal the whole session
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[dict]:
    """Two servers sharing one PostgreSQL database and one Redis, with one draft story."""
    cache = redis_client()
    admin = admin_connection()
    database = f"dateline_live_{secrets.token_hex(6)}"
    headline = f"Bridge reopens {secrets.token_hex(4)}"
    data = tmp_path_factory.mktemp("live-data")
    env = {**os.environ, "DATABASE_URL": f"{PG_SERVER}/{database}", "REDIS_URL": REDIS_URL,
           "DATELINE_DATA_DIR": str(data), "LOG_LEVEL": "ERROR"}
    processes: list[subprocess.Popen] = []
    logs: list[Path] = []
    cache.flushdb()
    admin.execute(f'CREATE DATABASE "{database}"')
    try:
        static = subprocess.Popen(DATELINE + ["collectstatic", "--noinput", "-v0"], env=env,
                                  cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
        subprocess.run(DATELINE + ["migrate", "-v0"], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=60)
        out = subprocess.run(DATELINE + ["shell", "-c", f"HEADLINE = {headline!r}\n" + SETUP],
                             env=env, cwd=ROOT, check=True, capture_output=True, text=True,
                             timeout=30).stdout
        draft_id = int(re.search(r"^draft (\d+)$", out, re.M).group(1))
        room_id = int(re.search(r"^room (\d+)$", out, re.M).group(1))
        assert static.wait(timeout=60) == 0, static.stderr.read()
        bases = []
        for n in (1, 2):
            port = free_port()
            logs.append(data / f"server-{n}.log")
            with logs[-1].open("wb") as output:
                processes.append(subprocess.Popen(
                    DATELINE + ["serve", "--port", str(port)], env=env,
                    cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True))
            bases.append(f"http://127.0.0.1:{port}")
        for base, process, log in zip(bases, processes, logs, strict=True):
            wait_until_serving(base, process, log)
        yield {"bases": bases, "draft_id": draft_id, "headline": headline, "room_id": room_id}
    finally:
        for process in processes:
            stop(process)
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
        cache.flushdb()
        cache.close()
    for log in logs:
        output = log.read_text(errors="replace")
        assert "Traceback" not in output and "panicked" not in output, (
            f"{log.name}:\n{output[-3000:]}")


def log_in(base: str) -> tuple[urllib.request.OpenerDirector, str, str]:
    """An editor's browser on the desk: the opener, its CSRF token and its session key."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                          urllib.request.HTTPCookieProcessor(jar))
    form = browser.open(base + "/en/account/login/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "login": "elena",
                                   "password": "desk-pass-2026"}).encode()
    browser.open(urllib.request.Request(base + "/en/account/login/", data=data,
                                        headers={"Referer": base + "/en/account/login/"}),
                 timeout=10)
    assert any(c.name == "sessionid" for c in jar), "elena could not log in"
    session = next(c.value for c in jar if c.name == "sessionid")
    return browser, next(c.value for c in jar if c.name == "csrftoken"), session


def publish(base: str, draft_id: int) -> None:
    browser, csrf, _session = log_in(base)
    browser.open(urllib.request.Request(
        f"{base}/admin/newsroom/article/{draft_id}/do/publish/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode(),
        headers={"Referer": base + "/admin/"}), timeout=10).read()


async def subscribed(base: str, after: int = 0
                     ) -> tuple[websockets.ClientConnection, list[dict]]:
    """A page's socket on one server, subscribed to the English newsfeed.

    Returns the socket and what came before "subscribed": the replayed events.
    """
    socket = await websockets.connect(base.replace("http://", "ws://") + "/ws/live/",
                                      origin=base, proxy=None, open_timeout=5)
    try:
        await socket.send(json.dumps({"type": "subscribe", "groups": ["newsfeed.en"],
                                      "after": after}))
        before = []
        while True:
            message = json.loads(await asyncio.wait_for(socket.recv(), 5))
            if message["type"] in ("subscribed", "resync", "error"):
                assert message["type"] == "subscribed", message
                return socket, before
            before.append(message)
    except BaseException:
        await socket.close()
        raise


async def event_about(socket: websockets.ClientConnection, headline: str) -> tuple[dict, float]:
    """The event about this story, and when it arrived."""
    while True:
        message = json.loads(await socket.recv())
        # Other runs sharing this Redis server may publish into newsfeed.en too: Redis
        # pub/sub channels are not separated by database number.
        if message["type"] == "event" and message["event"].get("headline") == headline:
            return message, time.time()


def test_a_story_published_on_one_server_reaches_sockets_on_both(servers):
    one, two = servers["bases"]
    headline = servers["headline"]

    async def scenario() -> tuple[list[tuple[dict, float]], list[dict], list[dict]]:
        sockets = [(await subscribed(one))[0], (await subscribed(two))[0]]
        try:
            waiting = [asyncio.create_task(event_about(s, headline)) for s in sockets]
            # an editor presses "Publish now" on server one's desk
            await asyncio.wait_for(asyncio.to_thread(publish, one, servers["draft_id"]), 15)
            done, pending = await asyncio.wait(waiting, timeout=DELIVERY_SECONDS)
            for task in pending:
                task.cancel()
            assert not pending, (
                f"no event within {DELIVERY_SECONDS} s on server "
                + " and ".join(str(n) for n, t in enumerate(waiting, 1) if t in pending))
            received = [task.result() for task in waiting]
            # a page a little behind connects to the other server: the log replays the event
            late, replayed = await subscribed(two, after=received[0][0]["id"] - 1)
            await late.close()
            duplicates = []
            for s in sockets:
                try:
                    duplicates.append((await asyncio.wait_for(event_about(s, headline), 0.5))[0])
                except TimeoutError:
                    pass
            return received, replayed, duplicates
        finally:
            for s in sockets:
                await s.close()

    received, replayed, duplicates = asyncio.run(asyncio.wait_for(scenario(), 30))

    for message, arrived in received:
        assert message["group"] == "newsfeed.en" and "replayed" not in message
        assert message["event"]["type"] == "article.published"
        assert message["event"]["headline"] == headline
        assert 0 <= arrived - message["event"]["sent_at"] < DELIVERY_SECONDS
    (first, _), (second, _) = received
    assert first["id"] == second["id"], "one event, logged once, under one id"
    assert not duplicates, f"delivered more than once: {duplicates}"

    assert [m["id"] for m in replayed] == [first["id"]], replayed
    assert replayed[0]["event"] == first["event"] and replayed[0]["replayed"] is True


def test_a_chat_message_posted_on_one_server_reaches_a_reader_on_the_other(servers):
    one, two = servers["bases"]
    group = f"chat.{servers['room_id']}"
    text = f"Anyone on the night ferry? {secrets.token_hex(3)}"
    _browser, _csrf, session = log_in(one)

    async def socket_on(base: str, cookie: str | None = None):
        headers = {"Cookie": f"sessionid={cookie}"} if cookie else None
        socket = await websockets.connect(base.replace("http://", "ws://") + "/ws/live/",
                                          origin=base, proxy=None, open_timeout=5,
                                          additional_headers=headers)
        await socket.send(json.dumps({"type": "subscribe", "groups": [group], "after": 0}))
        while json.loads(await asyncio.wait_for(socket.recv(), 5))["type"] != "subscribed":
            pass
        return socket

    async def first(socket, kind: str, check=lambda m: True) -> dict:
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == kind and check(message):
                return message

    async def scenario():
        reader = await socket_on(two)  # an anonymous reader, on server two
        writer = await socket_on(one, session)  # elena, on server one
        try:
            await writer.send(json.dumps({"type": "chat.post", "room": servers["room_id"],
                                          "body": text}))
            posted = await asyncio.wait_for(first(writer, "chat.posted"), DELIVERY_SECONDS)
            seen = await asyncio.wait_for(first(
                reader, "event", lambda m: m["event"].get("body") == text), DELIVERY_SECONDS)
            return posted, seen
        finally:
            await reader.close()
            await writer.close()

    posted, seen = asyncio.run(asyncio.wait_for(scenario(), 30))
    assert posted["status"] == "visible"
    assert seen["group"] == group and seen["event"]["author"] == "elena"
    assert seen["event"]["message_id"] == posted["id"]
