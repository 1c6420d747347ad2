"""Live events cross server processes: two `dateline serve` on PostgreSQL and Redis.

    DATELINE_REQUIRE_SERVICES=1 .venv/bin/python -m pytest tests/live/test_many_processes.py

Needs PostgreSQL and Redis (see tests/services.py for which ones, and when it skips). It
creates and finally drops its own database (dateline_live_<hex>), gives its servers a Redis
key and channel prefix of their own (removed at the end) and a temporary data dir, starts
two servers on free loopback ports and stops them at the end.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import re
import secrets
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
import websockets

from tests.services import new_prefix, two_servers

DELIVERY_SECONDS = 5.0
PREFIX = new_prefix()

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


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[dict]:
    """Two servers sharing one PostgreSQL database and one Redis, with one draft story."""
    headline = f"Bridge reopens {secrets.token_hex(4)}"
    with two_servers(tmp_path_factory.mktemp("live-data"), "live", prefix=PREFIX) as both:
        out = both[0].prepare().shell(f"HEADLINE = {headline!r}\n" + SETUP)
        draft_id = int(re.search(r"^draft (\d+)$", out, re.M).group(1))
        room_id = int(re.search(r"^room (\d+)$", out, re.M).group(1))
        for server in both:
            server.start()
        yield {"bases": [s.url for s in both], "draft_id": draft_id, "headline": headline,
               "room_id": room_id}


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
    live_copy = {k: v for k, v in first["event"].items() if k != "sent_at"}  # delivery time
    assert replayed[0]["event"] == live_copy and replayed[0]["replayed"] is True


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
