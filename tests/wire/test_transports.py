"""How payloads reach us: polling with conditional requests, a watched folder, a push."""

from __future__ import annotations

import http.server
import os
import threading
import time
from collections.abc import Iterator

import pytest
from django.test import override_settings

from dateline.wire import actions, tasks, transports
from dateline.wire.models import Delivery, Feed

pytestmark = pytest.mark.django_db


class Agency(http.server.BaseHTTPRequestHandler):
    """An agency's feed address: answers 304 to a request that names its ETag."""

    body = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
    asked: list[dict] = []

    def do_GET(self) -> None:
        type(self).asked.append(dict(self.headers))
        if self.path == "/huge":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * (6 * 1024 * 1024))
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", '"v1"')
        self.send_header("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def agency_server() -> Iterator[str]:
    Agency.asked = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Agency)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@override_settings(WIRE_PRIVATE_ADDRESSES=True)
def test_polling_asks_with_the_last_etag_and_date_and_keeps_nothing_on_304(feed, agency_server):
    feed.url = agency_server + "/world.rss"
    feed.save()
    delivery = transports.poll(feed)
    assert bytes(delivery.payload) == Agency.body and delivery.source == feed.url
    feed.refresh_from_db()
    assert (feed.etag, feed.last_modified) == ('"v1"', "Tue, 01 Dec 2026 10:00:00 GMT")
    assert transports.poll(feed) is None
    assert Agency.asked[-1]["If-None-Match"] == '"v1"'
    assert Agency.asked[-1]["If-Modified-Since"] == "Tue, 01 Dec 2026 10:00:00 GMT"
    assert Delivery.objects.count() == 1


@override_settings(WIRE_PRIVATE_ADDRESSES=True)
def test_a_payload_over_the_limit_is_refused(feed, agency_server):
    feed.url = agency_server + "/huge"
    with pytest.raises(transports.TransportError, match="more than"):
        transports.poll(feed)
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/feed", "http://localhost/feed",
                                 "http://10.1.2.3/feed", "http://[::1]/feed",
                                 "file:///etc/passwd", "ftp://example.org/feed"])
def test_polling_goes_to_public_addresses_only(feed, url):
    feed.url = url
    with pytest.raises(transports.TransportError):
        transports.poll(feed)


def test_a_failed_poll_is_shown_on_the_feed_and_retried(feed):
    feed.url = "http://127.0.0.1:9/feed"
    feed.save()
    with pytest.raises(transports.TransportError):
        tasks.poll_feed.call(feed.pk)
    feed.refresh_from_db()
    assert "private address" in feed.last_error


def test_check_feeds_polls_a_due_feed_once_until_its_interval_passes(feed):
    from django_tasks_db.models import DBTaskResult

    assert tasks.check_feeds.call() == 1
    assert tasks.check_feeds.call() == 0, "claimed: not due again before its interval"
    polls = DBTaskResult.objects.filter(task_path__endswith="poll_feed")
    assert polls.count() == 1 and polls.get().args_kwargs["args"] == [feed.pk]


def test_a_watched_folder_takes_whole_files_once(agency, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    feed = Feed.objects.create(agency=agency, name="Files", format="ninjs",
                               transport="folder", folder="meridian", language="en")
    folder = transports.folder_of(feed)
    folder.mkdir(parents=True)
    (folder / "a.json").write_bytes(b'{"uri": "a"}')
    (folder / "b.json.part").write_bytes(b"{")  # still being written
    (folder / "fresh.json").write_bytes(b"{}")
    old = time.time() - 10
    os.utime(folder / "a.json", (old, old))
    [delivery] = transports.collect(feed)
    assert (delivery.source, bytes(delivery.payload)) == ("a.json", b'{"uri": "a"}')
    assert not (folder / "a.json").exists()
    assert (folder / "done" / f"{delivery.pk}-a.json").exists()
    assert transports.collect(feed) == []


def test_a_folder_feed_is_a_name_in_the_inbox_never_a_path(agency, chief):
    from django.core.exceptions import ValidationError

    for name in ("../etc", "/etc", "a/b", ".hidden", "x" * 65):
        feed = Feed(agency=agency, name="Files", format="rss", transport="folder",
                    folder=name, language="en")
        with pytest.raises(ValidationError):
            feed.full_clean()
    feed = Feed(agency=agency, name="Files", format="rss", transport="poll", language="en")
    with pytest.raises(ValidationError):
        actions.save_feed(feed, by=chief)  # a polled feed needs its address
