"""Importing stories in bulk: the desk's checks for each story, one event for all of them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dateline.events import ArticleEvent, SiteChanged
from dateline.newsroom import actions
from dateline.newsroom.models import Article, AuditEntry

pytestmark = pytest.mark.django_db
S = Article.Status


def article(section, headline: str = "Ferry crossings double", **fields) -> Article:
    defaults = {"headline": headline, "lead": "More boats.", "body": "<p>Every hour.</p>",
                "section": section, "language": section.language, "status": S.PUBLISHED,
                "published_at": timezone.now() - timedelta(hours=1)}
    return Article(**(defaults | fields))


def test_stories_are_sanitized_slugged_tagged_and_announced_once(
        section, section_ru, tag, editor, heard, django_capture_on_commit_callbacks):
    # given two stories with the same headline, one of them with a script, and a translation
    stories = [
        actions.NewStory(article(section, body="<p>Hi</p><script>alert(1)</script>"), [tag], "a"),
        actions.NewStory(article(section)),
        actions.NewStory(article(section_ru, "Паромов стало вдвое больше"), [], "a"),
    ]
    # when an editor imports them
    with django_capture_on_commit_callbacks(execute=True):
        result = actions.import_articles(stories, by=editor)
    # then each is saved as the desk would save it, and the site hears of them once
    saved = list(Article.objects.order_by("id"))
    assert [a.slug for a in saved] == ["ferry-crossings-double", "ferry-crossings-double-2",
                                       "paromov-stalo-vdvoe-bolshe"]
    assert saved[0].body == "<p>Hi</p>" and list(saved[0].tags.all()) == [tag]
    assert saved[0].translation == saved[2] and saved[2].translation == saved[0]
    assert all(a.author == editor for a in saved)
    assert (result.stories, result.translations, result.newest_id) == (3, 1, saved[-1].pk)
    assert heard.of(ArticleEvent) == []
    assert heard.of(SiteChanged) == [SiteChanged(kind="articles", object_id=saved[-1].pk)]
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["imported"]


def test_a_slug_already_taken_gets_a_counter(story, section):
    actions.import_articles([actions.NewStory(article(section, story.headline,
                                                      slug=story.slug))], by=None)
    assert Article.objects.filter(slug=f"{story.slug}-2").exists()


def test_a_reporter_cannot_import(section, reporter):
    with pytest.raises(PermissionDenied):
        actions.import_articles([actions.NewStory(article(section))], by=reporter)
    assert not Article.objects.exists()


@pytest.mark.parametrize("fields", [
    {"published_at": timezone.now() + timedelta(days=1)},  # an embargo needs its own job
    {"status": S.SCHEDULED},
    {"status": S.DRAFT},  # a draft with a publication time
    {"headline": "x" * 201},
    {"language": "ru"},  # the section is English
])
def test_one_bad_story_stops_the_whole_import(section, heard, fields,
                                              django_capture_on_commit_callbacks):
    stories = [actions.NewStory(article(section, "A good story")),
               actions.NewStory(article(section, **({"headline": "A bad story"} | fields)))]
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        actions.import_articles(stories, by=None)
    assert not Article.objects.exists() and heard == []


def test_tags_must_be_in_the_storys_language(section_ru, tag):
    with pytest.raises(ValidationError):
        actions.import_articles([actions.NewStory(article(section_ru, "Паром"), [tag])], by=None)
