from __future__ import annotations

import pytest

from dateline import events


@pytest.fixture
def received():
    """The article events delivered in this process, in order."""
    seen: list[events.Event] = []
    stop = events.listen(events.ArticleEvent, seen.append)
    yield seen
    stop()
