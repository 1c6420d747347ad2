"""The real server, as `make run` starts it: pages, forms and static files over HTTP."""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
import websockets

from dateline.testing import LOCAL, Server


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Server]:
    """`dateline serve` on a fresh data dir with one story; stopped after the module."""
    server = Server(tmp_path_factory.mktemp("serve-data"), LOG_LEVEL="ERROR").prepare()
    server.shell(SETUP)
    server.start()
    yield server
    server.stop()
    assert "Traceback" not in server.output(), server.output()[-3000:]


@pytest.fixture(scope="module")
def server(served: Server) -> str:
    return served.url


SETUP = """
from django.contrib.auth.models import User
from django.utils import timezone
from dateline.newsroom.models import Article, Section
user = User.objects.create_user('elena', 'e@example.org', 'desk-pass-2026', is_staff=True,
                                is_superuser=True)
user.emailaddress_set.create(email='e@example.org', verified=True, primary=True)
s = Section.objects.create(name='World', slug='world', language='en', tagline='Everywhere')
Article.objects.create(section=s, language='en', headline='Ferry runs at night', slug='ferry',
                       lead='Lead.', body='<p>Body.</p>', status='published',
                       published_at=timezone.now())
Article.objects.create(section=s, language='en', headline='Bridge reopens', slug='bridge',
                       lead='Lead.', body='<p>Body.</p>', status='draft')
"""


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def test_story_page_then_stored_copy(server):
    first = urllib.request.urlopen(server + "/en/world/ferry/")
    assert first.status == 200 and b"Ferry runs at night" in first.read()
    second = urllib.request.urlopen(server + "/en/world/ferry/")
    assert second.headers["X-Cache"] == "hit" and second.headers["Set-Cookie"] is None


def test_static_files_are_served_compressed_with_hashed_names(server):
    page = urllib.request.urlopen(server + "/en/").read().decode()
    css = re.search(r'href="(/static/reader/dateline\.[0-9a-f]{12}\.css)"', page).group(1)
    request = urllib.request.Request(server + css, headers={"Accept-Encoding": "gzip"})
    response = urllib.request.urlopen(request)
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]


def test_a_form_post_logs_in(server):
    # a POST body crosses the server, the ASGI front and the WSGI bridge
    browser, _csrf = log_in(server)
    me = browser.open(server + "/en/account/me/").read().decode()
    assert '"name": "elena"' in me


def log_in(server: str, name: str = "elena", password: str = "desk-pass-2026"):
    browser, jar = opener()
    form = browser.open(server + "/en/account/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "login": name,
                                   "password": password}).encode()
    browser.open(urllib.request.Request(server + "/en/account/login/", data=data,
                                        headers={"Referer": server + "/en/account/login/"}))
    return browser, next(c.value for c in jar if c.name == "csrftoken")


def test_a_story_published_on_the_desk_reaches_an_open_socket(server):
    async def scenario():
        address = server.replace("http://", "ws://") + "/ws/live/"
        async with websockets.connect(address, origin=server) as socket:
            await socket.send(json.dumps({"type": "subscribe", "groups": ["newsfeed.en"],
                                          "after": 0}))
            assert json.loads(await socket.recv())["type"] == "subscribed"
            # an editor presses "Publish now" in the desk, over HTTP
            browser, csrf = log_in(server)
            listing = browser.open(server + "/admin/newsroom/article/?q=bridge").read().decode()
            draft_id = re.search(r'/admin/newsroom/article/(\d+)/change/', listing).group(1)
            await asyncio.to_thread(browser.open, urllib.request.Request(
                f"{server}/admin/newsroom/article/{draft_id}/do/publish/",
                data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode(),
                headers={"Referer": server + "/admin/"}))
            return json.loads(await asyncio.wait_for(socket.recv(), timeout=5))

    message = asyncio.run(scenario())
    assert message["type"] == "event"
    assert message["event"]["type"] == "article.published"
    assert message["event"]["headline"] == "Bridge reopens"


def test_a_forged_post_gets_the_403_page(server):
    data = urllib.parse.urlencode({"login": "x", "password": "y"}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(server + "/en/account/login/", data=data))
    assert refused.value.code == 403
    assert "This form has expired" in refused.value.read().decode()


def test_the_server_stops_within_five_seconds_with_sockets_open_and_pages_in_flight(served):
    # given a second server on the same site, with readers' sockets open and pages being
    # fetched without pause
    server = Server(served.data_dir, LOG_LEVEL="ERROR").start()
    fetching = threading.Event()
    fetching.set()

    def reader() -> None:
        while fetching.is_set():
            try:  # a query string the store ignores: every request renders in Django
                LOCAL.open(f"{server.url}/en/?page=1&n={time.monotonic_ns()}", timeout=5).read()
            except OSError:
                pass

    readers = [threading.Thread(target=reader, daemon=True) for _ in range(8)]

    async def scenario() -> float:
        sockets = [await websockets.connect(server.ws_url, origin=server.url)
                   for _ in range(5)]
        for thread in readers:
            thread.start()
        await asyncio.sleep(1)
        # when it is told to stop
        took = await asyncio.to_thread(server.stop)
        for socket in sockets:
            await socket.close()
        return took

    try:
        took = asyncio.run(scenario())
    finally:
        fetching.clear()
        server.kill()
    # then it is gone within five seconds
    assert took < 5, f"took {took:.1f} s to stop"
