"""What a reader sees and does in a real browser: front page, sections, stories, languages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from dateline.newsroom.models import Article, Section

pytestmark = pytest.mark.browser

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_RU_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                      "сентября", "октября", "ноября", "декабря"]


def long_body(story: int) -> str:
    """Enough paragraphs that a story is several screens long."""
    sentence = (f"Story {story}: the harbour master said the crossing would stay open through the "
                "winter, weather permitting, and that more boats would join the fleet. ")
    return "".join(f"<p>{sentence * 2}</p>" for _ in range(40))


@pytest.fixture
def business(db) -> Section:
    return Section.objects.create(name="Business", slug="business", language="en", order=2,
                                  tagline="Markets, money and work.")


def test_reader_goes_from_home_through_a_section_into_a_story(
        page: Page, live_server, section: Section, business: Section, story: Article,
        make_article) -> None:
    # given a front page with a top story and two sections
    top = make_article(business, headline="Port strike ends after talks",
                       published_at=timezone.now())
    make_article(business, headline="Shipping shares rise",
                 published_at=timezone.now() - timedelta(days=1))
    Article.objects.filter(pk=story.pk).update(comment_count=3)
    page.goto("/en/")
    expect(page.locator(".top-story h2")).to_have_text(top.headline)
    expect(page.locator(".front-section h2")).to_have_text(["World", "Business"])
    expect(page.locator("nav.sections a")).to_have_text(["World", "Business"])

    # when the reader opens the World section
    page.locator(".front-section").get_by_role("link", name="World").click()

    # then they see its name, tagline and stories
    expect(page).to_have_url(f"{live_server}/en/world/")
    expect(page.locator("main h1")).to_have_text("World")
    expect(page.locator(".tagline")).to_have_text(section.tagline)

    # when they open a story
    page.locator("main").get_by_role("link", name=story.headline).click()

    # then the story reads like a wire story
    expect(page.locator("h1")).to_have_text(story.headline)
    expect(page.locator("article[data-story] .lead")).to_have_text(story.lead)
    published = timezone.localtime(story.published_at)
    expect(page.locator(".dateline-text")).to_have_text(
        f"LISBON, {MONTHS[published.month - 1]} {published.day} (Meridian Wire) -")
    newsfeed = page.locator("aside.newsfeed")
    expect(newsfeed.locator("h2")).to_have_text("Newsfeed")
    latest = Article.objects.order_by("-published_at", "-id").values_list("headline", flat=True)
    expect(newsfeed.locator("li[data-id] a")).to_have_text(list(latest))
    expect(newsfeed.locator(f'li[data-id="{story.pk}"] time')).to_have_text(
        published.strftime("%H:%M"))
    expect(page.locator("article[data-story] .comment-count")).to_have_text("3 comments")
    prompt = page.locator("[data-login-prompt]")
    expect(prompt).to_have_text("To participate in the discussion log in or register.")

    # when they follow "register", then "log in"
    prompt.get_by_role("link", name="register").click()
    expect(page.locator("main h1")).to_have_text("Sign Up")
    assert parse_qs(urlsplit(page.url).query)["next"] == [story.get_absolute_url()]
    page.go_back()
    prompt.get_by_role("link", name="log in").click()

    # then the login page will bring them back to the story
    expect(page.locator("main h1")).to_have_text("Sign In")
    address = urlsplit(page.url)
    assert address.path == "/en/account/login/"
    assert parse_qs(address.query)["next"] == [story.get_absolute_url()]


@pytest.fixture
def four_stories(section: Section, business: Section, make_article) -> list[Article]:
    """Four long World stories, newest first, with a Business story filed between them."""
    now = timezone.now()
    stories = [make_article(section, headline=f"Ferry story number {i}", body=long_body(i),
                            published_at=now - timedelta(hours=i))
               for i in range(1, 5)]
    make_article(business, headline="Shipping shares rise", body=long_body(0),
                 published_at=now - timedelta(minutes=90))
    return stories


def scroll_to_bottom(page: Page) -> None:
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")


def test_endless_scroll_appends_older_stories_and_follows_the_reader(
        page: Page, live_server, section: Section, four_stories: list[Article],
        section_ru: Section, make_article) -> None:
    # given a reader on the newest story of a section, which has a Russian translation
    first, second = four_stories[:2]
    russian = make_article(section_ru, headline="Паромная история", slug="paromnaya-istoriya")
    Article.objects.filter(pk=first.pk).update(translation=russian)
    Article.objects.filter(pk=russian.pk).update(translation=first)
    page.goto(first.get_absolute_url())
    switch = page.locator("[data-language-switch]")
    expect(switch).to_have_attribute("href", russian.get_absolute_url())
    stories = page.locator("article[data-story]")
    expect(stories).to_have_count(1)

    # when they reach the end of it
    scroll_to_bottom(page)

    # then the next older story of the section follows below it
    expect(stories).to_have_count(2)
    expect(stories.nth(1).locator(".headline")).to_have_text(second.headline)

    # when its header is in the upper part of the screen
    stories.nth(1).locator("header").evaluate("h => h.scrollIntoView({block: 'start'})")

    # then the address bar and the title name the story being read
    expect(page).to_have_url(live_server + second.get_absolute_url())
    expect(page).to_have_title(f"{second.headline} — Dateline")
    # and the language switcher no longer offers the first story's translation
    expect(switch).to_have_attribute("href", "/ru/")

    # when they read on to the end of the section
    scroll_to_bottom(page)
    expect(stories).to_have_count(3)
    scroll_to_bottom(page)
    expect(stories).to_have_count(4)
    scroll_to_bottom(page)
    # and every "next story" link on the page has been followed: no fetch is left to land
    expect(page.locator("a.next-story[data-fragment]:not([data-done])")).to_have_count(0)

    # then every story came once, in the section's order, under a single Newsfeed
    expected = list(Article.objects.filter(section=section)
                    .order_by("-published_at", "-id").values_list("pk", flat=True))
    assert expected == [s.pk for s in four_stories]
    shown = [int(i) for i in stories.evaluate_all("els => els.map(e => e.dataset.id)")]
    assert shown == expected
    expect(stories.locator(".headline")).to_have_text([s.headline for s in four_stories])
    expect(page.locator("aside.newsfeed")).to_have_count(1)

    # and scrolling back up to the first story takes the address bar back with it
    stories.first.locator("header").evaluate("h => h.scrollIntoView({block: 'start'})")
    expect(page).to_have_url(live_server + first.get_absolute_url())
    expect(page).to_have_title(f"{first.headline} — Dateline")
    expect(switch).to_have_attribute("href", russian.get_absolute_url())


def test_without_javascript_the_next_story_link_opens_the_next_older_story(
        new_context, live_server, four_stories: list[Article]) -> None:
    # given a reader whose browser runs no JavaScript, on the newest story
    first, second = four_stories[:2]
    page = new_context(java_script_enabled=False).new_page()
    page.goto(first.get_absolute_url())

    # when they follow the "Next story" link
    link = page.get_by_role("link", name=f"Next story: {second.headline}")
    link.click()

    # then the next older story of the section opens
    expect(page).to_have_url(live_server + second.get_absolute_url())
    expect(page.locator("h1")).to_have_text(second.headline)
    expect(page.locator("article[data-story]")).to_have_count(1)


def test_language_switcher_leads_to_the_russian_story_in_russian(
        page: Page, live_server, story: Article, section_ru: Section, make_article) -> None:
    # given an English story with a Russian translation
    russian = make_article(section_ru, headline="Паром выходит в ночной рейс", slug="parom",
                           lead="Новый маршрут соединит берега залива.",
                           dateline_place="Лиссабон")
    Article.objects.filter(pk=story.pk).update(translation=russian)
    Article.objects.filter(pk=russian.pk).update(translation=story)
    page.goto(story.get_absolute_url())

    # when the reader picks Russian in the language switcher
    page.locator(".languages").get_by_role("link", name="Русский").click()

    # then they read the Russian story with a Russian interface
    expect(page).to_have_url(live_server + russian.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_have_text(russian.headline)
    expect(page.locator("aside.newsfeed h2")).to_have_text("Лента новостей")
    expect(page.locator("article[data-story] summary")).to_have_text("Подписаться")
    expect(page.locator("article[data-story] .comment-count")).to_have_text("0 комментариев")
    expect(page.locator("[data-login-prompt]")).to_contain_text(
        "Чтобы участвовать в дискуссии")
    published = timezone.localtime(russian.published_at)
    expect(page.locator(".dateline-text")).to_have_text(
        f"ЛИССАБОН, {published.day} {MONTHS_RU_GENITIVE[published.month - 1]} (Меридиан) -")


def test_subscribe_reveals_the_sections_feeds(page: Page, live_server, story: Article) -> None:
    # given a reader on a story
    page.goto(story.get_absolute_url())
    rss = page.get_by_role("link", name="RSS feed")
    atom = page.get_by_role("link", name="Atom feed")
    expect(rss).to_be_hidden()

    # when they click "Subscribe"
    page.locator("article[data-story]").get_by_text("Subscribe", exact=True).click()

    # then the section's RSS and Atom feeds are offered
    expect(rss).to_be_visible()
    expect(atom).to_be_visible()
    expect(rss).to_have_attribute("href", "/en/world/rss/")
    expect(atom).to_have_attribute("href", "/en/world/atom/")

    # and the RSS feed is XML listing the story
    response = page.request.get(live_server + rss.get_attribute("href"))
    assert response.ok
    assert "xml" in response.headers["content-type"]
    feed = ET.fromstring(response.body())
    assert feed.tag == "rss"
    assert story.headline in [title.text for title in feed.iter("title")]


def test_unknown_address_shows_the_sites_404(page: Page, section: Section) -> None:
    # when a reader opens an address that does not exist
    response = page.goto("/en/no-such-section/")

    # then they get the site's own "Page not found", under the masthead and its styles
    assert response is not None and response.status == 404
    expect(page.locator("main h1")).to_have_text("Page not found")
    expect(page.locator(".masthead .brand")).to_have_text("Dateline")
    expect(page.locator("nav.sections a")).to_have_text(["World"])
    expect(page.locator(".masthead")).to_have_css("border-bottom-color", "rgb(11, 61, 145)")
