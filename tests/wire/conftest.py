"""Wire fixtures: an agency's feeds, and items as a parser hands them over."""

from __future__ import annotations

import pytest

from dateline.wire.formats import ParsedItem
from dateline.wire.models import Feed

FERRY = ("<p>The night ferry between the two harbours ran again on Tuesday after a week in "
         "which storms kept every boat in port, the harbour authority said.</p><p>Its first "
         "crossing carried forty passengers and a lorry of winter vegetables for the island "
         "market, which had run short of greens since the weekend.</p>")


@pytest.fixture
def feed(agency, section) -> Feed:
    return Feed.objects.create(agency=agency, name="World service", format="rss",
                               transport="poll", url="https://wire.example/world.rss",
                               language="en", section=section)


@pytest.fixture
def trusted_feed(feed) -> Feed:
    feed.trust = Feed.Trust.TRUSTED
    feed.save()
    return feed


@pytest.fixture
def other_feed(db, section) -> Feed:
    from dateline.newsroom.models import Agency

    other = Agency.objects.create(name="North Star News", code="NSN")
    return Feed.objects.create(agency=other, name="General", format="ninjs",
                               transport="push", language="en", section=section)


def arrive(feed: Feed, item: ParsedItem):
    """Store an item as ingest does: inside the payload's transaction."""
    from django.db import transaction

    from dateline.wire import ingest

    with transaction.atomic():
        return ingest.store(feed, item)


def parsed(guid: str = "mw-001", **fields) -> ParsedItem:
    values = {"headline": "Night ferry runs again after storms", "body": FERRY,
              "lead": "The night ferry ran again on Tuesday.", "dateline_place": "Portvale",
              "byline": "Ann Example", "raw": "<item/>", "language": "en"}
    return ParsedItem(guid=guid, **{**values, **fields})
