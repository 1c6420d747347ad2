"""The front cache of deploy/varnish/ in front of a real `dateline serve`, with a real varnishd.

Readers' pages come from Varnish's memory; the desk, accounts and cookies go through; a
story published from another process shows through the cache within a second; and with
the cache gone the newsroom goes on publishing and the server answers readers itself.
"""

from __future__ import annotations

import asyncio
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import websockets

from dateline.testing import ROOT, Server, free_port
from tests.services import (
    two_servers,
)

VCL = ROOT / "deploy" / "varnish" / "dateline.vcl"
BACKEND_LINE = '.port = "8000";'
PUBLISH_SECONDS = 1.0
DESK_PASSWORD = "a long desk password 7"  # noqa: S105 (a test account)

SETUP = f"""
from django.contrib.auth import get_user_model
from dateline.newsroom import actions
from dateline.newsroom.models import Article, Section
get_user_model().objects.create_superuser('desk', 'desk@example.org', {DESK_PASSWORD!r})
world = Section.objects.create(name='World', slug='world', language='en', tagline='Everywhere')
science = Section.objects.create(name='Science', slug='science', language='en', tagline='Labs')
for section, slug, headline, status in (
        (world, 'ferry', 'Ferry runs at night', 'draft'),
        (science, 'comet', 'Comet seen over the bay', 'draft'),
        (world, 'bridge', 'Bridge opens to walkers', 'draft'),
        (world, 'tunnel', 'Tunnel reopens after floods', 'draft'),
        (world, 'harbour', 'Harbour cranes fall silent', 'draft')):
    story = Article.objects.create(section=section, language='en', headline=headline,
                                   slug=slug, lead='Lead.', body='<p>Body.</p>', status=status)
    if slug in ('ferry', 'comet'):
        actions.publish_article(story, by=None)
"""

PUBLISH = """
from dateline.newsroom import actions
from dateline.newsroom.models import Article
actions.publish_article(Article.objects.get(slug={slug!r}), by=None)
"""


def _varnishd() -> str:
    found = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    if os.geteuid() == 0:
        pytest.fail("varnishd is missing: `make test` installs Debian's varnish and "
                    "varnish-modules (apt-get install varnish varnish-modules)")
    pytest.skip("varnishd is not installed and cannot be as a user other than root: "
                "apt-get install varnish varnish-modules to run the front cache tests")


class Varnish:
    """varnishd with the VCL of deploy/, its backend a server's port, on a free port, in a
    work dir of its own; a stop ends it and removes the dir."""

    def __init__(self, backend_port: int) -> None:
        self.backend_port = backend_port
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # varnishd's worker runs as its own user: the dir must be readable beyond root
        self.dir = Path(tempfile.mkdtemp(prefix="dateline-varnish-"))
        self.dir.chmod(0o755)
        self.process: subprocess.Popen | None = None

    def start(self) -> Varnish:
        text = VCL.read_text()
        assert text.count(BACKEND_LINE) == 1, "the VCL names its backend port once"
        vcl = self.dir / "dateline.vcl"
        vcl.write_text(text.replace(BACKEND_LINE, f'.port = "{self.backend_port}";'))
        vcl.chmod(0o644)
        with (self.dir / "varnishd.log").open("ab") as out:
            self.process = subprocess.Popen(
                [_varnishd(), "-F", "-n", str(self.dir / "work"), "-a", f"127.0.0.1:{self.port}",
                 "-T", "none", "-f", str(vcl), "-s", "malloc,64m",
                 "-p", "http_gzip_support=off"],  # as docs/front-cache.md runs it
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 30
        while True:
            try:  # any answer will do: the server behind may not be up yet
                ask(self.port, "/robots.txt")
                return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    output = self.output()
                    self.stop()
                    raise RuntimeError(f"varnishd did not start:\n{output[-3000:]}") from None
                time.sleep(0.1)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None
        shutil.rmtree(self.dir, ignore_errors=True)

    def output(self) -> str:
        log = self.dir / "varnishd.log"
        return log.read_text(errors="replace") if log.exists() else ""


class Answer:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()
        self.cookies = response.headers.get_all("Set-Cookie") or []

    def hit(self) -> bool:
        """Varnish names two transactions on a hit: this request's and the stored copy's."""
        return len(self.headers.get("X-Varnish", "").split()) == 2


def ask(port: int, path: str, *, method: str = "GET", headers: dict | None = None,
        body: bytes | None = None, source: str = "127.0.0.1") -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10,
                                            source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        return Answer(connection.getresponse())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[Server, Varnish]]:
    server = Server(tmp_path_factory.mktemp("front-cache"), LOG_LEVEL="WARNING")
    front = Varnish(server.port)
    server.env["FRONT_CACHE_PURGE_URLS"] = front.url + "/"
    server.prepare()
    server.shell(SETUP)
    try:
        front.start()
        server.start()
        yield server, front
    finally:
        front.stop()
        took = server.stop()
    assert took < 5, f"the server took {took:.1f} s to stop"


def cached(front: Varnish, path: str, within: float = 5.0, **kwargs) -> Answer:
    """Ask for path until Varnish answers it from its memory (a purge of the setup's own
    events may land in between); the hit."""
    deadline = time.monotonic() + within
    while True:
        ask(front.port, path, **kwargs)
        answer = ask(front.port, path, **kwargs)
        if answer.hit() or time.monotonic() > deadline:
            return answer
        time.sleep(0.1)


def publish(server: Server, slug: str) -> float:
    """Publish a story from `dateline shell`; the moment its transaction had committed."""
    server.shell(PUBLISH.format(slug=slug))
    return time.monotonic()


def seconds_until(front: Varnish, path: str, text: str, since: float) -> float:
    """Seconds from since until the page at path, through the cache, shows text."""
    while time.monotonic() - since < PUBLISH_SECONDS * 5:
        if text.encode() in ask(front.port, path).body:
            return time.monotonic() - since
        time.sleep(0.02)
    return float("inf")


def test_a_readers_page_is_served_from_the_front_cache(site):
    _server, front = site
    # when a reader asks for a story twice
    answer = cached(front, "/en/world/ferry/")
    # then the second answer came from Varnish: the story page as the server renders it
    assert answer.hit(), answer.headers
    assert answer.status == 200
    assert b">Ferry runs at night</h1>" in answer.body
    # with no keys for anyone but the caches, and Vary kept for other caches
    assert "Surrogate-Key" not in answer.headers and "xkey" not in answer.headers
    assert "Accept-Encoding" in answer.headers["Vary"]
    # a browser that takes gzip gets the page compressed, from a copy of its own
    zipped = cached(front, "/en/world/ferry/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert zipped.hit() and zipped.headers["Content-Encoding"] == "gzip"
    assert b">Ferry runs at night</h1>" in gzip.decompress(zipped.body)
    # and a shared link's tracking parameters do not make a copy of their own
    assert ask(front.port, "/en/world/ferry/?utm_source=news&fbclid=x1").hit()


def test_the_desk_accounts_and_cookies_never_come_from_the_cache(site):
    _server, front = site
    # given two readers asking for the login form: each gets a token of their own
    first, second = (ask(front.port, "/en/account/login/") for _ in range(2))
    assert not second.hit()
    assert first.cookies and second.cookies and first.cookies != second.cookies
    # when an editor logs in to the desk through the cache
    form = ask(front.port, "/admin/login/")
    csrf = re.search(r"csrftoken=([^;]+)", form.cookies[0])[1]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)[1].decode()
    fields = {"username": "desk", "password": DESK_PASSWORD, "csrfmiddlewaretoken": token,
              "next": "/admin/"}
    login = ask(front.port, "/admin/login/?next=/admin/", method="POST",
                body=urllib.parse.urlencode(fields).encode(), headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={csrf}"})
    assert login.status == 302, login.body[:500]
    session = re.search(r"sessionid=([^;]+)", " ".join(login.cookies))[1]
    cookie = {"Cookie": f"csrftoken={csrf}; sessionid={session}"}
    desk = ask(front.port, "/admin/", headers=cookie)
    desk_again = ask(front.port, "/admin/", headers=cookie)
    assert desk.status == desk_again.status == 200 and b"desk" in desk.body
    # then the desk is the server's answer each time, never a copy
    assert not desk_again.hit()
    # and a reader without the cookie is sent to log in, never shown the editor's desk
    anonymous = ask(front.port, "/admin/")
    assert anonymous.status == 302 and not anonymous.hit()
    # a reader's page asked with the session is the public page, setting no cookie,
    for headers in (cookie, {}):
        page = ask(front.port, "/en/world/ferry/", headers=headers)
        assert page.status == 200 and not page.cookies
        assert session.encode() not in page.body
    # and nothing of the editor's session reaches anyone else
    for path in ("/en/", "/en/account/login/", "/admin/login/"):
        other = ask(front.port, path)
        assert all(session not in c for c in other.cookies)
        assert session.encode() not in other.body


def test_a_purge_from_an_address_outside_the_acl_is_refused(site):
    _server, front = site
    assert cached(front, "/en/world/ferry/").hit()
    # when a machine the ACL does not list asks for a purge (the whole loopback is ours;
    # the ACL names 127.0.0.1 alone)
    refused = ask(front.port, "/", method="PURGE", headers={"xkey": "all"}, source="127.0.0.2")
    # then it is refused and the page is still served from the cache
    assert refused.status == 403
    assert ask(front.port, "/en/world/ferry/").hit()


def test_a_story_published_from_another_process_shows_through_the_cache_within_a_second(site):
    server, front = site
    # given the home page and the socket of a live page, both through the cache
    home = cached(front, "/en/")
    assert home.hit()
    after = int(re.search(rb'"last_event": (\d+)', home.body)[1])

    async def published_while_listening() -> float:
        async with websockets.connect(f"ws://127.0.0.1:{front.port}/ws/live/",
                                      origin=front.url) as socket:
            await socket.send(json.dumps({"type": "subscribe", "groups": ["newsfeed.en"],
                                          "after": after}))
            assert json.loads(await socket.recv())["type"] == "subscribed"
            # when an editor's script publishes a story
            done = await asyncio.get_running_loop().run_in_executor(
                None, publish, server, "bridge")
            # then the live page hears it through the cache's tunnel
            while True:
                message = json.loads(await asyncio.wait_for(socket.recv(), 5))
                if message.get("event", {}).get("headline") == "Bridge opens to walkers":
                    return done

    done = asyncio.run(published_while_listening())
    # and the home page shows it through the cache within a second
    took = seconds_until(front, "/en/", "Bridge opens to walkers", done)
    assert took < PUBLISH_SECONDS, f"shown after {took:.2f} s"
    assert cached(front, "/en/").hit()


def test_with_precise_keys_a_publication_leaves_unrelated_pages_in_the_cache(site):
    server, front = site
    keys = set(ask(server.port, "/en/").headers["Surrogate-Key"].split())
    if keys <= {"all"}:
        pytest.skip("pages name only the key 'all' yet: every event purges every page")
    # given a story of another section served from the cache
    assert cached(front, "/en/science/comet/").hit()
    # when a story of the World section is published and has reached the home page
    done = publish(server, "tunnel")
    assert seconds_until(front, "/en/", "Tunnel reopens after floods", done) < PUBLISH_SECONDS
    time.sleep(0.3)  # and every purge for it is done
    # then the other section's story is still a copy in the cache
    assert ask(front.port, "/en/science/comet/").hit()


def test_on_postgres_and_redis_two_servers_purge_the_cache_once_within_a_second(tmp_path):
    # given two servers sharing PostgreSQL and Redis, Varnish in front of the first
    with two_servers(tmp_path, "front", log_level="WARNING", traceback_fails=False) as both:
        front = Varnish(both[0].port)
        for server in both:
            server.env["FRONT_CACHE_PURGE_URLS"] = front.url + "/"
        try:
            both[0].prepare().shell(SETUP)
            front.start()
            for server in both:
                server.start()
            assert cached(front, "/en/").hit()
            db = psycopg.connect(both[0].env["DATABASE_URL"], autocommit=True)
            before = db.execute("SELECT now()").fetchone()[0]
            # when a story is published from a script
            done = publish(both[1], "bridge")
            # then the home page shows it through the cache within a second, the servers'
            # near copies of the store waited out
            took = seconds_until(front, "/en/", "Bridge opens to walkers", done)
            assert took < PUBLISH_SECONDS, f"shown after {took:.2f} s"
            # and the cache was told once, not once per server
            time.sleep(0.5)
            with db:
                purges = db.execute(
                    "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path ="
                    " 'dateline.reader.tasks.purge_front_cache' AND enqueued_at > %s",
                    [before]).fetchone()[0]
            assert purges == 1
        finally:
            front.stop()


def test_with_the_cache_gone_the_newsroom_publishes_and_the_server_answers(site):
    # last of the module: it ends the module's cache
    server, front = site
    front.kill()
    # when a story is published while the cache cannot be reached
    done = publish(server, "harbour")
    # then readers asking the server itself see it as soon as without a cache
    while time.monotonic() - done < 2:
        if b"Harbour cranes fall silent" in ask(server.port, "/en/").body:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the server's home page never showed the story")
    page = ask(server.port, "/en/world/harbour/")
    assert page.status == 200 and b"Harbour cranes fall silent" in page.body
    # and the purge that failed is logged and tried again shortly, nothing worse
    deadline = time.monotonic() + 5
    while "purge_front_cache failed (attempt 1)" not in server.output():
        assert time.monotonic() < deadline, server.output()[-3000:]
        time.sleep(0.1)
    assert ask(server.port, "/en/").status == 200
