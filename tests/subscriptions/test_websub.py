"""WebSub pings: a real hub on a free local port hears of every feed a story's publication,
update or withdrawal changed, once each, and is asked again while it fails."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from dateline import events
from dateline.newsroom import actions
from dateline.newsroom.models import Article, Tag
from dateline.subscriptions import websub, websub_tasks
from dateline.tasks.worker import Worker

pytestmark = pytest.mark.django_db(transaction=True)

SITE = "http://127.0.0.1:8000"


class Hub(http.server.BaseHTTPRequestHandler):
    """A WebSub hub's publish endpoint: records each ping; fails as told."""

    pings: list[dict] = []
    failures_left = 0  # answer 503 this many times first
    refuse = False  # answer 400 to everything
    hang = 0.0  # seconds to hang for, then drop the request unanswered

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        if type(self).hang:
            time.sleep(type(self).hang)
            self.close_connection = True
            return
        if type(self).refuse:
            self.send_response(400)
        elif type(self).failures_left > 0:
            type(self).failures_left -= 1
            self.send_response(503)
        else:
            type(self).pings.append({"type": self.headers.get("Content-Type"), "path": self.path,
                                     "form": urllib.parse.parse_qs(body)})
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def hub(settings) -> Iterator[str]:
    Hub.pings, Hub.failures_left, Hub.refuse, Hub.hang = [], 0, False, 0.0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/publish"
    settings.WEBSUB_HUBS = [url]
    settings.SITE_URL = SITE
    yield url
    server.shutdown()
    server.server_close()


def topics_heard() -> list[str]:
    return [ping["form"]["hub.url"][0] for ping in Hub.pings]


def run_jobs() -> None:
    """Run what is ready; announcements (which wait a second by design) at once."""
    DBTaskResult.objects.filter(task_path=websub_tasks.announce_story.module_path,
                                status=TaskResultStatus.READY).update(run_after=timezone.now())
    while Worker().round():
        pass


def retry_now() -> None:
    """Bring the waiting retries' time forward rather than wait for it."""
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def feeds_of(*lists: str) -> list[str]:
    return sorted(f"{SITE}/en/{prefix}{kind}" for prefix in lists
                  for kind in ("rss/", "atom/", "feed.json"))


STORY_FEEDS = feeds_of("", "world/", "tags/shipping/", "tags/ports/")


@pytest.fixture
def tagged_draft(section, make_article, tag, reporter) -> Article:
    ports = Tag.objects.create(name="Ports", slug="ports", language="en")
    return make_article(section, headline="Ferry fares frozen", slug="fares",
                        status=Article.Status.DRAFT, published_at=None, author=reporter,
                        tags=[tag, ports])


def test_publishing_pings_the_hub_once_for_every_feed_the_story_is_in(client, hub, tagged_draft,
                                                                      editor):
    # given a reader's copy of the edition's feed, stored before the story goes out
    client.get("/en/feed.json")
    # when the editor publishes
    published = timezone.now()
    actions.publish_article(tagged_draft, by=editor)
    # then the announcement waits until every process's near copy of the cache is stale
    (announce,) = DBTaskResult.objects.filter(
        task_path=websub_tasks.announce_story.module_path)
    assert announce.run_after >= published + websub.ANNOUNCE_AFTER
    Worker().round()
    assert Hub.pings == [] and DBTaskResult.objects.get(pk=announce.pk).status == "READY"
    # when its time comes and the worker runs
    run_jobs()
    # then the hub heard of the edition's, the section's and both tags' feeds, once each
    assert sorted(topics_heard()) == STORY_FEEDS
    assert all(ping["form"]["hub.mode"] == ["publish"] and len(ping["form"]) == 2
               and ping["type"] == "application/x-www-form-urlencoded" for ping in Hub.pings)
    # and each topic is a feed naming itself so, which already lists the story
    for topic in topics_heard():
        response = client.get(topic.removeprefix(SITE))
        assert response.status_code == 200
        assert response["Link"].endswith(f'<{topic}>; rel="self"')
        assert b"Ferry fares frozen" in response.content


def test_an_update_and_a_withdrawal_ping_the_same_feeds(hub, tagged_draft, editor):
    story = actions.publish_article(tagged_draft, by=editor)
    run_jobs()
    Hub.pings.clear()
    # when the story is corrected
    actions.add_correction(story, text="The fares hold until March, not May.", by=editor)
    run_jobs()
    assert sorted(topics_heard()) == STORY_FEEDS
    Hub.pings.clear()
    # when it is withdrawn
    actions.unpublish_article(story, by=editor)
    run_jobs()
    assert sorted(topics_heard()) == STORY_FEEDS


def test_a_russian_story_pings_the_russian_edition(hub, section_ru, make_article, editor):
    draft = make_article(section_ru, headline="Паром", slug="parom",
                         status=Article.Status.DRAFT, published_at=None)
    actions.publish_article(draft, by=editor)
    run_jobs()
    assert sorted(topics_heard()) == sorted(
        f"{SITE}/ru/{prefix}{kind}" for prefix in ("", "world/")
        for kind in ("rss/", "atom/", "feed.json"))


def test_a_failing_hub_is_asked_again_until_it_takes_each_feed(hub, tagged_draft, editor):
    # given a hub that answers 503 to the first three pings
    Hub.failures_left = 3
    actions.publish_article(tagged_draft, by=editor)
    run_jobs()
    # then those three pings failed and wait to be tried again; the others got through
    failed = DBTaskResult.objects.filter(task_path=websub_tasks.ping_hub.module_path,
                                         status=TaskResultStatus.FAILED)
    assert failed.count() == 3 and "503" in failed.first().traceback
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert [r.args_kwargs["kwargs"] for r in waiting] == [{"attempt": 2}] * 3
    assert len(topics_heard()) == len(STORY_FEEDS) - 3
    # when their time comes
    retry_now()
    run_jobs()
    # then every feed was heard of exactly once
    assert sorted(topics_heard()) == STORY_FEEDS


def test_a_hub_that_does_not_answer_in_time_is_asked_again(hub, tagged_draft, editor,
                                                           monkeypatch):
    monkeypatch.setattr(websub, "TIMEOUT", 0.3)
    Hub.hang = 1.0
    actions.publish_article(tagged_draft, by=editor)
    run_jobs()
    timed_out = DBTaskResult.objects.filter(task_path=websub_tasks.ping_hub.module_path,
                                            status=TaskResultStatus.FAILED)
    assert timed_out.count() == len(STORY_FEEDS)
    assert "could not be reached" in timed_out.first().traceback
    assert Hub.pings == []
    Hub.hang = 0.0
    retry_now()
    run_jobs()
    assert sorted(topics_heard()) == STORY_FEEDS


def test_a_hub_that_refuses_is_not_asked_again(hub, tagged_draft, editor):
    Hub.refuse = True
    actions.publish_article(tagged_draft, by=editor)
    run_jobs()
    pings = DBTaskResult.objects.filter(task_path=websub_tasks.ping_hub.module_path)
    assert {r.status for r in pings} == {TaskResultStatus.SUCCESSFUL}
    assert {r.return_value for r in pings} == {400} and pings.count() == len(STORY_FEEDS)


def test_every_hub_hears_of_every_feed(hub, settings, tagged_draft, editor):
    settings.WEBSUB_HUBS = [hub, hub.replace("/publish", "/second")]
    actions.publish_article(tagged_draft, by=editor)
    run_jobs()
    for path in ("/publish", "/second"):
        assert sorted(p["form"]["hub.url"][0] for p in Hub.pings if p["path"] == path) == (
            STORY_FEEDS)


def test_an_event_reaching_several_processes_is_announced_once(hub, tagged_draft, editor, heard):
    actions.publish_article(tagged_draft, by=editor)
    (event,) = heard.of(events.ArticlePublished)
    # when the same event (the same catch-up log id) reaches two more processes
    websub.story_changed(event)
    websub.story_changed(event)
    run_jobs()
    # then the hub hears of each feed once
    assert sorted(topics_heard()) == STORY_FEEDS
    assert DBTaskResult.objects.filter(
        task_path=websub_tasks.announce_story.module_path).count() == 1


def test_without_hubs_nothing_is_enqueued(settings, tagged_draft, editor):
    settings.WEBSUB_HUBS = []
    actions.publish_article(tagged_draft, by=editor)
    assert not DBTaskResult.objects.filter(task_path__contains="websub").exists()


def test_a_draft_saved_pings_nothing(hub, tagged_draft, reporter):
    tagged_draft.headline = "Ferry fares frozen until March"
    actions.save_article(tagged_draft, by=reporter)
    run_jobs()
    assert Hub.pings == []
