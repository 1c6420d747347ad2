"""Alerts and digests as they reach a real SMTP server: once each, multipart, with working
list headers; a batch retried after partial sending sends no one twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from dateline.events import ArticlePublished
from dateline.newsroom import actions as newsroom
from dateline.subscriptions import tasks
from dateline.subscriptions.alerts import on_published
from dateline.subscriptions.models import Delivery, Issue, Subscriber
from tests.subscriptions.conftest import html_of, link, run_jobs, text_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def breaking_draft(section, make_article):
    return make_article(section, status="draft", published_at=None, is_breaking=True,
                        headline="Bridge closes after tremor", slug="bridge-closes")



def recent():
    """An hour ago: inside any digest's day, however many stories the session made before."""
    return timezone.now() - timedelta(hours=1)


def test_a_breaking_story_alerts_once_by_email(breaking_draft, chief, smtp, make_subscriber):
    # given readers who asked for alerts, one who did not, and one not yet confirmed
    make_subscriber("ann@example.org")
    make_subscriber("bob@example.org")
    make_subscriber("quiet@example.org", breaking=False)
    make_subscriber("pending@example.org", status="pending")
    # when the story is published, then corrected, withdrawn and published again
    newsroom.publish_article(breaking_draft, by=chief)
    run_jobs()
    newsroom.add_correction(breaking_draft, text="The bridge reopened at noon.", by=chief)
    newsroom.unpublish_article(breaking_draft, by=chief)
    newsroom.publish_article(breaking_draft, by=chief)
    run_jobs()
    # then each reader who asked got exactly one alert
    assert sorted(r[0] for r, _m in smtp.messages) == ["ann@example.org", "bob@example.org"]
    (mail,) = smtp.to("ann@example.org")
    assert mail["Subject"] == "Breaking: Bridge closes after tremor"
    assert "Bridge closes after tremor" in text_of(mail)
    assert "Bridge closes after tremor" in html_of(mail) and "<table" in html_of(mail)
    issue = Issue.objects.get()
    assert (issue.queued, issue.sent, issue.failed) == (2, 2, 0)


def test_the_list_headers_work_when_followed(breaking_draft, chief, smtp, make_subscriber):
    make_subscriber("ann@example.org")
    newsroom.publish_article(breaking_draft, by=chief)
    run_jobs()
    (mail,) = smtp.to("ann@example.org")
    # RFC 2369 and RFC 8058 headers, naming the same address as the visible link
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    target = mail["List-Unsubscribe"].strip("<>")
    assert target.endswith(link(mail, "unsubscribe"))
    assert mail["List-Help"].strip("<>").endswith(link(mail, "manage"))
    assert mail["List-Id"] and mail["Message-ID"].startswith("<dateline-delivery-")
    # the preference centre opens without logging in
    assert Client().get(link(mail, "manage")).status_code == 200
    # a mail client's one-click POST unsubscribes, and the issue counts it
    response = Client(enforce_csrf_checks=True).post(
        link(mail, "unsubscribe"), "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "unsubscribed"
    assert Issue.objects.get().unsubscribed == 1


def test_a_batch_retried_after_partial_sending_sends_nobody_twice(
        breaking_draft, chief, smtp, make_subscriber, settings):
    # given six readers in one batch, and a server that takes four mails, then refuses
    for n in range(6):
        make_subscriber(f"reader{n}@example.org")
    smtp.refuse_after = 4
    newsroom.publish_article(breaking_draft, by=chief)
    run_jobs()
    assert len(smtp.messages) == 4
    statuses = sorted(Delivery.objects.values_list("status", flat=True))
    assert statuses == ["queued"] * 2 + ["sent"] * 4
    # when the server is back and the batch's retry runs
    smtp.refuse_after = None
    batch = Delivery.objects.first().batch
    tasks.send_batch.call(batch.pk)
    tasks.send_batch.call(batch.pk)  # and once more, as if enqueued twice
    # then everyone has the alert exactly once
    received = sorted(r[0] for r, _m in smtp.messages)
    assert received == sorted(f"reader{n}@example.org" for n in range(6))
    assert Issue.objects.get().sent == 6


def test_a_permanently_refused_address_is_suppressed(breaking_draft, chief, smtp,
                                                     make_subscriber):
    make_subscriber("ann@example.org")
    make_subscriber("gone@example.org")
    async def handle_RCPT(server, session, envelope, address, options):
        if address == "gone@example.org":
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp.handle_RCPT = handle_RCPT
    newsroom.publish_article(breaking_draft, by=chief)
    run_jobs()
    assert [r[0] for r, _m in smtp.messages] == ["ann@example.org"]
    assert Subscriber.objects.get(email="gone@example.org").status == "suppressed"
    assert Issue.objects.get().failed == 1


def test_the_digest_goes_at_the_readers_hour_once_with_their_sections(
        section, make_article, smtp, make_subscriber):
    from dateline.newsroom.models import Section

    sport = Section.objects.create(name="Sport", slug="sport", language="en", order=2)
    make_article(section, headline="Ferry strike ends", published_at=recent())
    make_article(sport, headline="Harbour regatta won by locals", published_at=recent())
    due = timezone.now() - timedelta(minutes=1)
    make_subscriber("all@example.org", next_digest_at=due)
    make_subscriber("sport@example.org", next_digest_at=due, sections=[sport])
    make_subscriber("later@example.org", next_digest_at=timezone.now() + timedelta(hours=3))
    # when the sweep runs twice in the same hour
    tasks.send_due_digests.call()
    tasks.send_due_digests.call()
    run_jobs()
    # then each due reader got one digest of what they chose, and the later one nothing yet
    (everything,) = smtp.to("all@example.org")
    assert "Ferry strike ends" in text_of(everything) and "regatta" in text_of(everything)
    (sport_only,) = smtp.to("sport@example.org")
    assert "regatta" in text_of(sport_only) and "Ferry strike" not in text_of(sport_only)
    assert "regatta" in html_of(sport_only)
    assert not smtp.to("later@example.org")
    # and their next digest is tomorrow at their hour
    subscriber = Subscriber.objects.get(email="all@example.org")
    assert timezone.now() < subscriber.next_digest_at < timezone.now() + timedelta(days=1)
    assert (subscriber.next_digest_at.hour, subscriber.next_digest_at.minute) == (7, 0)


def test_through_a_backend_without_smtp_a_dead_attempts_row_is_not_sent_again(
        breaking_draft, chief, make_subscriber, mailoutbox):
    # given an alert to two readers through a backend that is not SMTP (an email service)
    make_subscriber("ann@example.org")
    make_subscriber("bob@example.org")
    newsroom.publish_article(breaking_draft, by=chief)
    issue = Issue.objects.get()
    tasks.start_issue.call(issue.pk)
    # and an attempt that died after marking Ann's row sending: her mail may have left
    Delivery.objects.filter(subscriber__email="ann@example.org").update(status="sending")
    # when the batch runs again
    tasks.send_batch.call(Delivery.objects.first().batch_id)
    # then Bob gets his alert, with its list headers, and Ann is not risked a second copy
    assert [m.to for m in mailoutbox] == [["bob@example.org"]]
    assert mailoutbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Delivery.objects.get(subscriber__email="ann@example.org").status == "failed"
    assert on_published(ArticlePublished.of(breaking_draft)) is None  # heard again: no alert
    assert Issue.objects.count() == 1


@pytest.mark.parametrize("readers", [3, 6])
def test_a_digest_batch_costs_five_queries_and_one_write_a_reader(
        readers, section, make_article, smtp, make_subscriber, django_assert_num_queries):
    make_article(section, headline="Ferry strike ends", published_at=recent())
    due = timezone.now() - timedelta(minutes=1)
    for n in range(readers):
        make_subscriber(f"reader{n}@example.org", next_digest_at=due, sections=[section])
    tasks.send_due_digests.call()
    batch_id = Delivery.objects.first().batch_id
    # the batch, leftovers, rows, stories, sections; a write a reader; the counts (4)
    with django_assert_num_queries(5 + readers + 4):
        tasks.send_batch.call(batch_id)
    assert len(smtp.messages) == readers
