"""The wire's background jobs: feeds checked when due, deliveries read, old payloads dropped.

`check_feeds` runs every CHECK_EVERY (WIRE_CHECK_SECONDS) on one worker: it takes the files
of watched folders and enqueues a poll for each feed whose time has come (claimed by moving
its next time, so two workers never poll one feed twice). Every delivery is read by `read_delivery`.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dateline.tasks import job
from dateline.wire import ingest, transports
from dateline.wire.formats import FormatError
from dateline.wire.models import Delivery, Feed

log = logging.getLogger(__name__)
CHECK_EVERY = timedelta(seconds=settings.WIRE_CHECK_SECONDS)
PRUNE_EVERY = timedelta(hours=6)
KEEP_DELIVERIES = timedelta(days=30)


@job(retries=0)  # periodic: the next round is the retry
def check_feeds() -> int:
    """Enqueue what is due; the number of polls and files enqueued."""
    now = timezone.now()
    enqueued = 0
    for feed in Feed.objects.filter(enabled=True, transport=Feed.Transport.FOLDER):
        try:
            deliveries = transports.collect(feed)
        except OSError as error:
            _failed(feed, f"The folder could not be read: {error}")
            continue
        for delivery in deliveries:
            transaction.on_commit(lambda d=delivery.pk: read_delivery.enqueue(d))
            enqueued += 1
    due = Feed.objects.filter(enabled=True, transport=Feed.Transport.POLL).exclude(
        next_check_at__gt=now).values_list("pk", "next_check_at", "poll_interval")
    for pk, when, interval in due:
        # the claim: only the worker whose update moved the time polls
        claimed = Feed.objects.filter(pk=pk, next_check_at=when).update(
            next_check_at=now + timedelta(seconds=interval))
        if claimed:
            poll_feed.enqueue(pk)
            enqueued += 1
    return enqueued


@job(retries=2, backoff=30)
def poll_feed(feed_id: int) -> int:
    feed = Feed.objects.select_related("agency").filter(pk=feed_id, enabled=True).first()
    if feed is None:
        return 0
    try:
        delivery = transports.poll(feed)
    except transports.TransportError as error:
        _failed(feed, str(error))
        raise
    Feed.objects.filter(pk=feed.pk).update(checked_at=timezone.now())
    return read(delivery) if delivery is not None else 0


@job()
def read_delivery(delivery_id: int) -> int:
    delivery = Delivery.objects.filter(pk=delivery_id, read_at=None).first()
    return read(delivery) if delivery is not None else 0


def read(delivery: Delivery) -> int:
    """Store the delivery's new items; the number stored. A payload that does not parse is
    marked with its error (shown in the desk) and not tried again."""
    feed = Feed.objects.select_related("agency").get(pk=delivery.feed_id)
    try:
        stored = ingest.receive(feed, bytes(delivery.payload))
    except FormatError as error:
        Delivery.objects.filter(pk=delivery.pk).update(read_at=timezone.now(), error=str(error))
        _failed(feed, f"{delivery.source}: {error}")
        return 0
    Delivery.objects.filter(pk=delivery.pk).update(read_at=timezone.now(),
                                                   new_items=len(stored))
    Feed.objects.filter(pk=feed.pk).update(checked_at=timezone.now(), last_error="")
    return len(stored)


def _failed(feed: Feed, message: str) -> None:
    log.warning("wire feed %s: %s", feed, message)
    Feed.objects.filter(pk=feed.pk).update(checked_at=timezone.now(), last_error=message)


@job(retries=0)
def prune_deliveries() -> int:
    """Payloads are kept a month for audit; the items they brought stay."""
    cutoff = timezone.now() - KEEP_DELIVERIES
    return Delivery.objects.filter(received_at__lt=cutoff).exclude(read_at=None).delete()[0]
