"""Delivery to open pages: an event listener that hands each event to its group.

Pages run in worker threads beside the server's event loop, where the sockets live. The
in-process channel layer's queues belong to that loop and must be fed from it; so do the
Redis layer's connections. The ASGI entry point remembers its loop; events sent from
elsewhere (a command, a test) use a loop of their own.
"""

from __future__ import annotations

import asyncio
import logging
import time

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from dateline.events import Event
from dateline.live import groups

log = logging.getLogger(__name__)
_loop: asyncio.AbstractEventLoop | None = None


def loop_unknown() -> bool:
    return _loop is None or not _loop.is_running()


def remember_loop(loop: asyncio.AbstractEventLoop) -> None:
    global _loop
    _loop = loop


def to_pages(event: Event) -> None:
    """The listener: a logged event goes to the group of pages that show it."""
    group = groups.of(event)
    if group is None or event.id is None:
        return
    send(group, {"type": "domain.event", "id": event.id, "group": group,
                 "event": {**event.payload(), "sent_at": time.time()}})


def send(group: str, message: dict) -> None:
    """group_send, on the server's loop when there is one."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if _loop is not None and _loop.is_running() and running is not _loop:
        future = asyncio.run_coroutine_threadsafe(layer.group_send(group, message), _loop)
        future.add_done_callback(_report)
    elif running is not None:
        running.create_task(layer.group_send(group, message)).add_done_callback(_report)
    else:
        try:
            async_to_sync(layer.group_send)(group, message)
        except Exception as error:  # the event is logged: pages catch up when they reconnect
            _failed(error)


def _report(future) -> None:
    if not future.cancelled() and future.exception() is not None:
        _failed(future.exception())


_warned_at = 0.0


def _failed(error: BaseException) -> None:
    """One warning a minute while the channel layer is away, not a traceback per event."""
    global _warned_at
    if time.monotonic() - _warned_at > 60:
        _warned_at = time.monotonic()
        log.warning("live delivery failed (%s); pages catch up from the log when they "
                    "reconnect", error)
