"""On the embedded default, what another process does reaches the server's readers.

A story published, edited or withdrawn from `dateline shell`, or published on schedule by
`dateline worker`, is a change the server did not make: its sockets, stored pages and feeds
must still follow, within a second for sockets and two for pages, with each event once.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Iterator

import pytest
import websockets

from dateline.testing import Server

SOCKET_SECONDS = 1.0
PAGE_SECONDS = 2.0

SETUP = """
from dateline.newsroom import actions
from dateline.newsroom.models import Article, Section
s = Section.objects.create(name='World', slug='world', language='en', tagline='Everywhere')
first = Article.objects.create(section=s, language='en', headline='Ferry runs at night',
                               slug='ferry', lead='Lead.', body='<p>Body.</p>', status='draft')
actions.publish_article(first, by=None)
for slug in ('bridge', 'tunnel'):
    Article.objects.create(section=s, language='en', headline=slug.title() + ' story',
                           slug=slug, lead='Lead.', body='<p>Body.</p>', status='draft')
"""

ACT = """
from datetime import timedelta
from django.utils import timezone
from dateline.newsroom import actions
from dateline.newsroom.models import Article
story = Article.objects.get(slug={slug!r})
{code}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    served = Server(tmp_path_factory.mktemp("other-processes"), LOG_LEVEL="ERROR").prepare()
    served.shell(SETUP)
    served.start()
    yield served
    took = served.stop()
    assert took < 5, f"the server took {took:.1f} s to stop"
    assert "Traceback" not in served.output(), served.output()[-3000:]


def act(server: Server, slug: str, code: str) -> float:
    """Run code on a story from `dateline shell`; the moment its transaction had committed."""
    server.shell(ACT.format(slug=slug, code=code))
    return time.monotonic()


def page(server: Server, path: str) -> tuple[int, str]:
    response = server.get(path, headers={"Accept-Encoding": "identity"})
    return response.status, response.read().decode()


def wait_for_page(server: Server, path: str, shows, since: float) -> float:
    """Seconds from `since` until the page at path satisfies `shows(status, html)`."""
    while time.monotonic() - since < PAGE_SECONDS * 3:
        if shows(*page(server, path)):
            return time.monotonic() - since
        time.sleep(0.05)
    return float("inf")


def stored(server: Server, path: str, within: float = 5.0) -> bool:
    """Ask for the page until the server answers it from its store."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        page(server, path)
        if server.get(path).headers["X-Cache"] == "hit":
            return True
        time.sleep(0.1)
    return False


class Listener:
    """A reader's socket on the English newsfeed, collecting what arrives."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.messages: list[tuple[float, dict]] = []

    async def __aenter__(self) -> Listener:
        self.socket = await websockets.connect(self.server.ws_url, origin=self.server.url)
        # as a browser does: from the last event the page it opened had seen
        _status, html = page(self.server, "/en/")
        after = int(re.search(r'"last_event": (\d+)', html).group(1))
        await self.socket.send(json.dumps({"type": "subscribe", "groups": ["newsfeed.en"],
                                           "after": after}))
        assert json.loads(await self.socket.recv())["type"] == "subscribed"
        self.reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        async for raw in self.socket:
            self.messages.append((time.monotonic(), json.loads(raw)))

    async def __aexit__(self, *exc) -> None:
        self.reader.cancel()
        await self.socket.close()

    async def wait(self, kind: str, headline: str) -> float:
        """When the event arrived (monotonic), waiting up to three times the allowance."""
        deadline = time.monotonic() + SOCKET_SECONDS * 3
        while time.monotonic() < deadline:
            for arrived, message in self.messages:
                event = message.get("event", {})
                if event.get("type") == kind and event.get("headline") == headline:
                    return arrived
            await asyncio.sleep(0.02)
        raise AssertionError(f"no {kind} for {headline!r}: {self.messages}")

    def ids(self) -> list[int]:
        return [m["id"] for _at, m in self.messages
                if m.get("type") == "event" and not m.get("replayed")]


def test_publish_edit_and_withdraw_from_a_shell_reach_sockets_pages_and_feeds(server):
    # given stored copies of the home page and the feed, and a reader's open socket
    # (the setup's own event may reach the server just after its start, and make them stale)
    for path in ("/en/", "/en/rss/"):
        assert stored(server, path)

    async def scenario() -> None:
        async with Listener(server) as reader:
            loop = asyncio.get_running_loop()

            # when an editor's script publishes a story
            done = await loop.run_in_executor(
                None, act, server, "bridge", "actions.publish_article(story, by=None)")
            # then the socket hears it within a second, the home page and feed within two
            assert await reader.wait("article.published", "Bridge story") - done < SOCKET_SECONDS
            assert wait_for_page(server, "/en/", lambda s, h: "Bridge story" in h,
                                 done) < PAGE_SECONDS
            assert wait_for_page(server, "/en/rss/", lambda s, h: "Bridge story" in h,
                                 done) < PAGE_SECONDS

            # when the script changes its headline
            done = await loop.run_in_executor(None, act, server, "bridge", (
                "story.headline = 'Bridge reopens at dawn'\n"
                "actions.save_article(story, by=None)"))
            assert (await reader.wait("article.updated", "Bridge reopens at dawn") - done
                    < SOCKET_SECONDS)
            assert wait_for_page(server, "/en/", lambda s, h: "Bridge reopens at dawn" in h,
                                 done) < PAGE_SECONDS

            # when the script withdraws it
            done = await loop.run_in_executor(
                None, act, server, "bridge", "actions.unpublish_article(story, by=None)")
            assert (await reader.wait("article.unpublished", "Bridge reopens at dawn") - done
                    < SOCKET_SECONDS)
            # then it leaves the home page, the feed and its own address
            assert wait_for_page(server, "/en/", lambda s, h: "Bridge reopens" not in h,
                                 done) < PAGE_SECONDS
            assert wait_for_page(server, "/en/rss/", lambda s, h: "Bridge reopens" not in h,
                                 done) < PAGE_SECONDS
            assert wait_for_page(server, "/en/world/bridge/", lambda s, h: s == 404,
                                 done) < PAGE_SECONDS
            # and each event reached the socket once
            assert len(reader.ids()) == len(set(reader.ids())) == 3

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_a_story_the_worker_publishes_on_schedule_reaches_the_server(server):
    async def scenario() -> None:
        async with Listener(server) as reader:
            loop = asyncio.get_running_loop()
            # given a story scheduled a moment from now
            await loop.run_in_executor(None, act, server, "tunnel", (
                "actions.schedule_article(story, at=timezone.now() + timedelta(seconds=1),"
                " by=None)"))
            await asyncio.sleep(1.1)
            # when a worker process finds it due
            await loop.run_in_executor(None, server.run, "worker", "--once")
            done = time.monotonic()
            # then readers hear of it as of any other publication
            assert await reader.wait("article.published", "Tunnel story") - done < SOCKET_SECONDS
            assert wait_for_page(server, "/en/", lambda s, h: "Tunnel story" in h,
                                 done) < PAGE_SECONDS

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_events_logged_while_no_server_ran_are_delivered_when_it_starts(tmp_path):
    # given a story published from a shell while the site is down
    server = Server(tmp_path, LOG_LEVEL="ERROR").prepare()
    server.shell(SETUP)
    assert "pending 1" in server.shell(
        "from dateline.live.models import LoggedEvent\n"
        "print('pending', LoggedEvent.objects.filter(pending=True).count())")
    # when the server starts
    server.start()
    try:
        # then it delivers what waited, once, and the log holds nothing pending
        deadline = time.monotonic() + PAGE_SECONDS
        while "pending 0" not in server.shell(
                "from dateline.live.models import LoggedEvent\n"
                "print('pending', LoggedEvent.objects.filter(pending=True).count())"):
            assert time.monotonic() < deadline, "the server left the event pending"
    finally:
        server.stop()
