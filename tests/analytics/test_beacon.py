"""The beacon: counted reads from readers' browsers, nothing from machines or bad bodies,
and the pages that send it stay the same for everyone (no cookie, stored whole)."""

from __future__ import annotations

import pytest

from dateline.analytics import arrivals
from dateline.analytics.models import Kind, StoryHour, TrafficHour
from tests.analytics.conftest import flush_all

pytestmark = pytest.mark.django_db


def test_beacon_answers_204_and_sets_no_cookie(send, story):
    response = send(page="story", story=story.pk, lang="en", ref="")
    assert response.status_code == 204
    assert not response.cookies
    assert response["Cache-Control"] == "no-store"
    assert flush_all() == 1
    assert StoryHour.objects.get(article=story).reads == 1


def test_story_page_carries_the_beacon_sets_no_cookie_and_is_stored(client, story):
    first = client.get(story.get_absolute_url())
    page = first.content.decode()
    assert 'data-beacon="/analytics/read/"' in page and "analytics/beacon" in page
    assert not first.cookies and first["X-Cache"] == "miss"
    second = client.get(story.get_absolute_url())
    assert second["X-Cache"] == "hit" and not second.cookies


def test_a_logged_in_readers_beacon_touches_no_session(client, send, story, editor):
    client.force_login(editor)
    response = send(page="story", story=story.pk, lang="en")
    assert response.status_code == 204 and not response.cookies


@pytest.mark.parametrize("agent", [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
    "python-requests/2.32.3",
    "",
])
def test_machines_are_refused_and_not_counted(send, story, agent):
    assert send(agent, page="story", story=story.pk, lang="en").status_code == 403
    assert flush_all() == 0 and not StoryHour.objects.exists()


@pytest.mark.parametrize("fields", [
    {"page": "story", "story": "12abc", "lang": "en"},
    {"page": "story", "story": "١٢", "lang": "en"},  # digits, but not ASCII ones
    {"page": "story", "story": "99999999999999999999999", "lang": "en"},
    {"page": "story", "story": "-4", "lang": "en"},
    {"page": "story", "lang": "en"},
    {"page": "home", "story": "5", "lang": "en"},
    {"page": "section", "section": "x", "lang": "en"},
    {"page": "section", "lang": "en"},
    {"page": "home", "section": "3", "lang": "en"},
    {"page": "story", "story": "5", "lang": "de"},
    {"page": "admin", "lang": "en"},
    {"page": "story", "story": "5", "lang": "en", "ref": "x" * 1500},
    {},
])
def test_malformed_beacons_are_refused_with_400_and_not_counted(send, story, fields):
    assert send(**fields).status_code == 400
    assert flush_all() == 0


def test_a_large_body_is_refused_with_413(client, story):
    body = f"page=story&story={story.pk}&lang=en&ref=" + "x" * 4000
    response = client.post("/analytics/read/", body, content_type="text/plain",
                           HTTP_USER_AGENT="Mozilla/5.0 Firefox/133.0")
    assert response.status_code == 413
    assert flush_all() == 0


def test_a_body_that_is_not_utf8_is_refused(client):
    response = client.post("/analytics/read/", b"page=home&lang=\xff\xfe",
                           content_type="text/plain", HTTP_USER_AGENT="Mozilla/5.0 Firefox/133.0")
    assert response.status_code == 400


def test_only_post_is_taken(client):
    assert client.get("/analytics/read/", HTTP_USER_AGENT="Mozilla/5.0").status_code == 405


def test_a_story_id_no_story_has_is_not_counted(send, story):
    assert send(page="story", story=story.pk + 1000, lang="en").status_code == 204
    assert flush_all() == 1  # the minute is written, holding nothing
    assert not StoryHour.objects.exists() and not TrafficHour.objects.exists()


OWN = {"127.0.0.1", "dateline.example"}


@pytest.mark.parametrize(("referrer", "source", "medium", "kind"), [
    ("", "", "", Kind.DIRECT),
    ("https://www.google.com/", "", "", Kind.SEARCH),
    ("https://www.google.co.uk", "", "", Kind.SEARCH),
    ("https://yandex.ru/", "", "", Kind.SEARCH),
    ("https://duckduckgo.com/", "", "", Kind.SEARCH),
    ("https://www.bing.com/", "", "", Kind.SEARCH),
    ("https://notgoogle.com/", "", "", Kind.OTHER),
    ("https://t.co/", "", "", Kind.SOCIAL),
    ("https://m.facebook.com/", "", "", Kind.SOCIAL),
    ("https://vk.com/", "", "", Kind.SOCIAL),
    ("https://t.me/", "", "", Kind.SOCIAL),
    ("https://x.com/", "", "", Kind.SOCIAL),
    ("https://www.reddit.com/", "", "", Kind.SOCIAL),
    ("https://box.com/", "", "", Kind.OTHER),  # ends in x.com, is not x.com
    ("https://mail.example.org/", "", "email", Kind.NEWSLETTER),
    ("", "newsletter", "", Kind.NEWSLETTER),
    ("https://www.google.com/", "", "EMAIL", Kind.NEWSLETTER),
    ("https://dateline.example/en/", "", "", Kind.INTERNAL),
    ("http://127.0.0.1:8000/en/world/", "", "", Kind.INTERNAL),
    ("not a url at all", "", "", Kind.OTHER),
    ("http://[::1", "", "", Kind.OTHER),
])
def test_arrivals_are_classified(referrer, source, medium, kind):
    assert arrivals.classify(referrer, utm_source=source, utm_medium=medium,
                             own_hosts=OWN) == kind


def test_the_endpoint_stores_the_kind_and_nothing_of_the_reader(send, story, section):
    send(page="story", story=story.pk, lang="en", ref="https://www.google.com")
    send(page="home", lang="en", ref="https://t.co", utm_source="x")
    send(page="section", section=section.pk, lang="en", ref="http://testserver")
    flush_all()
    rows = set(TrafficHour.objects.values_list("language", "section_ref", "kind", "reads"))
    assert rows == {("en", section.pk, "search", 1), ("en", 0, "social", 1),
                    ("en", section.pk, "internal", 1)}
