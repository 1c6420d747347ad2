"""Each page costs a fixed number of queries, however many stories and tags it shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline import events

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_edition(section, make_article, tag, db):
    from dateline.newsroom.models import Section, Tag
    business = Section.objects.create(name="Business", slug="business", language="en", order=2)
    tags = [tag] + [Tag.objects.create(name=f"T{i}", slug=f"t{i}", language="en") for i in range(4)]
    stories = [make_article(section if i % 2 else business, tags=tags) for i in range(40)]
    return stories


def fetch(client, url, expected, django_assert_num_queries, forget_cache):
    forget_cache()  # measure the full render, not a stored copy
    events.position()  # kept in the cache for good once known: not a per-page query
    with django_assert_num_queries(expected):
        response = client.get(url, {"page": "1"} if url.endswith("/world/") else None)
    assert response.status_code == 200
    assert response["X-Cache"] == "miss"


def test_story_page_queries(client, busy_edition, django_assert_num_queries, forget_cache):
    # story, its tags, its corrections, its authors, its related stories, the next story, the
    # wire item an agency's story may have been taken from (for its structured data); menu
    # (rendered once per site change; the newsfeed arrives after load)
    fetch(client, busy_edition[-1].get_absolute_url(), 8, django_assert_num_queries, forget_cache)


def test_our_own_story_asks_for_no_wire_item(client, busy_edition, django_assert_num_queries,
                                             forget_cache):
    from dateline.newsroom.models import Article
    story = busy_edition[-1]
    Article.objects.filter(pk=story.pk).update(agency=None)
    fetch(client, story.get_absolute_url(), 7, django_assert_num_queries, forget_cache)


def test_story_page_queries_with_the_menu_stored(client, busy_edition,
                                                django_assert_num_queries, forget_cache):
    story = busy_edition[-1]
    client.get(busy_edition[1].get_absolute_url())  # same section: warms the menu
    with django_assert_num_queries(7):
        assert client.get(story.get_absolute_url())["X-Cache"] == "miss"


def test_newsfeed_queries(client, busy_edition, django_assert_num_queries, forget_cache):
    # the newest stories, menu
    fetch(client, "/en/newsfeed/", 2, django_assert_num_queries, forget_cache)


def test_home_queries(client, busy_edition, django_assert_num_queries, forget_cache):
    # menu, a breaking top story, the newest stories sorted into sections, most read:
    # however many sections there are
    fetch(client, "/en/", 4, django_assert_num_queries, forget_cache)


def test_home_asks_separately_only_for_sections_too_quiet_for_the_window(
        client, busy_edition, section, make_article, django_assert_num_queries, forget_cache,
        monkeypatch):
    from dateline.newsroom import selectors
    from dateline.newsroom.models import Section

    # given a window that holds only the newest ten stories, which are all World's
    monkeypatch.setattr(selectors, "FRONT_WINDOW", 10)
    for n in range(10):
        make_article(section, headline=f"Fresh world story {n}",
                     published_at=timezone.now() - timedelta(seconds=n + 1))
    quiet = Section.objects.get(slug="business")
    # then Business, missing from the window, costs one query of its own
    fetch(client, "/en/", 5, django_assert_num_queries, forget_cache)
    page = client.get("/en/").content.decode()
    assert quiet.name in page


def test_section_queries(client, busy_edition, django_assert_num_queries, forget_cache):
    # section (with its kept count), page, the other language's section, most read, menu
    fetch(client, "/en/world/", 5, django_assert_num_queries, forget_cache)


def test_tag_queries(client, busy_edition, django_assert_num_queries, forget_cache):
    # tag (with its kept count), page from its kept list, menu
    fetch(client, "/en/tags/shipping/", 3, django_assert_num_queries, forget_cache)


def test_author_queries(client, busy_edition, django_assert_num_queries, forget_cache):
    from dateline.newsroom.models import Author, Byline
    author = Author.objects.create(name="Marta Oliveira", slug="marta-oliveira")
    Byline.objects.bulk_create(Byline(article=story, author=author) for story in busy_edition)
    # author with photo, count, page, menu
    fetch(client, "/en/authors/marta-oliveira/", 4, django_assert_num_queries, forget_cache)
