"""The newsroom's background jobs: stories go out at their scheduled time."""

from __future__ import annotations

from datetime import timedelta

from dateline.newsroom import actions  # a module, not its names: actions enqueue these jobs
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
