"""The WebSub jobs: find the feeds a story appears in, then tell each hub of each feed."""

from __future__ import annotations

from django.db import transaction

from dateline.newsroom import selectors
from dateline.subscriptions import websub
from dateline.tasks import job


@job()
def announce_story(*, article_id: int, language: str, section_id: int) -> int:
    """Enqueue a ping per hub and per feed the story is in; the number enqueued."""
    section, tags = selectors.story_feed_keys(article_id, section_id=section_id)
    topics = websub.story_topics(language=language, section=section, tags=tags)
    # One job per hub and feed: a hub that fails is retried alone, for just that feed, and
    # no hub hears of a feed twice. Together or not at all, should this job be run again.
    with transaction.atomic():
        for hub in websub.hubs():
            for topic in topics:
                ping_hub.enqueue(hub, topic)
    return len(topics) * len(websub.hubs())


@job()
def ping_hub(hub: str, topic: str) -> int:
    """Tell one hub that one feed changed; fails (and is retried) while the hub is away."""
    return websub.ping(hub, topic)
