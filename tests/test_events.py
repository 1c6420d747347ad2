"""Domain events reach in-process listeners and the channel layer group of their language."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from dateline.newsroom import actions
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db


def test_published_story_reaches_the_newsfeed_group(section, make_article,
                                                     django_capture_on_commit_callbacks):
    # given a page listening to the English newsfeed group
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)("newsfeed.en", channel)
    draft = make_article(section, status=Article.Status.DRAFT, published_at=None,
                         headline="Ferry strike called off")
    # when the story is published
    draft.status = Article.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        actions.save_article(draft, by=None)
    # then the group got one message with the story's id, headline and address
    message = async_to_sync(layer.receive)(channel)
    assert message["type"] == "domain.event"
    assert message["event"]["type"] == "article.published"
    assert message["event"]["article_id"] == draft.pk
    assert message["event"]["headline"] == "Ferry strike called off"
    assert message["event"]["url"] == draft.get_absolute_url()
    async_to_sync(layer.group_discard)("newsfeed.en", channel)
