"""Subscribing from the account; subscriptions in the reader's export, and gone with the
account."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User

from dateline.accounts.actions import delete_reader
from dateline.subscriptions.models import Subscriber


@pytest.fixture
def reader(db):
    from allauth.account.models import EmailAddress

    user = User.objects.create_user("ann", "Ann@example.org", "reader-pass-2026")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_a_reader_subscribes_from_the_account_with_a_verified_address(client, reader,
                                                                      section):
    client.force_login(reader)
    page = client.get("/en/subscriptions/account/")
    assert page.status_code == 200 and "Email newsletters" in page.content.decode()
    response = client.post("/en/subscriptions/account/", {
        "language": "en", "sections": [section.pk], "digest": "on", "digest_hour": "6",
        "time_zone": "Asia/Tokyo"})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.user, subscriber.status) == (
        "ann@example.org", reader, "confirmed")
    assert subscriber.breaking is False and subscriber.digest_hour == 6
    # the digest is due at six in Tokyo: 21:00 UTC
    assert subscriber.next_digest_at.hour == 21


def test_a_section_of_the_other_edition_is_refused(client, reader, section_ru):
    client.force_login(reader)
    response = client.post("/en/subscriptions/account/", {
        "language": "en", "sections": [section_ru.pk], "digest": "on", "digest_hour": "6",
        "time_zone": "UTC"})
    assert response.status_code == 400
    assert "Choose sections of the edition you read." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_an_unknown_time_zone_is_refused(client, reader):
    client.force_login(reader)
    response = client.post("/en/subscriptions/account/", {
        "language": "en", "digest": "on", "digest_hour": "6", "time_zone": "Mars/Olympus"})
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_subscriptions_are_exported_and_leave_with_the_account(client, reader, section,
                                                               make_subscriber):
    make_subscriber("ann@example.org", user=reader, sections=[section])
    client.force_login(reader)
    exported = json.loads(client.get("/en/account/export/").content)
    (subscription,) = exported["email_subscriptions"]
    assert subscription["email"] == "ann@example.org"
    assert subscription["sections"] == ["World"] and subscription["status"] == "confirmed"
    delete_reader(reader)
    assert not Subscriber.objects.exists()
