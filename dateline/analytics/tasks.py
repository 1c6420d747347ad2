"""The analytics' periodic jobs: write the cache's closed minutes down, drop old hours."""

from __future__ import annotations

from datetime import timedelta

from dateline.analytics import flush
from dateline.tasks import job

FLUSH_EVERY = timedelta(minutes=1)
PRUNE_EVERY = timedelta(hours=6)
KEEP_HOURS = timedelta(days=8)  # "most read" looks back a day, the desk's hours a week


@job()
def flush_reads() -> int:
    """Write every closed minute of counted reads into the database (each minute once)."""
    return flush.flush()


@job()
def prune_hours() -> int:
    """Drop hourly story counts older than KEEP_HOURS; the daily counts stay."""
    return flush.prune(keep=KEEP_HOURS)
