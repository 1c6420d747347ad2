"""search_stories: word forms in both languages, phrases, prefixes, filters, order, pages.

Run on SQLite by default and on PostgreSQL with DATABASE_URL: the same expectations hold.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from dateline.search import backends
from dateline.search.selectors import PER_PAGE, search_stories


def found(query: str, language: str = "en", **filters) -> list[str]:
    return [hit.article.slug for hit in search_stories(query, language=language, **filters).hits]


def test_a_search_finds_other_forms_of_an_english_word(election, ferry):
    # given a story about an election
    # when a reader searches for "elections"
    page = search_stories("elections", language="en")
    # then the story is found, its own word forms marked
    assert [hit.article.slug for hit in page.hits] == ["election-count"]
    assert page.count == 1
    assert str(page.hits[0].headline) == "<mark>Election</mark> count begins in the capital"
    assert "<mark>election</mark> count began" in page.hits[0].excerpt


def test_a_search_for_moscow_finds_v_moskve(moscow, election):
    page = search_stories("Москва", language="ru")
    assert [hit.article.slug for hit in page.hits] == ["vybory"]
    assert "В <mark>Москве</mark> в воскресенье" in page.hits[0].excerpt
    assert found("выборов", "ru") == ["vybory"]  # «выборы» in another case


def test_yo_and_ye_are_the_same_letter(moscow):
    assert found("елочный", "ru") == ["vybory"]
    assert found("ЁЛОЧНОМ", "ru") == ["vybory"]


def test_the_other_edition_is_not_searched(moscow, election):
    assert found("election", "ru") == []
    assert found("Москва", "en") == []


def test_a_quoted_phrase_needs_its_words_in_order(election):
    assert found('"state of the union"') == ["election-count"]
    assert found('"union state"') == []
    assert found("union state") == ["election-count"]  # unquoted: every word, any order


def test_a_trailing_star_finds_words_that_begin_so(election, moscow):
    assert found("elector*") == ["election-count"]
    assert found("electr*") == []
    assert found("избират*", "ru") == ["vybory"]


@pytest.mark.parametrize("query", [
    'election AND', 'election OR capital', 'NOT election', '"election', 'election"',
    '""election""', 'election*)', '(election', 'capital:election',
    '^election', '-election', "election'", "election\x00",
    "election %s %(s)s ?", "{election}", "election + + + *", "election\\", "*election",
])
def test_operators_and_stray_characters_are_only_separators(election, query):
    # whatever the reader types around the word, the word is what is searched
    page = search_stories(query, language="en")
    assert page.problem == ""
    assert [hit.article.slug for hit in page.hits] == ["election-count"]


@pytest.mark.parametrize("query", [
    "NEAR(election, capital)", "election'; DROP TABLE search_document; --",
    "election' OR 1=1 --",
])
def test_sql_and_engine_syntax_are_searched_as_words(election, query):
    # the extra words are searched for like any other (no story has them): nothing breaks
    assert search_stories(query, language="en").hits == []
    assert found("election") == ["election-count"]


@pytest.mark.parametrize("query, problem", [
    ("", "empty"), ("   ", "empty"), ('"" * -- ()', "empty"),
    ("the of and was", "stop_words"), ('"to be or not to be"', "stop_words"),
    ("election " * 2000, "too_long"),
])
def test_a_query_that_cannot_be_searched_says_why(election, query, problem):
    page = search_stories(query, language="en")
    assert (page.problem, page.hits, page.count) == (problem, [], 0)


def test_only_russian_stop_words(moscow):
    assert search_stories("и в на не", language="ru").problem == "stop_words"


def test_filters_narrow_the_results(election, ferry, tag, section):
    assert found("runs OR election") == []  # every word must match
    assert found("ferry", section="world") == ["night-ferry"]
    assert found("ferry", section="sport") == []
    assert found("election", tag="shipping") == ["election-count"]
    assert found("ferry", tag="shipping") == []
    assert found("ferry", agency="NSN") == ["night-ferry"]
    assert found("election", agency="NSN") == []


def test_a_date_range_keeps_stories_published_within_it(moscow):
    now = timezone.now()
    assert found("Москва", "ru", since=now - timedelta(days=4)) == ["vybory"]
    assert found("Москва", "ru", since=now - timedelta(days=2)) == []
    assert found("Москва", "ru", until=now - timedelta(days=2)) == ["vybory"]
    assert found("Москва", "ru", until=now - timedelta(days=4)) == []


def test_relevance_puts_the_headline_match_first_newest_puts_the_newest(
        section, make_article, indexed):
    now = timezone.now()
    indexed(make_article(section, headline="Harbour news", slug="mention",
                         body="<p>A word about the lighthouse.</p>", published_at=now))
    indexed(make_article(section, headline="Lighthouse keeper retires", slug="about",
                         body="<p>The lighthouse keeper and the lighthouse.</p>",
                         published_at=now - timedelta(days=1)))
    assert found("lighthouse") == ["about", "mention"]
    assert found("lighthouse", order="newest") == ["mention", "about"]


def test_results_come_in_pages_with_the_full_count(section, make_article, indexed):
    now = timezone.now()
    indexed(*[make_article(section, headline=f"Regatta day {n}", slug=f"regatta-{n}",
                           published_at=now - timedelta(minutes=n)) for n in range(PER_PAGE + 5)])
    first = search_stories("regatta", language="en", order="newest")
    second = search_stories("regatta", language="en", order="newest", page=2)
    beyond = search_stories("regatta", language="en", order="newest", page=3)
    assert (first.count, len(first.hits), first.num_pages, first.has_next) == (25, 20, 2, True)
    assert (second.count, len(second.hits), second.has_next) == (25, 5, False)
    assert {h.article.slug for h in first.hits}.isdisjoint(h.article.slug for h in second.hits)
    assert (beyond.count, beyond.hits) == (25, [])


def test_a_story_whose_time_has_not_come_is_not_found(section, make_article, indexed):
    indexed(make_article(section, headline="Embargoed budget", slug="budget",
                         published_at=timezone.now() + timedelta(hours=1)))
    assert found("budget") == []


def test_excerpts_escape_the_story_text(section, make_article, indexed):
    indexed(make_article(section, headline="Tags <b>in</b> a headline", slug="markup",
                         lead="Fish & chips <script>alert(1)</script> for the regatta."))
    hit = search_stories("regatta", language="en").hits[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; for the <mark>regatta</mark>." in hit.excerpt
    assert "Fish &amp; chips" in hit.excerpt
    assert str(hit.headline) == "Tags &lt;b&gt;in&lt;/b&gt; a headline"


def test_a_search_costs_the_same_queries_whatever_the_page_size(
        section, make_article, indexed, django_assert_num_queries):
    indexed(*[make_article(section, headline=f"Regatta {n}", slug=f"r-{n}") for n in range(12)])
    # the matches, their ranking (SQLite scores them as it finds them), the page's stories
    # with their sections
    with django_assert_num_queries(2 if connection.vendor == "sqlite" else 3):
        page = search_stories("regatta", language="en")
        assert [hit.article.section.name for hit in page.hits] == ["World"] * 12
    # newest first needs no ranking
    with django_assert_num_queries(2):
        page = search_stories("regatta", language="en", order="newest")
        assert [hit.article.section.name for hit in page.hits] == ["World"] * 12


def test_past_the_candidates_the_count_says_there_are_more(
        section, make_article, indexed, monkeypatch):
    monkeypatch.setattr(backends, "CANDIDATES", 4)
    now = timezone.now()
    indexed(*[make_article(section, headline=f"Regatta {n}", slug=f"r-{n}",
                           published_at=now - timedelta(hours=n)) for n in range(6)])
    page = search_stories("regatta", language="en")
    # the newest four are the candidates; relevance orders them
    assert (page.count, page.more) == (4, True)
    assert sorted(hit.article.slug for hit in page.hits) == ["r-0", "r-1", "r-2", "r-3"]


def test_a_phrase_finds_its_stories_among_many_holding_its_words(
        section, make_article, indexed, monkeypatch):
    # PostgreSQL narrows a phrase by its neighbouring terms before checking positions
    monkeypatch.setattr(backends, "CANDIDATES", 3)
    now = timezone.now()
    indexed(*[make_article(section, headline=f"Harbour day {n}", slug=f"h-{n}",
                           body="<p>The regatta sails.</p>" if n % 2 else
                           "<p>The sails of the regatta.</p>",
                           published_at=now - timedelta(hours=n)) for n in range(8)])
    page = search_stories('"regatta sails"', language="en", order="newest")
    assert ([hit.article.slug for hit in page.hits], page.count, page.more) == (
        ["h-1", "h-3", "h-5"], 3, True)
    assert found('"sails of the regatta"', order="newest") == ["h-0", "h-2", "h-4"]



@pytest.mark.parametrize("recent", [1, 2, 5, 8000])
def test_matches_beyond_the_newest_stories_are_found_newest_first(
        section, make_article, indexed, monkeypatch, recent):
    # PostgreSQL looks among the newest RECENT stories first, then among all: either way
    # every match is found, newest first, with the right count (SQLite: one way)
    monkeypatch.setattr(backends, "RECENT", recent)
    monkeypatch.setattr(backends, "CANDIDATES", 2)
    now = timezone.now()
    indexed(*[make_article(section, headline=f"Harbour day {n}", slug=f"h-{n}",
                           body="<p>The regatta sails.</p>" if n % 2 else "<p>Calm.</p>",
                           published_at=now - timedelta(hours=n)) for n in range(8)])
    page = search_stories("regatta", language="en", order="newest")
    assert ([hit.article.slug for hit in page.hits], page.count, page.more) == (
        ["h-1", "h-3"], 2, True)
    assert found("harbour", order="newest") == ["h-0", "h-1"]
    assert found("harbour calm", order="newest") == ["h-0", "h-2"]
