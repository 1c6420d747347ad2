"""Append, replay and trim the catch-up log. Ids only grow: a page remembers the last it saw."""

from __future__ import annotations

from django.core.cache import cache

from dateline.live.models import LoggedEvent

KEEP = 10_000  # events kept; a page further behind than this reloads
REPLAY_LIMIT = 200  # a reconnecting page gets at most this many, else it is told to reload
LAST_KEY = "live:last-event"


def record(group: str, payload: dict) -> int:
    """Log one event for a group; returns its id."""
    event = LoggedEvent.objects.create(group=group, payload=payload)
    cache.set(LAST_KEY, event.id, timeout=None)
    return event.id


def last_id() -> int:
    """The newest event id, from the cache: pages embed it without a query."""
    value = cache.get(LAST_KEY)
    if value is None:
        value = LoggedEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        cache.set(LAST_KEY, value, timeout=None)
    return value


def replay(groups: list[str], *, after: int) -> tuple[list[LoggedEvent], bool]:
    """Events of these groups after an id, oldest first, and whether that is all of them."""
    rows = list(LoggedEvent.objects.filter(group__in=groups, id__gt=after)
                .order_by("id")[:REPLAY_LIMIT + 1])
    newest = LoggedEvent.objects.order_by("-id").values_list("id", flat=True).first()
    # more than KEEP ids behind, trimming may have taken some: not complete (ids can skip,
    # so this errs towards a reload, never towards a silent gap)
    complete = len(rows) <= REPLAY_LIMIT and (newest is None or newest - after <= KEEP)
    return rows[:REPLAY_LIMIT], complete


def trim(keep: int = KEEP) -> int:
    """Forget all but the newest events; returns how many went."""
    newest = LoggedEvent.objects.order_by("-id").values_list("id", flat=True).first()
    if newest is None:
        return 0
    return LoggedEvent.objects.filter(id__lte=newest - keep).delete()[0]
