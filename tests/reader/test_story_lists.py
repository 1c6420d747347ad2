"""Story lists keep each rendered item; what a reader sees in a list still follows every
edit at once, since an item is kept under all that it shows."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dateline.newsroom import actions
from dateline.newsroom.models import Article, Section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _every_request_renders(settings):
    settings.PAGE_STORE = False  # whole pages are not kept: each request renders, kept items or not


def rendered(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200 and "X-Cache" not in response
    page = response.content.decode()
    start = page.index('<ul class="story-list">')
    return page[start:page.rindex("</ul>", start)]  # the lists, not the menu or newsfeed


def test_a_listed_story_shows_its_edits_comments_and_section_at_once(
        client, section, make_article, editor, tag):
    # given a section page rendered once, its items kept
    story = make_article(section, headline="Ferry timetable out", lead="Boats every hour.",
                         tags=[tag])
    make_article(section, headline="Newer story", published_at=story.published_at
                 + timedelta(minutes=1))  # home's top story: the other is in home's list
    assert "Ferry timetable out" in rendered(client, "/en/")
    assert ">World<" in rendered(client, tag.get_absolute_url())  # lists name the section
    page = rendered(client, section.get_absolute_url())
    assert "Ferry timetable out" in page and "0 comments" in page
    # when the desk edits the headline, readers comment and the section is renamed
    story.headline = "Ferry timetable changes"
    actions.save_article(story, by=editor)
    Article.objects.filter(pk=story.pk).update(comment_count=2)  # as the discussion keeps it
    Section.objects.filter(pk=section.pk).update(name="Harbour")
    # then the next render of a list shows all of it
    page = rendered(client, section.get_absolute_url())
    assert "Ferry timetable changes" in page and "Ferry timetable out" not in page
    assert "2 comments" in page
    assert "Ferry timetable changes" in rendered(client, "/en/")
    assert ">Harbour<" in rendered(client, tag.get_absolute_url())


def test_an_empty_list_says_so(client, section):
    assert "No stories here yet." in rendered(client, section.get_absolute_url())


def test_a_russian_list_is_kept_apart_from_the_english_one(client, section, section_ru,
                                                           make_article):
    make_article(section, headline="Ferry news")
    make_article(section_ru, headline="Новости паромов", comment_count=5)
    assert "0 comments" in rendered(client, section.get_absolute_url())
    page = rendered(client, section_ru.get_absolute_url())
    assert "5 комментариев" in page and "comments" not in page
