"""Getting events from the thread that committed them onto the server's event loop.

Pages run in worker threads beside the server's event loop, where the sockets live. The
in-process channel layer's queues belong to that loop and must be fed from it; so do the
Redis layer's connections. The ASGI entry point remembers its loop; events sent from
elsewhere (a command, a test) use a loop of their own.
"""

from __future__ import annotations

import asyncio
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

log = logging.getLogger(__name__)
_loop: asyncio.AbstractEventLoop | None = None


def remember_loop(loop: asyncio.AbstractEventLoop) -> None:
    global _loop
    _loop = loop


def send(messages: list[tuple[str, dict]]) -> None:
    """group_send each (group, message), on the server's loop when there is one."""
    layer = get_channel_layer()
    if layer is None or not messages:
        return

    async def deliver() -> None:
        for group, message in messages:
            await layer.group_send(group, message)

    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if _loop is not None and _loop.is_running() and running is not _loop:
        future = asyncio.run_coroutine_threadsafe(deliver(), _loop)
        future.add_done_callback(_report)
    elif running is not None:
        running.create_task(deliver()).add_done_callback(_report)
    else:
        async_to_sync(deliver)()


def _report(future) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("live delivery failed", exc_info=future.exception())
