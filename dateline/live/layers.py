"""The in-process channel layer for a single server process."""

from __future__ import annotations

import time

from channels.layers import InMemoryChannelLayer


class InProcessChannelLayer(InMemoryChannelLayer):
    """Channels' in-memory layer, sweeping expired messages at most once a second.

    The original sweeps every channel and group on each receive and group_send; every open
    socket waits in receive, so with thousands of pages open a single event cost seconds
    (measured with bench/live.py at 5,000 sockets). Expiry is a minute-scale matter: a
    sweep a second keeps it.
    """

    sweep_every = 1.0
    _swept = 0.0

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self._swept < self.sweep_every:
            return
        self._swept = now
        super()._clean_expired()
