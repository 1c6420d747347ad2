"""Analytics fixtures: beacons as a reader's browser sends them, and the flush run after."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from dateline.analytics import flush

BROWSER = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/131.0.0.0 Safari/537.36")


@pytest.fixture
def send(client):
    """POST one beacon like beacon.js does; returns the response."""

    def post(user_agent: str = BROWSER, **fields):
        return client.post("/analytics/read/", urlencode(fields), HTTP_USER_AGENT=user_agent,
                           content_type="application/x-www-form-urlencoded;charset=UTF-8")

    return post


def flush_all() -> int:
    """Run the flush as the job would once every minute counted so far has closed."""
    return flush.flush(timezone.now() + timedelta(minutes=2))
