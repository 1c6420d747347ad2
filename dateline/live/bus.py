"""The catch-up log as the bus: every event is logged, then delivered once, where readers are.

With REDIS_URL every process shares the cache and the channel layer, so the process that
emitted an event delivers it itself. On the embedded default the page store and the sockets
live in the server's memory: the server delivers its own events, and any other process (a
worker, a command) only logs its events as pending. The server follows the log and delivers
those within FOLLOW_SECONDS, claiming each row first, so each reaches every listener once.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import close_old_connections

from dateline import events
from dateline.live import groups
from dateline.live import log as catch_up
from dateline.rounds import FailedRounds

logger = logging.getLogger(__name__)
FOLLOW_SECONDS = 0.2
BATCH = 100
_serving = False
_follower: threading.Thread | None = None
_started = threading.Lock()


def serve_here() -> None:
    """This process serves readers: it delivers its own events at once."""
    global _serving
    _serving = True


def delivers_here() -> bool:
    return _serving or bool(settings.REDIS_URL)


def carry(event: events.Event) -> None:
    """The transport: log the event, and deliver it here when readers can be reached from here."""
    here = delivers_here()
    event_id = catch_up.record(event, group=groups.of(event), pending=not here)
    if here:
        events.deliver(event.numbered(event_id))


def deliver_pending() -> int:
    """Deliver what other processes logged; returns how many events went out."""
    delivered = 0
    for row in catch_up.pending(BATCH):
        if not catch_up.claim(row):
            continue
        try:
            event = events.Event.from_payload(row.payload, id=row.id)
        except (KeyError, TypeError):  # written by another version of Dateline
            logger.warning("skipped event %s of unknown shape %s", row.id, row.type)
            continue
        events.deliver(event)
        catch_up.seen(row.id)
        delivered += 1
    return delivered


def follow(stop: threading.Event, interval: float = FOLLOW_SECONDS) -> None:
    failures = FailedRounds(logger, "following the event log")
    while not stop.is_set():
        try:
            while deliver_pending() == BATCH:
                pass
        except Exception as error:  # a failed round (a locked database) must not end following
            failures.failed(error)
        finally:
            close_old_connections()
        stop.wait(interval)


def start_following() -> None:
    """In a server process: deliver own events, and follow other processes' (embedded only)."""
    global _follower
    serve_here()
    if settings.REDIS_URL:
        return  # every process delivers its own, through Redis
    with _started:
        if _follower is None:
            _follower = threading.Thread(target=follow, args=(threading.Event(),),
                                         name="dateline-events", daemon=True)
            _follower.start()
