"""What search engines and social networks read from our pages, read the way they read it:
structured data and Open Graph extracted by a library of their kind, sitemaps parsed as XML."""

from __future__ import annotations

from datetime import datetime, timedelta

import extruct
import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.utils import timezone

from dateline.newsroom.models import Article, Correction, LeadImage
from dateline.wire.models import Feed, Take, WireItem

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def read(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return extruct.extract(response.content.decode(), base_url=settings.SITE_URL + url,
                           syntaxes=["json-ld", "opengraph"], uniform=True)


def of_type(data: dict, kind: str) -> dict:
    [found] = [d for d in data["json-ld"] if d["@type"] == kind]
    return found


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def aware(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    assert moment.tzinfo is not None, f"{value} names no time zone"
    return moment


def head_links(client, url: str, rel: str) -> list[tuple[str, str]]:
    import re
    page = client.get(url).content.decode()
    head = page[:page.index("</head>")]
    return re.findall(rf'<link rel="{rel}" (?:hreflang="([^"]+)" )?href="([^"]+)">', head)


def test_a_story_is_a_news_article_with_every_field(client, story):
    # given a story with a correction
    Correction.objects.create(article=story, text="An earlier version gave the wrong pier.")
    # when a search engine reads its page
    article = of_type(read(client, story.get_absolute_url()), "NewsArticle")
    # then it finds the NewsArticle, field by field
    url = absolute(story.get_absolute_url())
    assert article["headline"] == story.headline and article["description"] == story.lead
    assert article["url"] == url and article["mainEntityOfPage"]["@id"] == url
    assert aware(article["datePublished"]) == story.published_at
    assert aware(article["dateModified"]) >= aware(article["datePublished"])
    assert article["author"] == [{"@type": "Person", "name": "Marta Oliveira"}]
    publisher = article["publisher"]
    assert publisher["name"] == "Dateline" and publisher["logo"]["url"].startswith(
        settings.SITE_URL + "/static/reader/logo")
    assert (publisher["logo"]["width"], publisher["logo"]["height"]) == (600, 60)
    assert article["image"][0].startswith(settings.SITE_URL)  # the site's card: no lead image
    assert article["inLanguage"] == "en" and article["articleSection"] == "World"
    assert article["keywords"] == ["Shipping"]
    [correction] = article["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"] == "An earlier version gave the wrong pier."
    aware(correction["datePublished"])
    assert "isBasedOn" not in article  # our own copy


def test_agency_copy_without_a_byline_is_credited_to_the_agency(client, section, make_article,
                                                                agency):
    story = make_article(section, byline="")
    article = of_type(read(client, story.get_absolute_url()), "NewsArticle")
    assert article["author"] == [{"@type": "Organization", "name": agency.name}]


def test_a_story_shows_its_path_from_the_home_page(client, story):
    trail = of_type(read(client, story.get_absolute_url()), "BreadcrumbList")
    steps = [(s["position"], s["name"], s["item"]) for s in trail["itemListElement"]]
    assert steps == [(1, "Home", absolute("/en/")), (2, "World", absolute("/en/world/")),
                     (3, story.headline, absolute(story.get_absolute_url()))]


def test_wire_copy_names_the_agency_item_it_is_based_on(client, story, agency, section):
    # given a story taken from an agency's item
    feed = Feed.objects.create(agency=agency, name="World", format="rss", transport="poll",
                               url="https://wire.example/world.rss", language="en",
                               section=section)
    item = WireItem.objects.create(feed=feed, agency=agency, headline="Ferry route opens",
                                   guid="https://wire.example/items/4711", language="en",
                                   raw="<item/>", content_hash="x" * 64)
    Take.objects.create(item=item, article=story)
    # then its structured data says so
    based = of_type(read(client, story.get_absolute_url()), "NewsArticle")["isBasedOn"]
    assert based["identifier"] == based["url"] == "https://wire.example/items/4711"
    assert based["headline"] == "Ferry route opens"
    assert based["publisher"]["name"] == agency.name


def test_share_cards_carry_the_lead_image_with_its_alt_text(client, story):
    story.lead_image = LeadImage.objects.create(
        original="images/originals/pier.png", width=1600, height=1000,
        alt="The night ferry at its pier", renditions=[
            {"url": "/media/images/pier-480.jpg", "width": 480, "height": 300},
            {"url": "/media/images/pier-1200.jpg", "width": 1200, "height": 750}])
    story.save(update_fields=["lead_image"])
    data = read(client, story.get_absolute_url())
    [og] = data["opengraph"]
    assert og["@type"] == "article" and og["og:title"] == story.headline
    assert og["og:image"] == absolute("/media/images/pier-1200.jpg")
    assert og["og:image:alt"] == "The night ferry at its pier"
    assert og["og:url"] == absolute(story.get_absolute_url())
    assert aware(og["article:published_time"]) == story.published_at
    assert of_type(data, "NewsArticle")["image"] == [absolute("/media/images/pier-1200.jpg")]
    page = client.get(story.get_absolute_url()).content.decode()
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    image = absolute("/media/images/pier-1200.jpg")
    assert f'<meta name="twitter:image" content="{image}">' in page


def test_a_story_without_a_picture_shares_the_site_card(client, story):
    [og] = read(client, story.get_absolute_url())["opengraph"]
    assert "/static/reader/og-default" in og["og:image"]
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert client.get(og["og:image"].removeprefix(settings.SITE_URL)).status_code == 200


def test_markup_in_a_headline_cannot_leave_the_structured_data(client, section, make_article):
    story = make_article(section, headline='Ferry </script><script>alert(1)</script> "late"')
    page = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    article = of_type(read(client, story.get_absolute_url()), "NewsArticle")
    assert article["headline"] == 'Ferry </script><script>alert(1)</script> "late"'


def test_the_home_page_is_a_website_in_its_language(client, story):
    site = of_type(read(client, "/ru/"), "WebSite")
    assert site["url"] == absolute("/ru/") and site["inLanguage"] == "ru"
    assert site["publisher"]["@type"] == "NewsMediaOrganization"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == absolute("/ru/search/") + "?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


@pytest.mark.parametrize("url", ["/en/", "/en/world/", "/en/tags/shipping/",
                                 "/en/account/login/", "/en/chats/"])
def test_every_page_names_its_absolute_canonical_address(client, story, url):
    assert head_links(client, url, "canonical") == [("", absolute(url))]


def test_canonical_keeps_the_page_number_and_drops_everything_else(client, section,
                                                                   make_article):
    for _ in range(25):
        make_article(section)
    url = "/en/world/?page=2&utm_source=news&fbclid=x"
    assert head_links(client, url, "canonical") == [("", absolute("/en/world/?page=2"))]
    assert head_links(client, "/en/world/?page=1", "canonical") == [("", absolute("/en/world/"))]


def test_hreflang_names_both_editions_itself_and_a_default(client, section, section_ru,
                                                           make_article):
    en = make_article(section, slug="ferry-en")
    ru = make_article(section_ru, slug="parom-ru", headline="Паром")
    Article.objects.filter(pk=en.pk).update(translation=ru)
    Article.objects.filter(pk=ru.pk).update(translation=en)
    story = [("en", absolute("/en/world/ferry-en/")), ("ru", absolute("/ru/world/parom-ru/")),
             ("x-default", absolute("/en/world/ferry-en/"))]
    assert head_links(client, "/en/world/ferry-en/", "alternate") == story
    assert head_links(client, "/ru/world/parom-ru/", "alternate") == story
    assert head_links(client, "/ru/", "alternate") == [
        ("en", absolute("/en/")), ("ru", absolute("/ru/")), ("x-default", absolute("/"))]
    assert head_links(client, "/ru/world/", "alternate") == [
        ("en", absolute("/en/world/")), ("ru", absolute("/ru/world/")),
        ("x-default", absolute("/en/world/"))]


def test_a_story_without_a_translation_names_itself(client, story):
    url = absolute(story.get_absolute_url())
    assert head_links(client, story.get_absolute_url(), "alternate") == [
        ("en", url), ("x-default", url)]


def test_the_news_sitemap_names_the_last_two_days(client, section, section_ru, make_article):
    # given stories of today, of yesterday in Russian, of three days ago, and a draft
    today = make_article(section, headline="Ferry & bridge open")
    yesterday = make_article(section_ru, headline="Паром", published_at=timezone.now()
                             - timedelta(hours=30))
    make_article(section, published_at=timezone.now() - timedelta(days=3))
    make_article(section, status=Article.Status.DRAFT, published_at=None)
    # when a news search engine reads the news sitemap
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    urls = ElementTree.fromstring(response.content).findall(f"{SITEMAP}url")
    # then it finds the two recent stories, newest first, with their publication
    found = {u.findtext(f"{SITEMAP}loc"): u.find(f"{NEWS}news") for u in urls}
    assert list(found) == [absolute(today.get_absolute_url()),
                           absolute(yesterday.get_absolute_url())]
    news = found[absolute(yesterday.get_absolute_url())]
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Dateline"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "ru"
    assert news.findtext(f"{NEWS}title") == "Паром"
    assert aware(news.findtext(f"{NEWS}publication_date")) == yesterday.published_at
    assert found[absolute(today.get_absolute_url())].findtext(f"{NEWS}title") == (
        "Ferry & bridge open")


def test_the_sitemap_index_and_robots_txt_name_the_news_sitemap(client, story):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    named = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert absolute("/sitemap-news.xml") in named
    robots = client.get("/robots.txt").content.decode().splitlines()
    assert f"Sitemap: {absolute('/sitemap.xml')}" in robots
    assert f"Sitemap: {absolute('/sitemap-news.xml')}" in robots
