"""The read paths: endless scroll order and what the public may see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.newsroom import selectors
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db


def test_endless_scroll_visits_every_story_of_the_section_once(section, make_article):
    # given stories, several published in the same instant, one a draft, one embargoed
    now = timezone.now().replace(microsecond=0)
    stories = [make_article(section, published_at=now - timedelta(minutes=i // 3))
               for i in range(10)]
    make_article(section, status=Article.Status.DRAFT, published_at=None)
    make_article(section, published_at=now + timedelta(days=1))
    # when a reader follows "next story" from the newest to the end
    first = selectors.section_articles(section).first()
    seen = [first.pk]
    current = selectors.article_for_reading(language="en", slug=first.slug)
    while (nxt := selectors.next_article(current)) is not None:
        seen.append(nxt.pk)
        current = selectors.article_for_reading(language="en", slug=nxt.slug)
    # then each public story came exactly once, newest to oldest
    assert len(seen) == len(set(seen)) == 10
    assert seen == [a.pk for a in selectors.section_articles(section)]
    assert set(seen) == {a.pk for a in stories}


def test_unpublished_translation_is_not_offered(section, section_ru, make_article):
    en = make_article(section)
    ru = make_article(section_ru, status=Article.Status.DRAFT, published_at=None)
    Article.objects.filter(pk=en.pk).update(translation=ru)
    assert selectors.article_for_reading(language="en", slug=en.slug).translation is None
