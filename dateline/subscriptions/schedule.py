"""When a reader's digest is due: the next time their chosen hour strikes where they live."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.utils import timezone


@functools.cache
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def next_digest(hour: int, time_zone: str, *, after: datetime | None = None) -> datetime:
    """The first instant after `after` (now) at which it is hour:00 in time_zone."""
    after = after or timezone.now()
    tz = zone(time_zone)
    local = after.astimezone(tz)
    day = local.date()
    for _ in range(3):
        candidate = datetime(day.year, day.month, day.day, hour, tzinfo=tz)
        # a clock change can skip the hour: the wall time then maps past it, which is fine
        if candidate.astimezone(ZoneInfo("UTC")) > after:
            return candidate.astimezone(ZoneInfo("UTC"))
        day += timedelta(days=1)
    raise AssertionError("unreachable: an hour comes every day")
