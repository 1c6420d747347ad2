"""Append, replay, claim and trim the catch-up log. Ids only grow: pages remember the last."""

from __future__ import annotations

from django.core.cache import cache

from dateline.events import Event
from dateline.live.models import LoggedEvent

KEEP = 10_000  # events kept; a page further behind than this reloads
REPLAY_LIMIT = 200  # a reconnecting page gets at most this many, else it is told to reload
LAST_KEY = "live:last-event"


def record(event: Event, *, group: str | None, pending: bool) -> int:
    """Log one event; returns its id."""
    row = LoggedEvent.objects.create(type=event.type, group=group or "",
                                     payload=event.payload(), pending=pending)
    if not pending:
        seen(row.id)
    return row.id


def seen(event_id: int) -> None:
    """This process has delivered up to event_id: pages rendered from now embed it."""
    cache.set(LAST_KEY, max(event_id, cache.get(LAST_KEY, 0)), timeout=None)


def last_id() -> int:
    """The newest event id, from the cache: pages embed it without a query."""
    value = cache.get(LAST_KEY)
    if value is None:
        value = LoggedEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        cache.set(LAST_KEY, value, timeout=None)
    return value


def replay(groups: list[str], *, after: int) -> tuple[list[LoggedEvent], bool]:
    """Events of these groups after an id, oldest first, and whether that is all of them."""
    # a pending event is not replayed: it reaches the page when the server delivers it
    rows = list(LoggedEvent.objects.filter(group__in=groups, id__gt=after, pending=False)
                .order_by("id")[:REPLAY_LIMIT + 1])
    newest = LoggedEvent.objects.order_by("-id").values_list("id", flat=True).first()
    # more than KEEP ids behind, trimming may have taken some: not complete (ids can skip,
    # so this errs towards a reload, never towards a silent gap)
    complete = len(rows) <= REPLAY_LIMIT and (newest is None or newest - after <= KEEP)
    return rows[:REPLAY_LIMIT], complete


def pending(limit: int) -> list[LoggedEvent]:
    """Events other processes logged that no server has delivered yet, oldest first."""
    return list(LoggedEvent.objects.filter(pending=True).order_by("id")[:limit])


def claim(row: LoggedEvent) -> bool:
    """Take a pending event for delivery; False when another server took it first."""
    return LoggedEvent.objects.filter(pk=row.pk, pending=True).update(pending=False) == 1


def trim(keep: int = KEEP) -> int:
    """Forget all but the newest events; returns how many went."""
    newest = LoggedEvent.objects.order_by("-id").values_list("id", flat=True).first()
    if newest is None:
        return 0
    return LoggedEvent.objects.filter(id__lte=newest - keep).delete()[0]
