"""Authors are records: the desk names them in a story's byline, in order; old free-text
bylines became authors; an author's page lists their stories in the reader's language."""

from __future__ import annotations

import importlib

import feedparser
import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError

from dateline.newsroom import actions
from dateline.newsroom.models import Article, Author, Revision
from tests.newsroom.test_desk import change_url, form_data

pytestmark = pytest.mark.django_db
migration = importlib.import_module("dateline.newsroom.migrations.0008_bylines_to_authors")


@pytest.fixture
def marta(db) -> Author:
    return Author.objects.create(name="Marta Oliveira", name_ru="Марта Оливейра",
                                 slug="marta-oliveira", bio="Covers the harbour.",
                                 bio_ru="Пишет о порте.")


@pytest.fixture
def ivan(db) -> Author:
    return Author.objects.create(name="Ivan Petrov", name_ru="Иван Петров", slug="ivan-petrov")


def main(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


def test_old_bylines_become_authors_named_in_both_languages(section, section_ru, make_article):
    # given stories with free-text bylines, one pair translated, one agency story
    en = make_article(section, byline="Marta Oliveira and Ivan Petrov")
    ru = make_article(section_ru, byline="Марта Оливейра и Иван Петров")
    Article.objects.filter(pk=en.pk).update(translation=ru)
    Article.objects.filter(pk=ru.pk).update(translation=en)
    again = make_article(section, byline="Marta Oliveira")
    alone = make_article(section_ru, byline="Ольга Смирнова")
    none = make_article(section, byline="")
    # when the migration runs
    migration.forwards(apps, None)
    # then each person is one record, named in both languages where a pair said so
    assert sorted(Author.objects.values_list("name", "name_ru")) == [
        ("Ivan Petrov", "Иван Петров"), ("Marta Oliveira", "Марта Оливейра"),
        ("Ольга Смирнова", "Ольга Смирнова")]
    marta = Author.objects.get(name="Marta Oliveira")
    assert marta.slug == "marta-oliveira"
    credits = {a.pk: (a.credit_line, a.byline) for a in Article.objects.all()}
    assert credits[en.pk] == ("Marta Oliveira and Ivan Petrov", "")
    assert credits[ru.pk] == ("Марта Оливейра и Иван Петров", "")
    assert credits[again.pk] == ("Marta Oliveira", "")
    assert credits[alone.pk] == ("Ольга Смирнова", "")
    assert credits[none.pk] == ("", "")
    # and going back gives the bylines again
    migration.backwards(apps, None)
    assert Article.objects.get(pk=ru.pk).byline == "Марта Оливейра, Иван Петров"


def test_the_desk_names_authors_in_the_order_chosen(client, editor, story, marta, ivan):
    client.force_login(editor)
    response = client.post(change_url(story), {
        **form_data(story, byline=""), "tags": [t.pk for t in story.tags.all()],
        "authors": [ivan.pk, marta.pk]})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.credit_line == "Ivan Petrov and Marta Oliveira"
    assert Revision.objects.filter(article=story).first().data["authors"] == [ivan.pk, marta.pk]
    # the form shows them again when the story is opened
    page = client.get(change_url(story)).content.decode()
    assert f'<option value="{ivan.pk}" selected>' in page


def test_restoring_a_revision_brings_its_authors_back(editor, story, marta, ivan):
    actions.save_article(story, by=editor, authors=[marta])
    first = story.revisions.first()
    actions.save_article(story, by=editor, authors=[ivan, marta])
    actions.restore_revision(story, first, by=editor)
    assert Article.objects.get(pk=story.pk).credit_line == "Marta Oliveira"


def test_an_author_with_stories_cannot_be_removed(chief, story, marta):
    actions.save_article(story, by=chief, authors=[marta])
    with pytest.raises(ValidationError, match="Stories name this author"):
        actions.delete_author(marta, by=chief)
    assert Author.objects.filter(pk=marta.pk).exists()


def test_a_story_links_its_authors_in_its_language(client, editor, section_ru, make_article,
                                                  marta, ivan):
    story = make_article(section_ru, byline="")
    actions.save_article(story, by=editor, authors=[marta, ivan])
    html = client.get(story.get_absolute_url()).content.decode()
    assert ('<span class="byline"><a href="/ru/authors/marta-oliveira/" rel="author">'
            'Марта Оливейра</a> и <a href="/ru/authors/ivan-petrov/" rel="author">Иван Петров'
            '</a></span>') in html


def test_an_author_page_lists_their_public_stories_in_the_edition(client, editor, section,
                                                                   section_ru, make_article,
                                                                   marta):
    # given Marta's stories in both editions, one withdrawn, and someone else's
    ours = make_article(section, headline="Harbour reopens", byline="")
    gone = make_article(section, headline="Pier closed", byline="",
                        status=Article.Status.UNPUBLISHED)
    russian = make_article(section_ru, headline="Порт открыт", byline="")
    other = make_article(section, headline="Bridge repaired")
    for story in (ours, gone, russian):
        actions.save_article(story, by=editor, authors=[marta])
    # when readers open her page in each edition
    en = main(client.get("/en/authors/marta-oliveira/").content.decode())
    ru = main(client.get("/ru/authors/marta-oliveira/").content.decode())
    # then each lists her public stories of that edition, with her name and bio in it
    assert "Marta Oliveira" in en and "Covers the harbour." in en and "Harbour reopens" in en
    assert "Pier closed" not in en and other.headline not in en and "Порт открыт" not in en
    assert "Марта Оливейра" in ru and "Пишет о порте." in ru and "Порт открыт" in ru
    assert "Harbour reopens" not in ru


def test_an_author_has_feeds(client, editor, section, make_article, marta):
    story = make_article(section, headline="Harbour reopens", byline="")
    actions.save_article(story, by=editor, authors=[marta])
    for kind in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"/en/authors/marta-oliveira/{kind}/").content)
        assert feed.feed.title == "Marta Oliveira — Dateline"
        assert [e.title for e in feed.entries] == ["Harbour reopens"]


def test_an_author_page_is_a_profile_for_search_engines(client, marta):
    import extruct
    html = client.get("/en/authors/marta-oliveira/").content.decode()
    [profile] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"]["name"] == "Marta Oliveira"
    assert profile["mainEntity"]["description"] == "Covers the harbour."


@pytest.mark.parametrize("url", ["/en/authors/nobody/", "/en/authors/marta-oliveira/?page=5",
                                 "/en/authors/marta-oliveira/?page=x", "/en/authors/x/rss/"])
def test_unknown_authors_and_pages_are_not_found(client, marta, url):
    assert client.get(url).status_code == 404


def test_an_author_page_costs_fixed_queries(client, editor, section, make_article, marta,
                                            django_assert_num_queries):
    for _ in range(30):
        actions.save_article(make_article(section, byline=""), by=editor, authors=[marta])
    client.get("/en/")  # menu and newsfeed stored, as on any busy site
    # the author, the page of stories, their count
    with django_assert_num_queries(3):
        assert client.get("/en/authors/marta-oliveira/").status_code == 200


def test_a_json_feed_item_names_its_authors_with_their_pages(client, editor, section_ru,
                                                             make_article, marta):
    story = make_article(section_ru, byline="")
    actions.save_article(story, by=editor, authors=[marta])
    [item] = client.get("/ru/feed.json").json()["items"]
    assert item["authors"] == [{"name": "Марта Оливейра",
                                "url": f"{settings.SITE_URL}/ru/authors/marta-oliveira/"}]
