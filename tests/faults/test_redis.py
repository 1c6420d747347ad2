"""Redis killed and frozen under load: readers and logins still get pages, never a 5xx.

Starts a redis-server of its own on a free port (never the shared one), a `dateline serve`
on it with the embedded SQLite database, and keeps six readers fetching pages while Redis
is killed, brought back, then frozen (SIGSTOP) and thawed. Bounded to about half a minute.
"""

from __future__ import annotations

import http.cookiejar
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator

import pytest

from dateline.testing import LOCAL, Server, free_port
from tests.services import REQUIRED

SETUP = """
from django.contrib.auth.models import User
from django.utils import timezone
from dateline.newsroom.models import Article, Section
u = User.objects.create_user('vera', 'vera@example.org', 'reader-pass-2026')
u.emailaddress_set.create(email='vera@example.org', verified=True, primary=True)
s = Section.objects.create(name='World', slug='world', language='en', tagline='Everywhere')
for n in range(3):
    Article.objects.create(section=s, language='en', headline=f'Ferry {n}', slug=f'ferry-{n}',
                           lead='Lead.', body='<p>Body.</p>', status='published',
                           published_at=timezone.now())
"""
PAGES = ["/en/", "/en/world/", "/en/world/ferry-1/", "/en/search/?q=ferry{n}",
         "/en/account/login/"]


class Redis:
    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            message = "redis-server is not installed"
            pytest.fail(message) if REQUIRED else pytest.skip(message)
        self.binary, self.port = binary, free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True,
                             text=True).stdout.strip() != "PONG":
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def signal(self, number: int) -> None:
        self.process.send_signal(number)

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


class Readers:
    """Readers fetching pages without pause; every status and the slowest answer."""

    def __init__(self, base: str, count: int = 6) -> None:
        self.base, self.statuses, self.slowest = base, Counter(), 0.0
        self.running = threading.Event()
        self.threads = [threading.Thread(target=self._read, args=(i,), daemon=True)
                        for i in range(count)]

    def _read(self, reader: int) -> None:
        n = 0
        while self.running.is_set():
            n += 1
            path = PAGES[(reader + n) % len(PAGES)].format(n=n)
            started = time.monotonic()
            try:
                status = LOCAL.open(self.base + path, timeout=10).status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = "no answer"
            self.slowest = max(self.slowest, time.monotonic() - started)
            self.statuses[status] += 1

    def __enter__(self) -> Readers:
        self.running.set()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.running.clear()
        for thread in self.threads:
            thread.join(timeout=15)

    def failures(self) -> dict:
        return {s: n for s, n in self.statuses.items() if s == "no answer" or s >= 500}


def log_in(base: str) -> int:
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                          urllib.request.HTTPCookieProcessor(jar))
    form = browser.open(base + "/en/account/login/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "login": "vera",
                                   "password": "reader-pass-2026"}).encode()
    done = browser.open(urllib.request.Request(
        base + "/en/account/login/", data=data,
        headers={"Referer": base + "/en/account/login/"}), timeout=10)
    assert any(c.name == "sessionid" for c in jar), "the login did not take"
    return done.status


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[Server, Redis]]:
    redis = Redis()
    redis.start()
    server = Server(tmp_path_factory.mktemp("redis-faults"), LOG_LEVEL="WARNING",
                    REDIS_URL=f"redis://127.0.0.1:{redis.port}/0")
    try:
        server.prepare().shell(SETUP)
        server.start()
        yield server, redis
    finally:
        server.stop()
        redis.kill()


def test_readers_and_logins_get_pages_while_redis_is_killed_and_when_it_returns(site):
    server, redis = site
    with Readers(server.url) as readers:
        time.sleep(1)
        # when Redis dies under load
        redis.kill()
        time.sleep(2)
        during = dict(readers.statuses)
        # then a reader can still log in (sessions live in the database)
        assert log_in(server.url) == 200
        # and when it comes back
        redis.start()
        time.sleep(3)
    print(f"redis killed: {dict(readers.statuses)}, slowest {readers.slowest:.2f} s")
    print(server.output()[-20000:])
    assert readers.failures() == {}, readers.statuses
    assert sum(during.values()) > 50, during
    # stored pages are served from Redis again
    assert server.get("/en/world/ferry-1/").headers["X-Cache"] in ("hit", "miss")
    assert server.get("/en/world/ferry-1/").headers["X-Cache"] == "hit"
    output = server.output()
    assert "Traceback" not in output, output[-3000:]
    assert output.count("the shared cache is not answering") <= 2, output[-3000:]


def test_a_frozen_redis_slows_no_reader_past_a_second_and_a_half(site):
    server, redis = site
    with Readers(server.url) as readers:
        time.sleep(0.5)
        # when Redis stops answering without closing anything
        redis.signal(signal.SIGSTOP)
        try:
            time.sleep(3)
        finally:
            redis.signal(signal.SIGCONT)
        time.sleep(1)
    print(f"redis frozen: {dict(readers.statuses)}, slowest {readers.slowest:.2f} s")
    assert readers.failures() == {}, readers.statuses
    assert readers.slowest < 1.5, f"a reader waited {readers.slowest:.2f} s"


def ready_within(server: Server, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while (status := server.get("/health/ready/").status) != 200 and (
            time.monotonic() < deadline):
        time.sleep(0.2)
    return status


def test_the_health_answers_say_what_is_missing(site):
    server, redis = site
    assert server.get("/health/live/").status == 200
    assert ready_within(server, 5) == 200, server.get("/health/ready/").read()
    redis.kill()
    try:
        ready = server.get("/health/ready/")
        assert ready.status == 503 and b"failing" in ready.read()
        assert server.get("/health/live/").status == 200
    finally:
        redis.start()
    # and it is ready again once Redis is, with no restart
    assert ready_within(server, 5) == 200, server.get("/health/ready/").read()
