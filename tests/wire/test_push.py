"""The push endpoint: a payload with the feed's token is kept and read by a job."""

from __future__ import annotations

import pytest

from dateline.wire import actions
from dateline.wire.models import Delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(other_feed, chief) -> str:
    other_feed.push_token_hash = ""
    return actions.save_feed(other_feed, by=chief)


def push(client, feed, token, body=b'{"uri": "x"}', **headers):
    return client.post(f"/wire/push/{feed.pk}/", body, content_type="application/json",
                       headers={"Authorization": f"Bearer {token}", **headers})


def test_a_push_with_the_token_is_kept_and_read_by_a_job(client, other_feed, token,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as jobs:
        answer = push(client, other_feed, token)
    assert answer.status_code == 202
    delivery = Delivery.objects.get()
    assert answer.json() == {"received": delivery.pk} and bytes(delivery.payload) == \
        b'{"uri": "x"}'
    assert len(jobs) == 1


@pytest.mark.parametrize("bad", ["", "wrong", "Basic abc"])
def test_a_push_without_the_right_token_is_refused(client, other_feed, token, bad):
    answer = client.post(f"/wire/push/{other_feed.pk}/", b"{}", content_type="application/json",
                         headers={"Authorization": bad} if bad else {})
    assert answer.status_code == 401 and "WWW-Authenticate" in answer
    assert not Delivery.objects.exists()


def test_a_new_token_ends_the_old(client, other_feed, token, chief):
    fresh = actions.new_push_token(other_feed, by=chief)
    assert push(client, other_feed, token).status_code == 401
    assert push(client, other_feed, fresh).status_code == 202


def test_a_feed_that_is_not_pushed_to_answers_like_a_wrong_token(client, feed, token):
    assert push(client, feed, token).status_code == 401
    assert client.get(f"/wire/push/{feed.pk}/").status_code == 405


def test_an_empty_push_is_refused(client, other_feed, token):
    assert push(client, other_feed, token, body=b"").status_code == 400
