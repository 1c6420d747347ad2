"""The live app's background job: the catch-up log keeps its newest events only."""

from __future__ import annotations

from datetime import timedelta

from dateline.live import log
from dateline.tasks import job

TRIM_EVERY = timedelta(minutes=1)


@job(retries=0)  # periodic: the next round is the retry
def trim_log() -> int:
    """Forget all but the newest log.KEEP events."""
    return log.trim()
