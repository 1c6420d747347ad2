"""JSON Feed 1.1 of the edition, each section and each tag: valid by the rules we can check,
holding just the public stories, linked to the site's address and kept like any page."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from dateline.newsroom.models import Article, LeadImage, Section, Tag

pytestmark = pytest.mark.django_db

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
FEEDS = ["/en/feed.json", "/en/world/feed.json", "/en/tags/shipping/feed.json"]


def absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_json_feed(feed: dict) -> None:
    """The JSON Feed 1.1 rules a program can check: required fields, types, dates, URLs."""
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    for key in ("home_page_url", "feed_url", "icon", "favicon"):
        assert absolute(feed[key]), key
    assert all(isinstance(a["name"], str) and absolute(a["url"]) for a in feed["authors"])
    for hub in feed.get("hubs", []):
        assert isinstance(hub["type"], str) and absolute(hub["url"])
    assert isinstance(feed["items"], list)
    ids = [item["id"] for item in feed["items"]]
    assert len(ids) == len(set(ids))
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert absolute(item["url"])
        assert isinstance(item["content_html"], str)
        for key in ("date_published", "date_modified"):
            assert RFC3339.match(item[key]), item[key]
            assert datetime.fromisoformat(item[key]).tzinfo is not None
        assert all(isinstance(tag, str) for tag in item["tags"])
        if "image" in item:
            assert absolute(item["image"])


@pytest.fixture
def edition(section, make_article, tag):
    """Public stories in World and Business; a draft, a withdrawn and an embargoed story."""
    business = Section.objects.create(name="Business", slug="business", language="en", order=2)
    image = LeadImage.objects.create(original="images/originals/2026/12/port.jpg", alt="Port",
                                     renditions=[{"width": 480, "height": 270,
                                                  "url": "/media/images/port-480.jpg"},
                                                 {"width": 800, "height": 450,
                                                  "url": "/media/images/port-800.jpg"},
                                                 {"width": 1600, "height": 900,
                                                  "url": "/media/images/port-1600.jpg"}])
    ports = Tag.objects.create(name="Ports", slug="ports", language="en")
    return {
        "ferry": make_article(section, headline="Night ferry returns", tags=[tag, ports],
                              lead_image=image, body="<p>Back <strong>tonight</strong>.</p>"),
        "shares": make_article(business, headline="Port shares rise", tags=[ports], byline=""),
        "draft": make_article(section, headline="Unfinished draft", tags=[tag],
                              status=Article.Status.DRAFT, published_at=None),
        "withdrawn": make_article(section, headline="Withdrawn story", tags=[tag],
                                  status=Article.Status.UNPUBLISHED),
        "embargoed": make_article(section, headline="Embargoed story", tags=[tag],
                                  status=Article.Status.SCHEDULED,
                                  published_at=timezone.now() + timedelta(hours=2)),
    }


def test_edition_feed_lists_the_public_stories_with_every_field(client, edition, settings):
    settings.SITE_URL = "https://news.example.org"
    response = client.get("/en/feed.json")
    assert response["Content-Type"] == "application/feed+json"
    feed = response.json()
    check_json_feed(feed)
    assert feed["title"] == "Dateline: latest news"
    assert feed["home_page_url"] == "https://news.example.org/en/"
    assert feed["feed_url"] == "https://news.example.org/en/feed.json"
    assert feed["language"] == "en" and "hubs" not in feed
    assert [item["title"] for item in feed["items"]] == ["Night ferry returns", "Port shares rise"]
    ferry, shares = feed["items"]
    story = edition["ferry"]
    assert ferry["url"] == f"https://news.example.org{story.get_absolute_url()}"
    assert ferry["summary"] == story.lead
    assert ferry["content_html"] == "<p>Back <strong>tonight</strong>.</p>"
    # the rendition the story's page shows: the largest up to 800 px wide
    assert ferry["image"] == "https://news.example.org/media/images/port-800.jpg"
    assert ferry["tags"] == ["Ports", "Shipping"] and ferry["language"] == "en"
    assert ferry["authors"] == [{"name": "Marta Oliveira"}]
    assert datetime.fromisoformat(ferry["date_published"]) == story.published_at.replace(
        microsecond=0)
    assert "image" not in shares and "authors" not in shares
    assert ferry["id"].startswith("tag:news.example.org,") and ferry["id"] != shares["id"]


def test_section_and_tag_feeds_hold_only_their_stories(client, edition):
    world = client.get("/en/world/feed.json").json()
    check_json_feed(world)
    assert world["title"] == "Dateline: World"
    assert world["description"] == "What happened everywhere else today."
    assert [item["title"] for item in world["items"]] == ["Night ferry returns"]
    ports = client.get("/en/tags/ports/feed.json").json()
    check_json_feed(ports)
    assert ports["title"] == "Dateline: Ports"
    assert ports["home_page_url"].endswith("/en/tags/ports/")
    assert [item["title"] for item in ports["items"]] == ["Night ferry returns",
                                                          "Port shares rise"]


def test_a_story_keeps_its_id_when_its_address_changes(client, edition):
    before = client.get("/en/feed.json").json()["items"][0]
    story = edition["ferry"]
    story.slug = "night-ferry-is-back"
    story.save()
    after = client.get("/en/world/feed.json").json()["items"][0]
    assert after["url"] != before["url"] and after["id"] == before["id"]


def test_russian_edition_feed_is_in_russian(client, section_ru, make_article, story):
    make_article(section_ru, headline="Паром выходит в рейс")
    feed = client.get("/ru/feed.json").json()
    check_json_feed(feed)
    assert feed["language"] == "ru" and feed["title"] == "Dateline: последние новости"
    assert [(item["title"], item["language"]) for item in feed["items"]] == [
        ("Паром выходит в рейс", "ru")]


@pytest.mark.parametrize("url", FEEDS)
def test_hubs_are_named_in_the_feed_and_its_link_header(client, story, settings, url):
    settings.WEBSUB_HUBS = ["https://hub.example/", "https://pubsub.example/hub"]
    response = client.get(url)
    feed = response.json()
    assert feed["hubs"] == [{"type": "WebSub", "url": "https://hub.example/"},
                            {"type": "WebSub", "url": "https://pubsub.example/hub"}]
    assert response["Link"] == (
        f'<https://hub.example/>; rel="hub", <https://pubsub.example/hub>; rel="hub", '
        f'<{feed["feed_url"]}>; rel="self"')
    assert feed["feed_url"] == f"http://127.0.0.1:8000{url}"


@pytest.mark.parametrize("url", FEEDS)
def test_json_feeds_are_shared_pages(client, story, url):
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert "public" in first["Cache-Control"] and not first.cookies
    assert "Cookie" not in first.get("Vary", "")
    assert first["X-Cache"] == "miss" and client.get(url)["X-Cache"] == "hit"


@pytest.mark.parametrize("url", FEEDS)
def test_query_strings_change_nothing(client, story, url):
    plain = client.get(url).content
    for query in ({"page": "2"}, {"x": "<script>"}, {"page": "-1", "tag": "nope"}):
        response = client.get(url, query)
        assert response.status_code == 200 and response.content == plain


@pytest.mark.parametrize("url", ["/en/nowhere/feed.json", "/en/tags/nowhere/feed.json",
                                 "/ru/tags/shipping/feed.json", "/en/tags/%D0%B0/feed.json",
                                 "/en/tags/shipping/feed.xml"])
def test_unknown_lists_are_404(client, story, url):
    assert client.get(url).status_code == 404


def test_links_name_the_site_not_the_requests_host(client, story, settings):
    settings.SITE_URL = "https://news.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    for url in FEEDS:
        response = client.get(url, HTTP_HOST="mirror.example")
        assert "https://news.example.org/" in response.content.decode(), url
        assert "mirror.example" not in response.content.decode() + response["Link"], url
