"""Purging front caches: a stand-in cache on a free local port hears, once per event, a PURGE
naming the stale pages' keys; one that is away is asked again shortly; one that refuses is
not. (The real Varnish, with deploy/'s VCL, is in tests/deploy/test_front_cache.py.)"""

from __future__ import annotations

import http.server
import logging
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from dateline import events
from dateline.newsroom import actions
from dateline.reader import frontcache, tasks, versions
from dateline.reader.stale import EVERY_PAGE, pages_stale
from dateline.tasks.worker import Worker
from dateline.testing import free_port

pytestmark = pytest.mark.django_db(transaction=True)
PURGES = DBTaskResult.objects.filter(task_path=tasks.purge_front_cache.module_path)


class Cache(http.server.BaseHTTPRequestHandler):
    """A front cache's purge endpoint: records each purge's keys; fails as told."""

    purges: list[str] = []
    failures_left = 0  # answer 503 this many times first
    refuse = False  # answer 403, as an ACL that lacks the sender

    def do_PURGE(self) -> None:
        if type(self).refuse:
            self.send_response(403)
        elif type(self).failures_left > 0:
            type(self).failures_left -= 1
            self.send_response(503)
        else:
            type(self).purges.append(self.headers["xkey"])
            self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<title>200 Purged 2</title>")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(autouse=True)
def _no_purges() -> None:
    PURGES.delete()  # job results outlive a transactional test's flush


@pytest.fixture
def front(settings) -> Iterator[str]:
    Cache.purges, Cache.failures_left, Cache.refuse = [], 0, False
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Cache)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    settings.FRONT_CACHE_PURGE_URLS = [url]
    yield url
    server.shutdown()
    server.server_close()


def run_jobs() -> None:
    while Worker().round():
        pass


def retry_now() -> None:
    PURGES.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_a_publication_purges_its_keys_at_each_front_cache_once(front, settings, draft, editor,
                                                                heard):
    # given two front caches, the second as much as the first
    settings.FRONT_CACHE_PURGE_URLS = [front, front + "second/"]
    sent: list[frozenset[str]] = []
    pages_stale.connect(lambda sender, keys, **kw: sent.append(keys), weak=False,
                        dispatch_uid="test-front-cache-keys")
    try:
        # when the editor publishes
        actions.publish_article(draft, by=editor)
        # and the same event reaches this process again, as it reaches every process
        (published,) = heard.of(events.ArticlePublished)
        assert published.id is not None
        events.deliver(published)
    finally:
        pages_stale.disconnect(dispatch_uid="test-front-cache-keys")
    run_jobs()
    # then each cache heard one purge, naming the keys that went stale: the story and the
    # lists it enters, not every page
    assert len(sent) == 2 and f"story-{draft.pk}" in sent[0] and EVERY_PAGE not in sent[0]
    assert Cache.purges == [" ".join(sorted(sent[0]))] * 2
    assert {r.return_value for r in PURGES} == {2}


def test_no_front_cache_no_purge(draft, editor):
    actions.publish_article(draft, by=editor)
    assert not PURGES.exists()


def test_a_purge_waits_until_no_server_would_hand_out_the_old_page(front, settings):
    # the shared store's near copies are stale within NEAR_SECONDS: purge after that
    assert frontcache.SETTLE_SHARED > versions.Versions.NEAR_SECONDS
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # only read to choose the wait
    started = time.monotonic()
    pages_stale.send(sender=None, keys=frozenset({EVERY_PAGE}), event=None)
    run_jobs()
    assert time.monotonic() - started >= frontcache.SETTLE_SHARED - 0.05
    assert Cache.purges == [EVERY_PAGE]


def test_a_cache_that_is_away_is_asked_again_shortly_then_left(front, settings):
    # given a cache that answers 503 to the first two purges
    Cache.failures_left = 2
    pages_stale.send(sender=None, keys=frozenset({EVERY_PAGE, "story-7"}), event=None)
    run_jobs()
    # then the purge failed and waits to be tried again about a second later
    (failed,) = PURGES.filter(status=TaskResultStatus.FAILED)
    assert "503" in failed.traceback
    (waiting,) = PURGES.filter(status=TaskResultStatus.READY)
    assert timedelta(seconds=0.9) < waiting.run_after - failed.finished_at < timedelta(seconds=2)
    # when its time comes, twice
    for _ in range(2):
        retry_now()
        run_jobs()
    # then the cache heard the purge once
    assert Cache.purges == ["all story-7"]
    # and a cache that stays away is left after the third retry
    Cache.purges, Cache.failures_left = [], 99
    PURGES.delete()
    pages_stale.send(sender=None, keys=frozenset({EVERY_PAGE}), event=None)
    for _ in range(6):
        run_jobs()
        retry_now()
    assert PURGES.filter(status=TaskResultStatus.FAILED).count() == tasks.RETRIES + 1
    assert not PURGES.filter(status=TaskResultStatus.READY).exists()


def test_a_cache_that_refuses_is_not_asked_again(front, caplog):
    Cache.refuse = True
    with caplog.at_level(logging.ERROR, logger="dateline.reader.frontcache"):
        assert frontcache.purge(front, [EVERY_PAGE]) is None
    assert "refused a purge: 403" in caplog.text


def test_a_cache_that_cannot_be_reached_fails_the_attempt_quickly():
    started = time.monotonic()
    with pytest.raises(frontcache.CacheUnavailable, match="could not be reached"):
        frontcache.purge(f"http://127.0.0.1:{free_port()}/", [EVERY_PAGE])
    assert time.monotonic() - started < frontcache.TIMEOUT


@pytest.mark.parametrize("url", ["file:///etc/hostname", "http://127.0.0.1:99999/", "cache"])
def test_an_address_that_is_none_is_logged_not_retried(url, caplog):
    with caplog.at_level(logging.ERROR, logger="dateline.reader.frontcache"):
        assert frontcache.purge(url, [EVERY_PAGE]) is None
    assert "FRONT_CACHE_PURGE_URLS" in caplog.text


def test_many_keys_go_in_several_purges_none_lost(front):
    keys = [f"story-{n}" for n in range(2000)]
    frontcache.purge(front, keys)
    assert len(Cache.purges) > 1
    assert all(len(batch) <= frontcache.KEYS_PER_REQUEST for batch in Cache.purges)
    assert sorted(" ".join(Cache.purges).split()) == sorted(keys)
