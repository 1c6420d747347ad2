"""A reader searches in a real browser: from the header, in both languages, with filters."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from dateline.search import index

pytestmark = pytest.mark.browser


def test_reader_searches_from_the_header_and_narrows_the_results(
        page: Page, live_server, section, make_article, tag) -> None:
    # given two stories about elections, one tagged
    tagged = make_article(section, headline="Election count begins", slug="count",
                          body="<p>The election count began at eight.</p>", tags=[tag])
    other = make_article(section, headline="Voters queue at dawn", slug="queue",
                         body="<p>Elections drew long queues in the harbour towns.</p>")
    index.write([tagged, other])
    # when a reader follows the header's search link and searches for "elections"
    page.goto("/en/")
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search for").fill("elections")
    page.get_by_label("Search for").press("Enter")
    # then both stories are listed, their own word forms highlighted
    expect(page.get_by_role("status")).to_have_text("2 stories found")
    expect(page.locator(".search-hit mark").first).to_be_visible()
    expect(page.locator(".search-hit h2 mark")).to_have_text(["Election"])
    # when they keep only the topic's stories
    page.get_by_text("Filters and order").click()
    page.get_by_label("Topic").select_option("shipping")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_have_text("1 story found")
    # and open the story
    page.get_by_role("link", name="Election count begins").click()
    expect(page).to_have_url(f"{live_server.url}/en/world/count/")


def test_a_russian_reader_finds_moscow_in_another_case(
        page: Page, live_server, section_ru, make_article) -> None:
    index.write([make_article(section_ru, headline="Выборы в думу", slug="duma",
                              body="<p>В Москве прошли выборы.</p>")])
    page.goto("/ru/search/?q=Москва")
    expect(page.locator(".search-hit mark")).to_have_text(["Москве"])


def test_a_search_of_only_common_words_says_so(page: Page, live_server, section) -> None:
    page.goto("/en/search/")
    page.get_by_label("Search for").fill("the and of")
    page.get_by_label("Search for").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("too common to search for")
