"""The newsroom's background jobs: stories go out at their scheduled time; related stories are
computed when a story is published or changed."""

from __future__ import annotations

from datetime import timedelta

from dateline.newsroom import (
    actions,  # a module, not its names: actions enqueue these jobs
    related,
)
from dateline.newsroom.models import Article
from dateline.tasks import job

SWEEP_EVERY = timedelta(seconds=30)


@job()
def publish_when_due() -> int:
    """Enqueued by schedule_article for the story's time: publish what is due then."""
    return len(actions.publish_due())


@job(retries=0)  # periodic: the next sweep is the retry
def publish_overdue() -> int:
    """The safety net: publish anything due whose own job was lost or came too early."""
    return len(actions.publish_due())


@job()
def refresh_related(article_id: int) -> int:
    """Enqueued with a story's publication or change: its related stories, computed again."""
    return related.refresh(article_id)


RELATE_BATCH = 200


@job()
def relate_unrelated(below: int | None = None) -> int:
    """After an import: related stories for public stories that have none yet, a batch at a
    time from the newest id down, each batch enqueueing the next."""
    rows = Article.objects.published().filter(related_links__isnull=True)
    if below is not None:
        rows = rows.filter(pk__lt=below)
    ids = list(rows.order_by("-pk").values_list("pk", flat=True)[:RELATE_BATCH])
    for pk in ids:
        related.refresh(pk)
    if len(ids) == RELATE_BATCH:
        relate_unrelated.enqueue(below=ids[-1])
    return len(ids)
