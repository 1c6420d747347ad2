"""Subscribing from a story page, confirming by the mailed link, the preference centre,
leaving in one click; and what hostile input gets."""

from __future__ import annotations

import pytest
from django.core import signing

from dateline.subscriptions import tokens
from dateline.subscriptions.models import Subscriber
from tests.subscriptions.conftest import link, run_jobs, text_of

pytestmark = pytest.mark.django_db(transaction=True)


def _subscribe(client, section, address="ann@example.org", **extra):
    data = {"email": address, "section": section.pk, "digest": "on", "breaking": "on", **extra}
    return client.post("/en/subscriptions/", data)


def test_the_story_page_offers_email_without_a_csrf_token_or_cookie(client, story):
    # when an anonymous reader opens a story
    response = client.get(story.get_absolute_url())
    # then the email form is there, and the page stays the same for every reader
    page = response.content.decode()
    assert 'action="/en/subscriptions/"' in page and 'name="email"' in page
    assert "csrfmiddlewaretoken" not in page and not response.cookies


def test_subscribe_confirm_manage_and_leave(client, story, smtp):
    # given a reader who subscribes from a story page
    response = _subscribe(client, story.section)
    assert response.status_code == 200 and "Check your inbox" in response.content.decode()
    run_jobs()
    # then only the confirmation mail goes out, and nothing is confirmed yet
    (mail,) = smtp.to("ann@example.org")
    assert mail["Subject"] == "Confirm your Dateline subscription"
    assert Subscriber.objects.get().status == "pending"
    # when the link is followed and confirmed
    confirm = link(mail, "confirm")
    assert client.get(confirm).status_code == 200
    assert Subscriber.objects.get().status == "pending"  # a GET (a link scanner) does not
    manage = client.post(confirm)
    # then the subscription is live, with the story's section, and the reader lands on the
    # preference centre
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "confirmed" and subscriber.next_digest_at is not None
    assert list(subscriber.sections.all()) == [story.section]
    assert manage.status_code == 302 and "/en/subscriptions/manage/" in manage.url
    # when the reader changes the digest hour there
    page = client.get(manage.url)
    assert "Your email subscription" in page.content.decode()
    saved = client.post(manage.url, {"language": "en", "digest": "on", "digest_hour": "18",
                                     "time_zone": "Europe/Lisbon", "breaking": "on"})
    assert saved.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.digest_hour, subscriber.time_zone) == (18, "Europe/Lisbon")
    assert list(subscriber.sections.all()) == []  # none chosen: every section
    # and then erases the address
    token = manage.url.rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/en/subscriptions/manage/{token}/erase/").status_code == 200
    assert not Subscriber.objects.exists()
    # the old links now say so, clearly
    assert client.get(manage.url).status_code == 400


def test_subscribing_again_when_confirmed_mails_the_preferences_link(client, section, smtp,
                                                                      make_subscriber):
    make_subscriber("ann@example.org")
    _subscribe(client, section)
    run_jobs()
    (mail,) = smtp.to("ann@example.org")
    assert mail["Subject"] == "Your Dateline subscription"
    assert link(mail, "manage")


@pytest.mark.parametrize("address, message", [
    ("not an address", "is not an email address we can write to"),
    ("ann@", "is not an email address we can write to"),
    ("", "Enter your email address."),
    ("someone@mailinator.com", "throwaway"),
    ("a" * 300 + "@example.org", "too long"),
])
def test_bad_addresses_get_a_clear_message(client, section, address, message):
    response = _subscribe(client, section, address)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_section_that_is_not_a_number_is_refused_not_a_crash(client, section):
    response = client.post("/en/subscriptions/", {"email": "ann@example.org",
                                                  "section": "x' OR 1=1", "digest": "on"})
    assert response.status_code == 400


def test_one_address_cannot_be_mail_bombed(client, section, smtp):
    # given someone asking again and again for the same address, from many clients
    for n in range(6):
        client.post("/en/subscriptions/", {"email": "victim@example.org", "digest": "on"},
                    REMOTE_ADDR=f"10.0.0.{n}")
    run_jobs()
    # then the address gets three confirmation mails, no more
    assert len(smtp.to("victim@example.org")) == 3


def test_one_client_cannot_ask_for_endless_addresses(client, section):
    statuses = [_subscribe(client, section, f"reader{n}@example.org").status_code
                for n in range(22)]
    assert statuses[:20] == [200] * 20 and statuses[20:] == [429, 429]


def test_tampered_and_expired_links_get_a_clear_page(client, make_subscriber, settings):
    subscriber = make_subscriber("ann@example.org", status="pending")
    good = tokens.confirm_token(subscriber)
    tampered = client.get(f"/en/subscriptions/confirm/{good[:-2]}xx/")
    assert tampered.status_code == 400 and "altered" in tampered.content.decode()
    old = signing.TimestampSigner(salt="dateline.subscriptions.confirm")
    expired_token = old.sign_object([subscriber.pk, subscriber.email], compress=True)
    import time

    real_time = time.time
    try:  # a link made eight days ago
        time.time = lambda: real_time() + 8 * 86400
        expired = client.get(f"/en/subscriptions/confirm/{expired_token}/")
    finally:
        time.time = real_time
    assert expired.status_code == 410 and "expired" in expired.content.decode()
    assert client.get("/en/subscriptions/unsubscribe/garbage/").status_code == 400
    assert client.post("/en/subscriptions/manage/garbage/erase/").status_code == 400


def test_one_click_unsubscribe_needs_no_cookie_or_token(client, make_subscriber):
    from django.test import Client

    subscriber = make_subscriber("ann@example.org")
    token = tokens.manage_token(subscriber)
    # a mail client posts RFC 8058's body, with CSRF checks on
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"/en/subscriptions/unsubscribe/{token}/",
                           "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_a_confirmation_text_is_russian_for_the_russian_edition(client, section_ru, smtp):
    client.post("/ru/subscriptions/", {"email": "ivan@example.org", "digest": "on"})
    run_jobs()
    (mail,) = smtp.to("ivan@example.org")
    assert "Подтвердите" in mail["Subject"]
    assert "/ru/subscriptions/confirm/" in text_of(mail)
