"""A tag page lists a tag's public stories from its kept list: every way a story comes onto
or leaves a tag reaches the page, and its count of pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.newsroom import actions
from dateline.newsroom.models import Article, Tag

pytestmark = pytest.mark.django_db
S = Article.Status


def listed(client, tag: Tag, page: int = 1) -> list[str]:
    response = client.get(tag.get_absolute_url(), {"page": str(page)})
    assert response.status_code == 200
    return [story.headline for story in response.context["page"].object_list]


def test_publishing_unpublishing_and_republishing_reach_the_tag_page(
        client, section, tag, make_article, editor, forget_cache):
    # given a draft with the tag, beside an older published story with it
    make_article(section, headline="Older ferry story", tags=[tag],
                 published_at=timezone.now() - timedelta(days=2))
    draft = make_article(section, headline="Night ferry starts", status=S.DRAFT,
                         published_at=None, tags=[tag])
    assert listed(client, tag) == ["Older ferry story"]
    # when the editor publishes it, then it heads the tag's page
    actions.publish_article(draft, by=editor)
    forget_cache()
    assert listed(client, tag) == ["Night ferry starts", "Older ferry story"]
    # when they unpublish it, then it is gone; back again, in its first place in time
    actions.unpublish_article(draft, by=editor)
    forget_cache()
    assert listed(client, tag) == ["Older ferry story"]
    actions.publish_article(draft, by=editor)
    forget_cache()
    assert listed(client, tag) == ["Night ferry starts", "Older ferry story"]


def test_a_scheduled_story_joins_its_tag_when_it_goes_out(client, section, tag, make_article,
                                                         forget_cache):
    # given a story scheduled for a minute ago, which the scheduler has not sent out yet
    story = make_article(section, headline="Embargoed ferry report", status=S.SCHEDULED,
                         published_at=timezone.now() - timedelta(minutes=1), tags=[tag])
    assert listed(client, tag) == []
    # when the scheduler publishes it, then its tag page lists it
    assert actions.publish_due() == [story.pk]
    forget_cache()
    assert listed(client, tag) == ["Embargoed ferry report"]


def test_retagging_and_deleting_a_story_reach_the_tag_page(client, section, tag, make_article,
                                                           editor, forget_cache):
    other = Tag.objects.create(name="Ports", slug="ports", language="en")
    story = make_article(section, headline="Harbour dredging", tags=[tag])
    # when the desk moves the story from one tag to the other
    actions.save_article(story, by=editor, tags=[other])
    forget_cache()
    assert listed(client, tag) == [] and listed(client, other) == ["Harbour dredging"]
    # when the tag is put back from the tag's side, and the story is deleted
    tag.articles.add(story)
    forget_cache()
    assert listed(client, tag) == ["Harbour dredging"]
    story.delete()
    forget_cache()
    assert listed(client, tag) == [] and listed(client, other) == []
    tag.refresh_from_db()
    assert tag.story_count == 0


def test_pages_of_a_big_tag_are_newest_first_and_counted(client, section, tag, make_article,
                                                         forget_cache):
    now = timezone.now()
    for n in range(45):
        make_article(section, headline=f"Ferry note {n}", tags=[tag],
                     published_at=now - timedelta(hours=n))
    make_article(section, headline="Untagged", published_at=now)
    assert listed(client, tag)[:2] == ["Ferry note 0", "Ferry note 1"]
    assert listed(client, tag, 3) == [f"Ferry note {n}" for n in range(40, 45)]
    assert "Page 3 of 3" in client.get(tag.get_absolute_url(), {"page": "3"}).content.decode()
    assert client.get(tag.get_absolute_url(), {"page": "4"}).status_code == 404


def test_imported_stories_are_on_their_tag_pages(client, section, tag, editor):
    stories = [actions.NewStory(Article(
        headline=f"Archive story {n}", lead="From the archive.", body="<p>Old.</p>",
        section=section, language="en", status=status,
        published_at=timezone.now() - timedelta(days=n + 1) if status == S.PUBLISHED else None),
        [tag]) for n, status in enumerate([S.PUBLISHED, S.DRAFT, S.PUBLISHED])]
    actions.import_articles(stories, by=editor)
    assert listed(client, tag) == ["Archive story 0", "Archive story 2"]
    tag.refresh_from_db()
    assert tag.story_count == 2
