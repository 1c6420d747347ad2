"""Publishing scheduled stories on time, from inside each server process.

Events go to in-process listeners (the page cache) and, without Redis, to an in-process
channel layer: a story published by another process would not refresh this one's pages.
So every server process runs this loop in a thread. With several processes (and Redis),
each may find the same due story; `publish_due` locks and re-checks each row, so it goes
out once. Downtime loses nothing: a story whose time passed is due at the next check.
"""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections

log = logging.getLogger(__name__)
INTERVAL = 5.0  # seconds: a story goes out at most this long after its time
_started = threading.Lock()
_thread: threading.Thread | None = None


def run_forever(interval: float = INTERVAL, stop: threading.Event | None = None) -> None:
    from dateline.live.log import trim
    from dateline.newsroom.actions import publish_due

    stop = stop or threading.Event()
    while not stop.is_set():
        try:
            close_old_connections()
            publish_due()
            trim()
        except Exception:  # a failed round must not end publishing for good
            log.exception("scheduled publishing failed; trying again")
        finally:
            close_old_connections()
        stop.wait(interval)


def start_in_background() -> None:
    """Start the loop once per process."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=run_forever, name="dateline-scheduler",
                                       daemon=True)
            _thread.start()
