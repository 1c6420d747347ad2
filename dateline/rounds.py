"""How a background loop (the worker, the event follower) reports a round that failed.

A database that is away (restarting, connections cut) fails every round until it is back:
one warning a minute says so, not a traceback every quarter second. Anything else is a bug
and is logged whole.
"""

from __future__ import annotations

import logging
import time

from django.db import Error as DatabaseError

QUIET_SECONDS = 60.0


class FailedRounds:
    def __init__(self, logger: logging.Logger, what: str) -> None:
        self.logger, self.what, self.warned_at = logger, what, -QUIET_SECONDS

    def failed(self, error: Exception) -> None:
        if not isinstance(error, DatabaseError):
            self.logger.exception("%s failed; trying again", self.what)
        elif time.monotonic() - self.warned_at >= QUIET_SECONDS:
            self.warned_at = time.monotonic()
            self.logger.warning("%s: the database is not answering (%s); trying again",
                                self.what, str(error).strip()[:200])
