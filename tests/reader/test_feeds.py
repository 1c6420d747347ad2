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


def test_unknown_section_feed_is_404(client, db):
    assert client.get("/en/nowhere/rss/").status_code == 404


def test_feed_and_sitemap_links_name_the_site_not_the_requests_host(client, story, settings):
    settings.SITE_URL = "https://news.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    for path in ("/en/rss/", "/en/atom/", "/sitemap.xml", "/sitemap-stories.xml"):
        body = client.get(path, HTTP_HOST="mirror.example").content.decode()
        assert "https://news.example.org/" in body, path
        assert "mirror.example" not in body, path
