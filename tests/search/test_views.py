"""The search page: what a reader sees for good, empty and hostile searches, and that the
page stays the same for every reader (cacheable, no cookie, no token)."""

from __future__ import annotations

import time

import pytest
from django.db import connection


def test_the_search_page_shows_marked_results(client, election, ferry):
    # when a reader searches the English edition
    response = client.get("/en/search/", {"q": "elections"})
    # then the story is listed with its matching words marked
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 story found" in html
    assert '<a href="/en/world/election-count/"><mark>Election</mark> count' in html
    assert "Night ferry" not in html


def test_the_russian_edition_searches_in_russian(client, moscow):
    response = client.get("/ru/search/", {"q": "Москва"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "В <mark>Москве</mark> в воскресенье" in html
    assert "Найден 1 материал" in html


def test_a_search_page_is_public_for_a_short_time(client, election):
    response = client.get("/en/search/", {"q": "election"})
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


def test_search_results_are_not_kept_in_the_page_store(client, election, section, make_article,
                                                      indexed):
    # any query string is a new address: the server's store keeps none of them
    first = client.get("/en/search/", {"q": "capital"})
    indexed(make_article(section, headline="Capital marathon", slug="marathon"))
    again = client.get("/en/search/", {"q": "capital"})
    assert "X-Cache" not in first and "X-Cache" not in again
    assert "<mark>Capital</mark> marathon" in again.content.decode()


def test_filters_and_order_are_kept_in_the_page_links(client, section, make_article, indexed):
    indexed(*[make_article(section, headline=f"Regatta day {n}", slug=f"regatta-{n}")
              for n in range(25)])
    html = client.get("/en/search/", {"q": "regatta", "order": "newest",
                                      "section": "world"}).content.decode()
    assert "25 stories found" in html
    assert 'href="?q=regatta&amp;order=newest&amp;section=world&amp;page=2"' in html
    second = client.get("/en/search/", {"q": "regatta", "order": "newest",
                                        "section": "world", "page": "2"}).content.decode()
    assert second.count('class="search-hit"') == 5


@pytest.mark.parametrize("query, message", [
    ("", "Type a word or two"),
    ("the of and", "too common to search for"),
    ('"" *** ()', "Type a word or two"),
])
def test_a_search_that_cannot_run_says_why(client, election, query, message):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'class="search-hit"' not in response.content.decode()


def test_a_ten_thousand_character_search_is_refused_quickly(client, election):
    started = time.monotonic()
    response = client.get("/en/search/", {"q": "election " * 1111})
    assert response.status_code == 400
    assert "That search is too long" in response.content.decode()
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("params, message", [
    ({"q": "election", "since": "yesterday"}, "Enter a valid date"),
    ({"q": "election", "since": "2026-05-02", "until": "2026-05-01"}, "must not be after"),
    ({"q": "election", "section": "../../etc"}, "Select a valid choice"),
    ({"q": "election", "agency": "<script>"}, "Select a valid choice"),
    ({"q": "election", "order": "random()"}, "Select a valid choice"),
    ({"q": "election", "page": "abc"}, "Enter a whole number"),
    ({"q": "election", "page": "9999999999999999999999"}, "less than or equal to 50"),
])
def test_bad_filters_get_a_clear_message(client, election, params, message):
    response = client.get("/en/search/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_reader_text_is_escaped_in_the_page(client, section, make_article, indexed):
    indexed(make_article(section, headline="<img src=x onerror=alert(1)> regatta",
                         slug="xss", lead="<script>alert(2)</script> regatta"))
    html = client.get("/en/search/", {"q": "<i>regatta</i>"}).content.decode()
    assert "<img src=x" not in html and "<script>alert(2)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>regatta</mark>" in html
    assert 'value="&lt;i&gt;regatta&lt;/i&gt;"' in html


def test_every_page_links_to_search(client, election):
    assert 'href="/en/search/"' in client.get("/en/").content.decode()


def test_the_search_page_costs_the_same_queries_for_twenty_results(
        client, section, make_article, indexed, django_assert_num_queries):
    indexed(*[make_article(section, headline=f"Regatta {n}", slug=f"r-{n}") for n in range(20)])
    client.get("/en/search/", {"q": "nothing"})  # the menu, kept in the cache from now on
    # sections, topics and agencies for the filters; the matches, their ranking (SQLite
    # scores them as it finds them); the stories
    with django_assert_num_queries(5 if connection.vendor == "sqlite" else 6):
        response = client.get("/en/search/", {"q": "regatta"})
    assert response.content.decode().count('class="search-hit"') == 20
