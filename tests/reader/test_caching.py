"""Readers' pages are the same for everyone and say so, so any shared cache can keep them."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from dateline.newsroom import actions
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db

READER_PAGES = ["/en/", "/en/world/", "/en/world/night-ferry/", "/en/tags/shipping/",
                "/en/world/rss/", "/en/rss/", "/ru/"]


@pytest.mark.parametrize("url", READER_PAGES)
def test_anonymous_page_is_public_sets_no_cookie_and_carries_no_token(client, story, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert not response.cookies
    vary = response.get("Vary", "")
    assert "Cookie" not in vary  # the page does not depend on who asks
    assert "csrfmiddlewaretoken" not in response.content.decode(errors="replace")


def test_logged_in_reader_gets_the_same_shared_page(client, story, forget_cache):
    user = get_user_model().objects.create_user("reader1", "r1@example.org", "pw-12345-long")
    anonymous = client.get(story.get_absolute_url()).content
    forget_cache()  # rendered for each, not served from the store
    client.force_login(user)
    signed_in = client.get(story.get_absolute_url()).content
    assert anonymous == signed_in
    assert b"reader1" not in signed_in


def test_second_request_is_served_from_the_page_cache(client, story):
    assert client.get("/en/world/night-ferry/")["X-Cache"] == "miss"
    assert client.get("/en/world/night-ferry/")["X-Cache"] == "hit"


def test_gzip_is_served_to_clients_that_ask(client, story):
    client.get("/en/world/night-ferry/")
    plain = client.get("/en/world/night-ferry/")
    packed = client.get("/en/world/night-ferry/", HTTP_ACCEPT_ENCODING="gzip, br")
    import gzip
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content


def test_publishing_a_story_refreshes_cached_pages(client, story, section, make_article,
                                                   django_capture_on_commit_callbacks):
    client.get("/en/world/")
    assert client.get("/en/world/")["X-Cache"] == "hit"
    # when an editor publishes a new story through the desk's action
    fresh = make_article(section, headline="Fresh ferry timetable", status=Article.Status.DRAFT,
                         published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_article(fresh, by=None)
    # then the section page shows it at once, not after the cache expires
    response = client.get("/en/world/")
    assert response["X-Cache"] == "miss" and "Fresh ferry timetable" in response.content.decode()


def test_parameters_a_page_does_not_read_are_served_from_the_store(client, story, caplog):
    # given the story's page stored
    plain = client.get("/en/world/night-ferry/")
    # when anyone asks for it with parameters it does not read, made up or varied at will
    caplog.set_level("INFO", logger="dateline.reader.pagecache")
    for query in ("foo=bar", "foo=1", "q=ferry&utm_source=x", "page=7", "a=1&b=2&c=3"):
        again = client.get(f"/en/world/night-ferry/?{query}")
        # then each is the stored page: no new copy, no render
        assert again["X-Cache"] == "hit" and again.content == plain.content
    assert not [r for r in caplog.records if "rendered" in r.getMessage()]


def test_parameters_a_page_reads_still_name_their_own_page(client, section, make_article):
    stories = [make_article(section, headline=f"Ferry {n}") for n in range(25)]
    first = client.get("/en/world/")
    second = client.get("/en/world/?page=2&foo=1")
    assert second["X-Cache"] == "miss" and second.content != first.content
    oldest = min(stories, key=lambda a: a.published_at)
    assert f">{oldest.headline}<" in second.content.decode()  # on page two
    assert client.get("/en/world/?foo=2&page=2")["X-Cache"] == "hit"
    # the canonical address is exact whatever else was asked
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', second.content.decode())
    assert canonical.group(1).endswith("/en/world/?page=2")
    # a search reads what it is given: every question is answered, none is stored
    for q in ("ferry", "night"):
        searched = client.get("/en/search/", {"q": q})
        assert searched.status_code == 200 and "X-Cache" not in searched


def test_a_story_shared_with_tracking_parameters_is_the_stored_page(client, story):
    # given the story's page stored
    plain = client.get("/en/world/night-ferry/")
    assert plain["X-Cache"] == "miss"
    # when readers arrive from a newsletter and a social network, tagged as they come
    for query in ("utm_source=newsletter&utm_medium=email&utm_campaign=daily", "fbclid=Iw4R",
                  "gclid=abc&utm_source=x", "page=1&utm_content=top"):
        tagged = client.get(f"/en/world/night-ferry/?{query}")
        # then they get the very page stored, rendered once for all of them
        assert tagged.status_code == 200
        if query.startswith("page="):
            continue  # page=1 is an address of its own
        assert tagged["X-Cache"] == "hit" and tagged.content == plain.content


def test_overlong_or_odd_parameters_are_rendered_never_stored(client, story, section):
    client.get("/en/world/night-ferry/?utm_source=" + "x" * 2000)
    assert "X-Cache" not in client.get("/en/world/night-ferry/?utm_source=" + "x" * 2000)
    for page in ("abc", "0", "1" * 12):
        assert "X-Cache" not in client.get("/en/world/", {"page": page})


def test_account_pages_are_never_stored(client, db):
    response = client.get("/en/account/login/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert "X-Cache" not in client.get("/en/account/login/")


def test_with_a_shared_cache_another_processs_publication_arrives_within_the_near_time(
        client, story, monkeypatch):
    import os
    import time

    from dateline.reader import pagekeys, versions
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: with the local-memory cache there is no near copy")
    monkeypatch.setattr(versions.Versions, "NEAR_SECONDS", 0.2)
    client.get("/en/world/night-ferry/")
    assert client.get("/en/world/night-ferry/")["X-Cache"] == "hit"
    # when another server process changes the story (its keys bumped straight in Redis)
    other = versions.Versions()
    other.bump({pagekeys.story(story.pk)})
    # then this process notices within the near time, not later
    time.sleep(0.25)
    assert client.get("/en/world/night-ferry/")["X-Cache"] == "miss"


def test_with_the_page_store_off_every_request_renders(client, story, settings):
    # as a benchmark of renders starts the server (PAGE_STORE=off)
    settings.PAGE_STORE = False
    client.get("/en/world/night-ferry/")
    assert "X-Cache" not in client.get("/en/world/night-ferry/")
