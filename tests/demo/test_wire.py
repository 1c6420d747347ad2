"""The demo's agencies deliver copy in all three formats, with every case the desk meets."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline.demo import wire
from dateline.demo.loader import fill
from dateline.wire import tasks
from dateline.wire.models import Delivery, Feed, WireItem

pytestmark = pytest.mark.django_db


def test_the_demo_wire_brings_new_items_versions_urgent_copy_kills_and_duplicates():
    fill(40, 1)
    assert len(wire.set_up()) == 3
    assert wire.set_up() == [], "the feeds are made once"
    for _ in range(36):
        assert wire.deliver.call().endswith((".json", ".xml"))
        tasks.check_feeds.call()
        for delivery in Delivery.objects.filter(read_at=None):
            tasks.read(delivery)
    assert not Delivery.objects.exclude(error="").exists()
    items = WireItem.objects.all()
    assert Counter(items.values_list("feed__format", flat=True)).keys() == {
        "ninjs", "newsml", "rss"}
    assert items.filter(status="canceled").exists()
    assert items.filter(version=2, current=True).exists()
    assert items.filter(priority__lte=2).exists()
    clusters = Counter(items.filter(current=True).values_list("cluster_id", flat=True))
    assert max(clusters.values()) >= 2, "the same story from two agencies"
    russian = items.filter(feed__format="rss").first()
    assert russian.language == "ru" and russian.dateline_place, "read from the lead's dateline"


def test_without_the_demo_feeds_nothing_is_delivered(agency):
    Feed.objects.create(agency=agency, name="Real", format="rss", transport="folder",
                        folder="meridian", language="en")
    assert wire.deliver.call() == ""
