"""Across processes, as in production: a breaking story published from a second process
(an editor's script) reaches the device through `dateline serve` and its worker, once, within
a minute; its correction sends nothing more."""

from __future__ import annotations

import json
import time

import pytest

from dateline.testing import Server
from tests.subscriptions import push_service

SETUP = """
import json
from django.utils import timezone
from dateline.newsroom.models import Article, Section
from dateline.subscriptions.push.models import Subscription
section = Section.objects.create(name="World", slug="world", language="en", order=1)
story = Article.objects.create(section=section, language="en", slug="ferry-sinks",
    headline="Ferry sinks in the harbour", lead="All passengers were rescued.",
    body="<p>The ferry went down at noon.</p>", status="draft", is_breaking=True)
for endpoint, p256dh, auth in json.loads('__DEVICES__'):
    Subscription.objects.create(endpoint=endpoint, p256dh=p256dh, auth=auth, language="en")
print(json.dumps({"story": story.pk}))
"""

PUBLISH = """
import time
from dateline.newsroom import actions
from dateline.newsroom.models import Article
actions.publish_article(Article.objects.get(pk=__STORY__), by=None)
print(time.time())
"""

CORRECT = """
from dateline.newsroom import actions
from dateline.newsroom.models import Article
actions.add_correction(Article.objects.get(pk=__STORY__), text="Two were hurt.", by=None)
"""


@pytest.fixture
def service():
    running = push_service.start()
    yield running
    running.server.shutdown()
    running.server.server_close()
    assert running.errors == [], running.errors


def wait_for(condition, seconds: float) -> float:
    """Seconds until condition held (it must, within seconds)."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, "not within the time allowed"
        time.sleep(0.05)
    return time.monotonic() - started


def test_a_story_published_elsewhere_alerts_once_within_a_minute(service, tmp_path):
    # given a site serving readers, two devices subscribed to its English edition
    devices = [service.device(), service.device()]
    rows = json.dumps([[d.endpoint, d.p256dh, d.keys()["auth"]] for d in devices])
    server = Server(tmp_path / "site", PUSH_INSECURE_HOSTS="127.0.0.1")
    server.prepare()
    story = json.loads(server.shell(SETUP.replace("__DEVICES__", rows)).splitlines()[-1])
    server.start()
    try:
        # when an editor's script publishes the breaking story
        published = float(server.shell(PUBLISH.replace("__STORY__", str(story["story"])))
                          .splitlines()[-1])
        # then each device has it within a minute
        wait_for(lambda: len(service.delivered()) == 2, 60)
        assert time.time() - published < 60
        assert {m["title"] for m in service.delivered()} == {"Ferry sinks in the harbour"}
        assert {m["url"] for m in service.delivered()} == {
            "http://127.0.0.1:8000/en/world/ferry-sinks/"}
        # and when it is corrected, nothing more is sent
        server.shell(CORRECT.replace("__STORY__", str(story["story"])))
        time.sleep(3)
        assert [len(service.delivered(d)) for d in devices] == [1, 1]
    finally:
        server.stop()
    assert "Traceback" not in server.output(), server.output()[-3000:]
