"""Domain events reach in-process listeners and the channel layer group of their language."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer

from dateline.newsroom import actions
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


def test_published_story_reaches_the_newsfeed_group(section, make_article):
    draft = make_article(section, status=Article.Status.DRAFT, published_at=None,
                         headline="Ferry strike called off")

    def publish() -> None:
        actions.publish_article(draft, by=None)  # autocommit: the event goes out at once

    async def scenario() -> dict:
        # given a page listening to the English newsfeed group (in-process or Redis)
        layer = get_channel_layer()
        channel = await layer.new_channel()
        await layer.group_add("newsfeed.en", channel)
        try:
            # when the story is published
            await sync_to_async(publish)()
            return await asyncio.wait_for(layer.receive(channel), timeout=5)
        finally:
            await layer.group_discard("newsfeed.en", channel)

    message = async_to_sync(scenario)()
    # then the group got the story's id, headline and address
    assert message["type"] == "domain.event"
    assert message["event"]["type"] == "article.published"
    assert message["event"]["article_id"] == draft.pk
    assert message["event"]["headline"] == "Ferry strike called off"
    assert message["event"]["url"] == draft.get_absolute_url()
