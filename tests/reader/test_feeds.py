"""The Subscribe control's feeds parse as RSS and Atom and hold the section's stories."""

from __future__ import annotations

import feedparser
import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_section_feed_lists_newest_stories(client, section, make_article, kind, version):
    stories = [make_article(section) for _ in range(3)]
    response = client.get(f"/en/world/{kind}/")
    feed = feedparser.parse(response.content)
    assert feed.version == version and not feed.bozo
    assert feed.feed.title == "Dateline: World"
    titles = [entry.title for entry in feed.entries]
    assert titles == [a.headline for a in sorted(stories, key=lambda a: a.published_at,
                                                 reverse=True)]
    assert feed.entries[0].link.endswith(stories[0].get_absolute_url())


def test_russian_feed_is_in_russian(client, section_ru, make_article):
    make_article(section_ru, headline="Паром выходит в рейс")
    feed = feedparser.parse(client.get("/ru/rss/").content)
    assert feed.feed.language == "ru"
    assert feed.feed.title == "Dateline: последние новости"
    assert feed.entries[0].title == "Паром выходит в рейс"


def test_russian_tag_feed_is_in_russian(client, section_ru, make_article):
    from dateline.newsroom.models import Tag

    ports = Tag.objects.create(name="Порты", slug="porty", language="ru")
    make_article(section_ru, headline="Паром выходит в рейс", tags=[ports])
    feed = feedparser.parse(client.get("/ru/tags/porty/atom/").content)
    assert feed.feed.language == "ru" and feed.feed.title == "Dateline: Порты"
    assert feed.feed.subtitle == "Материалы Dateline по теме «Порты»."
    assert [entry.title for entry in feed.entries] == ["Паром выходит в рейс"]


def test_unknown_section_feed_is_404(client, db):
    assert client.get("/en/nowhere/rss/").status_code == 404


def test_feed_and_sitemap_links_name_the_site_not_the_requests_host(client, story, settings):
    settings.SITE_URL = "https://news.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    for path in ("/en/rss/", "/en/atom/", "/sitemap.xml", "/sitemap-stories.xml"):
        body = client.get(path, HTTP_HOST="mirror.example").content.decode()
        assert "https://news.example.org/" in body, path
        assert "mirror.example" not in body, path


@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_tag_feed_lists_the_tags_public_stories(client, section, tag, make_article, kind,
                                                version):
    from dateline.newsroom.models import Article

    tagged = [make_article(section, tags=[tag]) for _ in range(2)]
    make_article(section)  # untagged
    make_article(section, tags=[tag], status=Article.Status.DRAFT, published_at=None)
    make_article(section, tags=[tag], status=Article.Status.UNPUBLISHED)
    response = client.get(f"/en/tags/shipping/{kind}/")
    feed = feedparser.parse(response.content)
    assert feed.version == version and not feed.bozo
    assert feed.feed.title == "Dateline: Shipping"
    assert feed.feed.link == "http://127.0.0.1:8000/en/tags/shipping/"
    assert feed.feed.get("subtitle") == "Stories about Shipping from Dateline."
    assert [e.title for e in feed.entries] == [a.headline for a in tagged]
    first = feed.entries[0]
    assert first.link == f"http://127.0.0.1:8000{tagged[0].get_absolute_url()}"
    assert first.summary == tagged[0].lead
    assert first.published_parsed[:6] == tagged[0].published_at.utctimetuple()[:6]
    assert [t.term for t in first.tags] == ["World"]


ALL_FEEDS = ["/en/rss/", "/en/atom/", "/en/world/rss/", "/en/world/atom/",
             "/en/tags/shipping/rss/", "/en/tags/shipping/atom/"]


@pytest.mark.parametrize("url", ALL_FEEDS)
def test_every_feed_names_its_hubs_and_itself(client, story, settings, url):
    settings.WEBSUB_HUBS = ["https://hub.example/", "https://pubsub.example/hub"]
    response = client.get(url)
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    links = [(link.rel, link.href) for link in feed.feed.links if link.rel in ("hub", "self")]
    self_url = f"http://127.0.0.1:8000{url}"
    assert sorted(links) == [("hub", "https://hub.example/"),
                             ("hub", "https://pubsub.example/hub"), ("self", self_url)]
    assert response["Link"] == ('<https://hub.example/>; rel="hub", '
                                '<https://pubsub.example/hub>; rel="hub", '
                                f'<{self_url}>; rel="self"')
    if "/rss/" in url:  # the atom: prefix is declared on the root element
        assert b'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">' in response.content


@pytest.mark.parametrize("url", ALL_FEEDS)
def test_without_hubs_a_feed_names_only_itself(client, story, url):
    response = client.get(url)
    assert [link.rel for link in feedparser.parse(response.content).feed.links
            if link.rel in ("hub", "self")] == ["self"]
    assert response["Link"] == f'<http://127.0.0.1:8000{url}>; rel="self"'


@pytest.mark.parametrize("url", ["/en/tags/nowhere/rss/", "/en/tags/nowhere/atom/",
                                 "/ru/tags/shipping/rss/", "/en/nowhere/atom/"])
def test_unknown_tag_or_section_feed_is_404(client, story, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url, head", [
    ("/en/", ['type="application/rss+xml" title="RSS" href="/en/rss/"',
              'type="application/atom+xml" title="Atom" href="/en/atom/"',
              'type="application/feed+json" title="JSON Feed" href="/en/feed.json"']),
    ("/en/world/", ['type="application/rss+xml" title="World (RSS)" href="/en/world/rss/"',
                    'type="application/atom+xml" title="World (Atom)" href="/en/world/atom/"',
                    'type="application/feed+json" title="World (JSON Feed)" '
                    'href="/en/world/feed.json"']),
    ("/en/tags/shipping/", [
        'type="application/rss+xml" title="Shipping (RSS)" href="/en/tags/shipping/rss/"',
        'type="application/atom+xml" title="Shipping (Atom)" href="/en/tags/shipping/atom/"',
        'type="application/feed+json" title="Shipping (JSON Feed)" '
        'href="/en/tags/shipping/feed.json"']),
])
def test_pages_announce_their_feeds_in_the_head(client, story, url, head):
    page = client.get(url).content.decode()
    head_html = page.split("</head>")[0]
    for link in head:
        assert f'<link rel="alternate" {link}>' in head_html


# queries: the list (section or tag) if any, its stories, and for JSON Feed their tags and
# their authors
@pytest.mark.parametrize("url, queries", [
    ("/en/rss/", 1), ("/en/atom/", 1), ("/en/feed.json", 3),
    ("/en/world/rss/", 2), ("/en/world/atom/", 2), ("/en/world/feed.json", 4),
    ("/en/tags/shipping/rss/", 2), ("/en/tags/shipping/atom/", 2),
    ("/en/tags/shipping/feed.json", 4),
])
def test_feed_queries_do_not_grow_with_stories(client, section, tag, make_article, url, queries,
                                               django_assert_num_queries, forget_cache):
    from dateline import events
    from dateline.newsroom.models import Tag

    others = [Tag.objects.create(name=f"T{i}", slug=f"t{i}", language="en") for i in range(3)]
    for _ in range(35):
        make_article(section, tags=[tag, *others])
    events.position()  # kept in the cache for good once known: not a per-feed query
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200 and response["X-Cache"] == "miss"
    assert response.content.count(b"ferry-route-") >= 30
