"""Breaking alerts reach subscribed devices once, through a real push service on 127.0.0.1
that checks VAPID and decrypts what it gets; expired devices are removed, refusals retried."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from dateline.newsroom import actions as newsroom
from dateline.newsroom.models import Article
from dateline.subscriptions.push import keys, tasks
from dateline.subscriptions.push.models import Alert, Delivery, Subscription
from dateline.tasks.worker import Worker
from tests.subscriptions import push_service

pytestmark = pytest.mark.django_db(transaction=True)
S = Delivery.Status


@pytest.fixture
def service(settings):
    settings.PUSH_INSECURE_HOSTS = ["127.0.0.1"]
    settings.PUSH_RETRY_SECONDS = 0.2
    settings.SITE_URL = "https://news.example.org"
    running = push_service.start()
    yield running
    running.server.shutdown()
    running.server.server_close()
    assert running.errors == [], running.errors


def subscribed(service, language: str = "en") -> push_service.Device:
    device = service.device()
    Subscription.objects.create(endpoint=device.endpoint, p256dh=device.p256dh,
                                auth=device.keys()["auth"], language=language)
    return device


def pending_jobs(job) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=job.module_path, status="READY"))


def run_due_now() -> int:
    """Bring every waiting job forward (a retry's wait has been checked) and run them."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    return Worker().round()


@pytest.fixture
def breaking_draft(draft):
    Article.objects.filter(pk=draft.pk).update(is_breaking=True)
    draft.refresh_from_db()
    return draft


def test_a_breaking_story_reaches_each_device_of_its_edition_once(
        service, breaking_draft, editor):
    # given two English devices and a Russian one
    first, second, russian = subscribed(service), subscribed(service), subscribed(service, "ru")
    # when the editor publishes the breaking story and the worker runs
    newsroom.publish_article(breaking_draft, by=editor)
    Worker().round()
    # then each English device got it once, and it decrypts to the headline and the address
    url = "https://news.example.org" + breaking_draft.get_absolute_url()
    for device in (first, second):
        (message,) = service.delivered(device)
        assert message["title"] == "Tram line reaches the harbour"
        assert message["url"] == url
        assert message["body"] == breaking_draft.lead
        assert message["icon"].startswith("https://news.example.org/static/reader/favicon")
    assert service.delivered(russian) == []
    # signed with the site's key, urgent, kept by the service a while
    request = service.received[0]
    assert request.vapid_key == keys.public_key()
    assert request.headers["urgency"] == "high" and int(request.headers["ttl"]) == 6 * 3600
    alert = Alert.objects.get()
    assert alert.queued == 2
    assert set(alert.deliveries.values_list("status", flat=True)) == {S.SENT}


def test_a_correction_a_withdrawal_and_a_republication_do_not_alert_again(
        service, breaking_draft, editor, chief):
    device = subscribed(service)
    story = newsroom.publish_article(breaking_draft, by=editor)
    Worker().round()
    # when the story is corrected, withdrawn and put back up
    newsroom.add_correction(story, text="The line opens on Monday, not Sunday.", by=editor)
    newsroom.unpublish_article(story, by=chief)
    newsroom.publish_article(story, by=chief)
    Worker().round()
    # then the device still has the one alert
    assert len(service.delivered(device)) == 1
    assert Alert.objects.count() == 1


def test_a_story_that_is_not_breaking_alerts_no_one(service, draft, editor):
    device = subscribed(service)
    newsroom.publish_article(draft, by=editor)
    Worker().round()
    assert service.received == [] and not Alert.objects.exists()
    assert service.delivered(device) == []


def test_every_server_hearing_the_story_makes_one_alert(service, breaking_draft, editor):
    # given the story published
    subscribed(service)
    newsroom.publish_article(breaking_draft, by=editor)
    event = newsroom_event(breaking_draft)
    # when two more processes hear the same event
    from dateline.subscriptions.push.actions import alert_on_publish

    assert alert_on_publish(event) is None and alert_on_publish(event) is None
    # then one alert, sent by one job
    assert Alert.objects.count() == 1 and len(pending_jobs(tasks.fan_out)) == 1


def newsroom_event(article):
    from dateline.events import ArticlePublished

    return ArticlePublished.of(Article.objects.get(pk=article.pk))


def test_an_old_story_replayed_does_not_alert(service, section, make_article):
    story = make_article(section, is_breaking=True,
                         published_at=timezone.now() - timedelta(hours=2))
    from dateline.subscriptions.push.actions import alert_on_publish

    assert alert_on_publish(newsroom_event(story)) is None


def alert_for(story) -> Alert:
    return Alert.objects.create(article_id=story.pk, language="en", headline=story.headline,
                                lead=story.lead, url=story.get_absolute_url())


def test_an_expired_subscription_is_removed(service, story):
    # given a device whose subscription the service says is gone (410) and one unknown (404)
    gone, unknown, fine = subscribed(service), subscribed(service), subscribed(service)
    service.answer(gone, 410)
    service.answer(unknown, 404)
    alert = alert_for(story)
    # when the alert is sent
    tasks.fan_out.enqueue(alert.pk)
    Worker().round()
    # then both are removed, the third device got it, and the counts say so
    assert list(Subscription.objects.values_list("endpoint", flat=True)) == [fine.endpoint]
    assert len(service.delivered(fine)) == 1
    assert sorted(alert.deliveries.values_list("status", "status_code")) == [
        (S.PRUNED, 404), (S.PRUNED, 410), (S.SENT, 201)]


def test_too_many_requests_is_retried_after_the_wait_the_service_asked(service, story):
    # given a service that asks us to come back in 30 seconds
    device = subscribed(service)
    service.answer(device, 429, Retry_After="30")
    alert = alert_for(story)
    tasks.fan_out.enqueue(alert.pk)
    before = timezone.now()
    Worker().round()
    # then nothing arrived yet, and the retry waits at least the 30 seconds
    assert service.delivered(device) == []
    (retry,) = pending_jobs(tasks.send_batch)
    assert retry.run_after >= before + timedelta(seconds=30)
    assert alert.deliveries.get().status == S.RETRY
    # when its time comes, the device gets the alert once
    run_due_now()
    assert len(service.delivered(device)) == 1
    delivery = alert.deliveries.get()
    assert (delivery.status, delivery.attempts) == (S.SENT, 2)


def test_server_errors_are_retried_with_growing_waits_then_counted_failed(
        service, story, settings):
    settings.PUSH_RETRIES = 3
    device = subscribed(service)
    service.answer(device, 500, 503, 502)
    alert = alert_for(story)
    tasks.fan_out.enqueue(alert.pk)
    Worker().round()
    waits = []
    for _ in range(2):
        (retry,) = pending_jobs(tasks.send_batch)
        waits.append((retry.run_after - retry.enqueued_at).total_seconds())
        run_due_now()
    # then three attempts, each wait longer than the one before, and the device failed
    assert [r.status for r in service.received] == [500, 503, 502]
    assert 0.2 <= waits[0] < waits[1]
    delivery = alert.deliveries.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (S.FAILED, 3, 502)
    assert pending_jobs(tasks.send_batch) == []
    assert Subscription.objects.count() == 1  # a failing service is not the device's fault


def test_a_refusal_is_counted_failed_and_not_retried(service, story, caplog):
    device = subscribed(service)
    service.answer(device, 403)
    alert = alert_for(story)
    tasks.fan_out.enqueue(alert.pk)
    Worker().round()
    assert alert.deliveries.get().status == S.FAILED
    assert pending_jobs(tasks.send_batch) == []
    assert "answered 403" in caplog.text
    assert device.endpoint not in caplog.text  # logs name the service, not the device


def test_a_batch_run_again_sends_nothing_twice(service, story):
    # given a batch already sent
    devices = [subscribed(service) for _ in range(3)]
    alert = alert_for(story)
    ids = list(Subscription.objects.order_by("pk").values_list("pk", flat=True))
    assert tasks.send_batch.call(alert.pk, ids) == {S.SENT: 3}
    # when the same batch runs again (a worker killed before it finished, the job retried)
    assert tasks.send_batch.call(alert.pk, ids) == {}
    # then each device got it once
    assert [len(service.delivered(d)) for d in devices] == [1, 1, 1]


def test_a_device_claimed_by_a_run_that_died_is_not_sent_again(service, story):
    # given a run that claimed the device and died before recording the answer
    device = subscribed(service)
    alert = alert_for(story)
    ids = [Subscription.objects.get().pk]
    tasks.claim(alert, ids)
    # when the batch is run again
    tasks.send_batch.call(alert.pk, ids)
    # then nothing is sent: at most once, never twice
    assert service.delivered(device) == []


def test_batches_are_of_the_configured_size(service, story, settings):
    settings.PUSH_BATCH_SIZE = 2
    for _ in range(5):
        subscribed(service)
    alert = alert_for(story)
    assert tasks.fan_out.call(alert.pk) == 5
    assert sorted(len(j.args_kwargs["args"][1]) for j in pending_jobs(tasks.send_batch)) == [
        1, 2, 2]
    # and fanning out again (a retried job) enqueues nothing more
    assert tasks.fan_out.call(alert.pk) == 0
    assert len(pending_jobs(tasks.send_batch)) == 3


def statements(run) -> list[str]:
    """The data statements run makes (BEGIN and COMMIT show on SQLite only: not counted)."""
    with CaptureQueriesContext(connection) as captured:
        run()
    return [q["sql"] for q in captured.captured_queries
            if q["sql"].split(None, 1)[0].upper() in {"SELECT", "INSERT", "UPDATE", "DELETE"}]


@pytest.mark.parametrize("devices", [2, 8])
def test_sending_a_batch_takes_six_statements_however_many_devices(service, story, devices):
    # given a batch of devices
    for _ in range(devices):
        subscribed(service)
    alert = alert_for(story)
    ids = list(Subscription.objects.values_list("pk", flat=True))
    # when it is sent: the alert; the claim (which exist, insert, take retries, read them);
    # the record (one update for all)
    done = statements(lambda: tasks.send_batch.call(alert.pk, ids))
    # then six statements, not one per device
    assert len(done) == 6, done
    assert len(service.delivered()) == devices
