"""A section page's count of pages is kept with the section: every way a story comes into
or leaves a section reaches it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.newsroom import actions
from dateline.newsroom.models import Article, Section

pytestmark = pytest.mark.django_db
S = Article.Status


def pages_of(client, section: Section, page: int = 1) -> str:
    response = client.get(section.get_absolute_url(), {"page": str(page)})
    assert response.status_code == 200
    paginator = response.context["page"].paginator
    return f"{paginator.count} in {paginator.num_pages}"


def test_the_count_follows_publishing_moving_and_deleting(client, section, make_article, editor,
                                                          forget_cache):
    business = Section.objects.create(name="Business", slug="business", language="en")
    for n in range(20):
        make_article(section, headline=f"World story {n}")
    draft = make_article(section, headline="A draft", status=S.DRAFT, published_at=None)
    assert pages_of(client, section) == "20 in 1"
    # when the desk publishes the draft, then a second page appears
    actions.publish_article(draft, by=editor)
    forget_cache()
    assert pages_of(client, section) == "21 in 2"
    assert "Page 2 of 2" in client.get(section.get_absolute_url(), {"page": "2"}).content.decode()
    # when it moves to Business, and back, and is unpublished, and another is deleted
    draft.refresh_from_db()
    draft.section = business
    actions.save_article(draft, by=editor)
    forget_cache()
    assert (pages_of(client, section), pages_of(client, business)) == ("20 in 1", "1 in 1")
    actions.unpublish_article(draft, by=editor)
    Article.objects.filter(headline="World story 3").delete()
    forget_cache()
    assert (pages_of(client, section), pages_of(client, business)) == ("19 in 1", "0 in 1")
    assert client.get(section.get_absolute_url(), {"page": "2"}).status_code == 404


def test_scheduled_and_imported_stories_are_counted_when_public(client, section, make_article,
                                                                editor, forget_cache):
    make_article(section, headline="Embargoed", status=S.SCHEDULED,
                 published_at=timezone.now() - timedelta(minutes=1))
    actions.import_articles([actions.NewStory(Article(
        headline="From the archive", lead="Old.", body="<p>Old.</p>", section=section,
        language="en", status=S.PUBLISHED, published_at=timezone.now() - timedelta(days=9)))],
        by=editor)
    assert pages_of(client, section) == "1 in 1"
    actions.publish_due()
    forget_cache()
    assert pages_of(client, section) == "2 in 1"
