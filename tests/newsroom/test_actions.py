"""Saving a story through the desk's action: validation, translation links and events."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from dateline import events
from dateline.newsroom import actions
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    seen: list[events.Event] = []
    events.listen(events.ArticleEvent, seen.append)
    yield seen
    events._listeners[events.ArticleEvent].remove(seen.append)


def draft_of(make_article, section, **fields) -> Article:
    return make_article(section, status=Article.Status.DRAFT, published_at=None, **fields)


def test_publishing_emits_published_after_commit(section, make_article, received,
                                                 django_capture_on_commit_callbacks):
    article = draft_of(make_article, section)
    article.status = Article.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.save_article(article, by=None)
    assert received == []  # nothing is announced before the write commits
    for callback in callbacks:
        callback()
    assert [e.type for e in received] == ["article.published"]
    event = received[0]
    assert event.article_id == article.pk and event.language == "en"
    assert event.url == article.get_absolute_url() and event.groups() == ["newsfeed.en"]
    assert article.published_at is not None


def test_editing_a_public_story_emits_updated_and_unpublishing_emits_unpublished(
        story, received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story.headline = "Night ferry doubles its crossings"
        actions.save_article(story, by=None)
        story.status = Article.Status.DRAFT
        actions.save_article(story, by=None)
    assert [e.type for e in received] == ["article.updated", "article.unpublished"]
    assert received[0].headline == "Night ferry doubles its crossings"


def test_saving_a_draft_emits_nothing(section, make_article, received,
                                      django_capture_on_commit_callbacks):
    article = draft_of(make_article, section)
    with django_capture_on_commit_callbacks(execute=True):
        actions.save_article(article, by=None)
    assert received == []


def test_a_reader_cannot_save_stories(story):
    reader = get_user_model().objects.create_user("reader", "r@example.org", "pw-long-enough-1")
    with pytest.raises(PermissionDenied):
        actions.save_article(story, by=reader)


def test_section_in_another_language_is_refused_and_nothing_changes(story, section_ru):
    story.section = section_ru
    with pytest.raises(ValidationError):
        actions.save_article(story, by=None)
    assert Article.objects.get(pk=story.pk).section.language == "en"


def test_translation_links_both_ways_and_moves_cleanly(section, section_ru, make_article):
    en = make_article(section)
    ru_old = make_article(section_ru)
    ru_new = make_article(section_ru)
    en.translation = ru_old
    actions.save_article(en, by=None)
    assert Article.objects.get(pk=ru_old.pk).translation_id == en.pk
    # re-pointing the English story releases the old counterpart
    en.translation = ru_new
    actions.save_article(en, by=None)
    assert Article.objects.get(pk=ru_new.pk).translation_id == en.pk
    assert Article.objects.get(pk=ru_old.pk).translation_id is None
    # and a Russian story claimed by another English one lets go of the first
    en2 = make_article(section)
    en2.translation = ru_new
    actions.save_article(en2, by=None)
    assert Article.objects.get(pk=en.pk).translation_id is None
    assert Article.objects.get(pk=ru_new.pk).translation_id == en2.pk


def test_translation_in_the_same_language_is_refused(section, make_article):
    a, b = make_article(section), make_article(section)
    a.translation = b
    with pytest.raises(ValidationError):
        actions.save_article(a, by=None)
