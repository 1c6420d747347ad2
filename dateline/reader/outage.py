"""While the database is away (restarting, unreachable), readers get a 503 page that asks
them to come back in a few seconds, not a 500; a request after it is back succeeds with no
restart of Dateline. One warning per outage, not a traceback per request."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

log = logging.getLogger(__name__)
RETRY_AFTER = 5  # seconds
_warned_at = 0.0


class DatabaseUnavailable:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        global _warned_at
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if time.monotonic() - _warned_at > 60:
            _warned_at = time.monotonic()
            log.warning("the database is not answering (%s); readers get 503", exception)
        response = render(request, "503.html", {}, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
