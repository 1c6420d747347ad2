"""The way through the desk: every transition, who may make it, and the scheduler."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dateline.newsroom import actions, selectors
from dateline.newsroom.models import Article, AuditEntry, Correction

pytestmark = pytest.mark.django_db
S = Article.Status


def status(article: Article) -> str:
    return Article.objects.get(pk=article.pk).status


def test_reporter_submits_editor_publishes(draft, reporter, editor, received,
                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_for_review(draft, by=reporter)
        assert status(draft) == S.REVIEW
        actions.publish_article(draft, by=editor)
    published = Article.objects.get(pk=draft.pk)
    assert published.status == S.PUBLISHED and published.is_public
    assert [e.type for e in received] == ["article.published"]
    assert list(AuditEntry.objects.filter(article=draft).order_by("id")
                .values_list("action", "actor__username")) == [
        ("submitted", "rita"), ("published", "elena")]


def test_a_reporter_cannot_publish_schedule_unpublish_or_correct(draft, story, reporter):
    soon = timezone.now() + timedelta(hours=1)
    for attempt in (lambda: actions.publish_article(draft, by=reporter),
                    lambda: actions.schedule_article(draft, at=soon, by=reporter),
                    lambda: actions.unpublish_article(story, by=reporter),
                    lambda: actions.return_to_draft(draft, by=reporter),
                    lambda: actions.add_correction(story, text="x", by=reporter)):
        with pytest.raises(PermissionDenied):
            attempt()
    assert status(draft) == S.DRAFT and status(story) == S.PUBLISHED
    assert not Correction.objects.exists()


def test_editor_returns_a_story_to_its_author(draft, reporter, editor):
    actions.submit_for_review(draft, by=reporter)
    actions.return_to_draft(draft, by=editor)
    assert status(draft) == S.DRAFT
    with pytest.raises(ValidationError):
        actions.return_to_draft(draft, by=editor)  # it is a draft already


def test_only_a_draft_is_submitted(story, editor):
    with pytest.raises(ValidationError):
        actions.submit_for_review(story, by=editor)


def test_unpublish_takes_the_story_off_and_republish_keeps_its_time(
        story, editor, received, django_capture_on_commit_callbacks):
    first_time = story.published_at
    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish_article(story, by=editor)
    assert status(story) == S.UNPUBLISHED
    assert not selectors.section_articles(story.section).filter(pk=story.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_article(story, by=editor)
    assert Article.objects.get(pk=story.pk).published_at == first_time
    assert [e.type for e in received] == ["article.unpublished", "article.published"]
    actions.unpublish_article(story, by=editor)
    with pytest.raises(ValidationError):  # it is off the site already
        actions.unpublish_article(story, by=editor)


@pytest.mark.parametrize("when", [timedelta(minutes=-5), timedelta(seconds=0)])
def test_a_schedule_time_in_the_past_is_refused(draft, editor, when):
    with pytest.raises(ValidationError, match="future"):
        actions.schedule_article(draft, at=timezone.now() + when, by=editor)
    assert status(draft) == S.DRAFT


def test_a_naive_schedule_time_is_refused(draft, editor):
    from datetime import datetime
    with pytest.raises(ValidationError):
        actions.schedule_article(draft, at=datetime(2030, 1, 1, 12, 0), by=editor)  # noqa: DTZ001


def test_a_published_story_cannot_be_scheduled(story, editor):
    with pytest.raises(ValidationError):
        actions.schedule_article(story, at=timezone.now() + timedelta(hours=1), by=editor)


def test_scheduled_story_is_invisible_until_its_time_then_goes_out_once(
        draft, editor, received, django_capture_on_commit_callbacks):
    # given a story embargoed for an hour from now
    at = timezone.now() + timedelta(hours=1)
    actions.schedule_article(draft, at=at, by=editor)
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    # when the scheduler looks before its time, nothing happens
    assert actions.publish_due(now=at - timedelta(seconds=1)) == []
    # when it looks after its time (twice, as after a restart), it goes out exactly once
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.publish_due(now=at + timedelta(seconds=1)) == [draft.pk]
        assert actions.publish_due(now=at + timedelta(seconds=2)) == []
    published = Article.objects.get(pk=draft.pk)
    assert published.status == S.PUBLISHED and published.published_at == at
    assert [e.type for e in received] == ["article.published"]


def test_stories_due_while_the_scheduler_was_down_go_out_when_it_returns(
        section, make_article, editor):
    # given three stories scheduled a minute apart, and a scheduler that stops after one
    base = timezone.now() + timedelta(minutes=5)
    stories = [make_article(section, status=S.DRAFT, published_at=None) for _ in range(3)]
    for i, article in enumerate(stories):
        actions.schedule_article(article, at=base + timedelta(minutes=i), by=editor)
    later = base + timedelta(hours=3)
    first_round = actions.publish_due(now=later, limit=1)  # then the process died
    # when it comes back hours later
    second_round = actions.publish_due(now=later)
    # then each story went out, once, in the order of its time
    assert first_round + second_round == [a.pk for a in stories]
    assert actions.publish_due(now=later) == []
    assert all(status(a) == S.PUBLISHED for a in stories)


def test_returning_a_scheduled_story_cancels_its_publication(draft, editor):
    at = timezone.now() + timedelta(hours=1)
    actions.schedule_article(draft, at=at, by=editor)
    actions.return_to_draft(draft, by=editor)
    assert actions.publish_due(now=at + timedelta(minutes=1)) == []
    assert status(draft) == S.DRAFT


def test_a_correction_is_dated_and_moves_updated_but_not_published_time(
        story, editor, received, django_capture_on_commit_callbacks):
    published_at, updated_at = story.published_at, story.updated_at
    with django_capture_on_commit_callbacks(execute=True):
        correction = actions.add_correction(story, text="An earlier version gave the wrong "
                                            "departure time.", by=editor)
    story.refresh_from_db()
    assert story.published_at == published_at and story.updated_at > updated_at
    assert correction.article == story and correction.by == editor
    assert [e.type for e in received] == ["article.updated"]


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001])
def test_an_empty_or_overlong_correction_is_refused(story, editor, text):
    with pytest.raises(ValidationError):
        actions.add_correction(story, text=text, by=editor)
    assert not Correction.objects.exists()


def test_a_draft_cannot_carry_a_correction(draft, editor):
    with pytest.raises(ValidationError):
        actions.add_correction(draft, text="note", by=editor)
