"""A device subscribing and leaving: hostile input gets a clear 400, never a 500; the page
that offers alerts stays the same for every reader; the reader's devices go with their data."""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from dateline.accounts import actions as accounts
from dateline.subscriptions.push import keys, tasks
from dateline.subscriptions.push.models import Alert, Delivery, Subscription
from tests.subscriptions.push_service import Device, b64url

pytestmark = pytest.mark.django_db
URL = "/push/subscription"
ENDPOINT = "https://push.example.net/wpush/v2/gAAAAABk-device-1"


@pytest.fixture(autouse=True)
def _local_service(settings):
    settings.PUSH_INSECURE_HOSTS = ["127.0.0.1"]


def body(device: Device | None = None, **changes) -> dict:
    device = device or Device()
    data = {"endpoint": ENDPOINT, "keys": device.keys(), "edition": "en"}
    data.update(changes)
    return data


def post(client, data, method="post", **extra):
    send = getattr(client, method)
    return send(URL, data=json.dumps(data), content_type="application/json", **extra)


def test_a_device_subscribes_to_its_edition(client):
    device = Device()
    response = post(client, body(device, edition="ru"))
    assert response.status_code == 201
    subscription = Subscription.objects.get()
    assert (subscription.endpoint, subscription.language) == (ENDPOINT, "ru")
    assert subscription.p256dh == device.p256dh and subscription.user is None
    assert not response.cookies


def test_subscribing_again_replaces_the_keys_not_the_device(client):
    post(client, body())
    newer = Device()
    assert post(client, body(newer)).status_code == 201
    assert list(Subscription.objects.values_list("p256dh", flat=True)) == [newer.p256dh]


def test_a_signed_in_reader_s_device_is_theirs(client):
    user = get_user_model().objects.create_user("ana", "ana@example.org", "pw-12345-long")
    client.force_login(user)
    post(client, body())
    assert Subscription.objects.get().user == user


def test_leaving_needs_the_device_s_secret(client):
    device = Device()
    post(client, body(device))
    # someone who knows only the endpoint removes nothing
    other = Device().keys()["auth"]
    response = post(client, {"endpoint": ENDPOINT, "auth": other}, method="delete")
    assert response.json() == {"removed": 0} and Subscription.objects.exists()
    # the device itself does
    response = post(client, {"endpoint": ENDPOINT, "auth": device.keys()["auth"]},
                    method="delete")
    assert response.json() == {"removed": 1} and not Subscription.objects.exists()


def _keys(**changes) -> dict:
    return {**Device().keys(), **changes}


HOSTILE = {
    "plain http": body(endpoint="http://push.example.net/x"),
    "a private address": body(endpoint="https://10.0.0.5/x"),
    "the loopback by name": body(endpoint="https://localhost:8443/x"),
    "a link-local address": body(endpoint="https://[fe80::1]/x"),
    "credentials": body(endpoint="https://user:pw@push.example.net/x"),
    "a bad port": body(endpoint="https://push.example.net:99999/x"),
    "no host": body(endpoint="https:///x"),
    "a javascript address": body(endpoint="javascript:alert(1)"),
    "an endpoint too long": body(endpoint="https://push.example.net/" + "a" * 1100),
    "a non-ascii endpoint": body(endpoint="https://push.example.net/ключ"),
    "an endpoint of the wrong type": body(endpoint=["https://push.example.net/x"]),
    "no keys": {"endpoint": ENDPOINT, "edition": "en"},
    "keys not an object": body(keys="p256dh"),
    "p256dh not base64url": body(keys=_keys(p256dh="!" * 87)),
    "p256dh too short": body(keys=_keys(p256dh=b64url(b"\x04" + b"\x01" * 31))),
    "p256dh off the curve": body(keys=_keys(p256dh=b64url(b"\x04" + b"\x01" * 64))),
    "auth the wrong length": body(keys=_keys(auth=b64url(b"\x00" * 8))),
    "auth a number": body(keys=_keys(auth=12345)),
    "an unknown edition": body(edition="xx"),
    "no edition": {"endpoint": ENDPOINT, "keys": Device().keys()},
    "a list": [1, 2, 3],
    "a string": "subscribe me",
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_subscriptions_are_refused_with_a_reason(client, data):
    response = post(client, data)
    assert response.status_code == 400
    assert response.json()["error"]
    assert not Subscription.objects.exists()


def test_what_is_not_json_is_refused(client):
    as_form = client.post(URL, {"endpoint": ENDPOINT})
    broken = client.post(URL, data=b"{endpoint", content_type="application/json")
    latin = client.post(URL, data=b"\xff\xfe", content_type="application/json")
    nested = client.post(URL, data=b"[" * 4000, content_type="application/json")
    assert [r.status_code for r in (as_form, broken, latin, nested)] == [400, 400, 400, 400]
    assert "JSON" in as_form.json()["error"]


def test_a_body_too_large_is_refused_unread(client):
    response = post(client, body(padding="x" * 5000))
    assert response.status_code == 400 and "too large" in response.json()["error"]


def test_another_site_s_page_cannot_subscribe(client):
    response = post(client, body(), HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 400 and not Subscription.objects.exists()
    assert post(client, body(), HTTP_ORIGIN="http://testserver").status_code == 201


def test_only_post_and_delete(client):
    assert client.get(URL).status_code == 405
    assert client.put(URL, data="{}", content_type="application/json").status_code == 405


def test_a_client_asking_too_often_is_told_when_to_come_back(client, settings):
    settings.PUSH_RATE_PER_MINUTE = 3
    answers = [post(client, body()).status_code for _ in range(4)]
    assert answers[:3] == [201, 201, 201] and answers[3] == 429
    refused = post(client, body())
    assert 1 <= int(refused["Retry-After"]) <= 60 and refused.json()["error"]


def test_subscribing_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    post(client, body())
    # update_or_create: savepoint, select for update, update, release
    with django_assert_num_queries(4):
        assert post(client, body()).status_code == 201


def test_the_key_is_made_once_readable_by_the_site_alone(settings):
    key = keys.public_key()
    assert len(key) == 87  # 65 bytes: 0x04, then x and y
    path = keys.key_path()
    assert path.parent == Path(settings.DATA_DIR)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    keys._vapid.cache_clear()  # another process reads the same file: the same key
    assert keys.public_key() == key


def test_readers_arriving_together_on_a_new_site_all_get_the_one_whole_key(tmp_path):
    # given a site with no key yet, and many page renders asking for it at once
    from concurrent.futures import ThreadPoolExecutor

    for site in range(40):  # the race is narrow: many new sites make it show
        path = tmp_path / str(site) / keys.FILE_NAME
        with ThreadPoolExecutor(16) as pool:
            pems = list(pool.map(lambda _, path=path: keys._pem(path), range(32)))
        # then every one read the same complete key, and only that key file remains
        assert len(set(pems)) == 1 and pems[0].startswith(b"-----BEGIN PRIVATE KEY-----")
        assert pems[0].rstrip().endswith(b"-----END PRIVATE KEY-----")
        assert [p.name for p in path.parent.iterdir()] == [keys.FILE_NAME]


def test_the_service_worker_covers_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert b"showNotification" in response.content and b"notificationclick" in response.content
    assert not response.cookies


def test_the_section_page_offers_alerts_the_same_to_every_reader(client, story, forget_cache):
    # given the section page seen by an anonymous reader
    anonymous = client.get("/en/world/")
    page = anonymous.content.decode()
    # then it carries the site's key and the edition, hidden until the script finds support
    assert f'data-push-key="{keys.public_key()}"' in page
    assert 'data-push-edition="en"' in page and "Breaking alerts on this device" in page
    assert not anonymous.cookies and "csrfmiddlewaretoken" not in page
    assert "public" in anonymous["Cache-Control"]
    # and a signed-in reader gets the same bytes
    user = get_user_model().objects.create_user("ana", "ana@example.org", "pw-12345-long")
    client.force_login(user)
    forget_cache()  # rendered for each, not served from the store
    signed_in = client.get("/en/world/").content
    client.logout()
    forget_cache()
    assert signed_in == client.get("/en/world/").content


def test_the_russian_page_subscribes_to_the_russian_edition(client, section_ru):
    page = client.get("/ru/world/").content.decode()
    assert 'data-push-edition="ru"' in page


def test_a_reader_s_devices_go_with_their_data_and_their_account(client):
    user = get_user_model().objects.create_user("ana", "ana@example.org", "pw-12345-long")
    client.force_login(user)
    post(client, body())
    Subscription.objects.create(endpoint="https://push.example.net/other", p256dh="x",
                                auth="y", language="en")  # someone else's, anonymous
    exported = accounts.reader_data(user)["push_subscriptions"]
    assert [s["endpoint"] for s in exported] == [ENDPOINT]
    assert exported[0]["edition"] == "en"
    accounts.delete_reader(user)
    assert list(Subscription.objects.values_list("endpoint", flat=True)) == [
        "https://push.example.net/other"]


def desk_row(admin_client, headline: str) -> list[str]:
    page = admin_client.get("/admin/push/alert/").content.decode()
    row = page[page.index(headline):]
    return re.findall(r"<td[^>]*>(\d+)</td>", row[:row.index("</tr>")])


def test_the_desk_counts_each_alert_s_deliveries_and_keeps_them_when_settled(
        admin_client, story):
    # given an alert sent to five devices: two sent, one failed, one expired, one waiting
    alert = Alert.objects.create(article_id=story.pk, language="en", headline=story.headline,
                                 url=story.get_absolute_url(), queued=5)
    for n, status in enumerate(["sent", "sent", "failed", "pruned", "retry"]):
        device = Subscription.objects.create(endpoint=f"https://push.example.net/{n}",
                                             p256dh="x", auth="y", language="en")
        Delivery.objects.create(alert=alert, subscription=device, status=status)
    # when an editor looks at the alerts
    # then the row shows queued 5, sent 2, failed 1, expired 1, waiting 1
    assert desk_row(admin_client, story.headline) == ["5", "2", "1", "1", "1"]
    # when a week has passed and the alert is settled
    assert tasks.settle_alerts.call() == 0  # not yet
    Alert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert tasks.settle_alerts.call() == 1
    # then its deliveries are gone, its counts kept, what still waited counted failed
    assert not Delivery.objects.exists()
    assert desk_row(admin_client, story.headline) == ["5", "2", "2", "1", "0"]
    assert tasks.settle_alerts.call() == 0
