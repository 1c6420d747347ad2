"""Sending one batch of an issue: one SMTP connection, throttled, each recipient at most once.

A batch's rows are written (queued) in the same transaction as its job. Over SMTP each row
becomes sent at the moment the server takes the message (see smtp.py), so a retried batch
sends exactly the rows still queued. Other backends (an email service's API, the console)
offer no such moment: a row is marked sending before the call and sent after it, and a
retry finds rows a dead attempt left sending and marks them failed rather than risk a
second copy.
"""

from __future__ import annotations

import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db.models import Count, Q, Sum
from django.utils import timezone

from dateline.newsroom import selectors
from dateline.subscriptions import mail, smtp
from dateline.subscriptions.actions import suppress_address
from dateline.subscriptions.models import Batch, Delivery, Issue, Subscriber

log = logging.getLogger(__name__)
D = Delivery.Status
DIGEST_MOST = 30  # stories in one digest
DIGEST_LOOKBACK = timedelta(days=1)  # a first digest, or one after a long pause


def throttle() -> None:
    """Keep to SUBSCRIPTIONS_SEND_RATE messages a second: across every worker when the cache
    is shared (Redis), per process on the local-memory cache."""
    rate = settings.SUBSCRIPTIONS_SEND_RATE
    while rate:
        second = int(time.time())
        key = f"subs:rate:{second}"
        cache.add(key, 0, 5)
        try:
            if cache.incr(key) <= rate:
                return
        except ValueError:
            continue
        time.sleep(max(0.0, second + 1 - time.time()))


def send_batch(batch: Batch) -> tuple[int, int]:
    """Send what is still to send in the batch; (sent, failed) of the whole batch."""
    issue = batch.issue
    Delivery.objects.filter(batch=batch, status=D.SENDING).update(
        status=D.FAILED, error="outcome unknown: the worker stopped while sending")
    rows = list(Delivery.objects.filter(batch=batch, status=D.QUEUED)
                .select_related("subscriber").order_by("pk"))
    content = Content(issue, rows)
    connection = get_connection()
    precise = isinstance(connection, SmtpBackend)
    connection.open()
    if precise and connection.connection is not None:
        smtp.no_delay(connection.connection)
    try:
        for row in rows:
            _send_one(row, issue, content, connection, precise)
    finally:
        connection.close()
    return finish(batch)


def _send_one(row: Delivery, issue: Issue, content: Content, connection, precise: bool) -> None:
    subscriber = row.subscriber
    if subscriber.status != Subscriber.Status.CONFIRMED:  # left, or bounced, since queued
        _mark(row, D.SKIPPED, "no longer subscribed")
        return
    body = content.body_for(row)
    if body is None:
        _mark(row, D.SKIPPED)
        return
    throttle()
    if not precise:
        _mark(row, D.SENDING)
        connection.send_messages([mail.for_recipient(issue, body, subscriber, row.pk)])
        _mark(row, D.SENT)
        return
    sender, data = content.template(body).for_recipient(subscriber, row.pk)
    sender, recipients = smtp.envelope(sender, [subscriber.email])
    try:
        smtp.send(connection.connection, sender, recipients, data,
                  lambda: _mark(row, D.SENT))
    except smtp.NotDelivered as refusal:
        if not refusal.permanent:
            raise  # the server is busy: the batch is retried later, from this row
        _mark(row, D.FAILED, str(refusal))
        suppress_address(subscriber.email, reason=f"refused: {refusal}")
    except smtplib.SMTPDataError as refusal:  # refused after the "."
        _mark(row, D.FAILED, str(refusal))


def _mark(row: Delivery, status: str, error: str = "") -> None:
    sent_at = timezone.now() if status == D.SENT else None
    Delivery.objects.filter(pk=row.pk).update(status=status, error=error[:300], sent_at=sent_at)


def finish(batch: Batch) -> tuple[int, int]:
    """Count the batch from its rows and the issue from its batches."""
    counts = Delivery.objects.filter(batch=batch).aggregate(
        sent=Count("pk", filter=Q(status__in=[D.SENT, D.BOUNCED])),
        failed=Count("pk", filter=Q(status=D.FAILED)))
    Batch.objects.filter(pk=batch.pk).update(finished_at=timezone.now(), **counts)
    totals = Batch.objects.filter(issue=batch.issue_id).aggregate(
        sent=Sum("sent"), failed=Sum("failed"))
    Issue.objects.filter(pk=batch.issue_id).update(sent=totals["sent"] or 0,
                                                   failed=totals["failed"] or 0)
    return counts["sent"], counts["failed"]


class Content:
    """The stories each recipient of a batch gets, each distinct body rendered once."""

    def __init__(self, issue: Issue, rows: list[Delivery]) -> None:
        self.issue = issue
        self.rendered: dict[tuple[int, ...], tuple[str, str]] = {}
        self.templates: dict[int, mail.Template] = {}
        if issue.kind == Issue.Kind.ALERT:
            self.stories = [issue.article] if issue.article_id else []
            self.sections: dict[int, set[int]] = {}
            return
        earliest = self.earliest = issue.created_at - DIGEST_LOOKBACK
        since = min((max(row.since or earliest, earliest) for row in rows), default=earliest)
        self.stories = selectors.stories_since(language=issue.language, since=since,
                                               until=issue.created_at)
        self.sections = {}
        through = Subscriber.sections.through.objects.filter(
            subscriber_id__in=[row.subscriber_id for row in rows])
        for subscriber_id, section_id in through.values_list("subscriber_id", "section_id"):
            self.sections.setdefault(subscriber_id, set()).add(section_id)

    def body_for(self, row: Delivery) -> tuple[str, str] | None:
        stories = self.stories
        if self.issue.kind == Issue.Kind.DIGEST:
            chosen = self.sections.get(row.subscriber_id)
            since = max(row.since or self.earliest, self.earliest)
            stories = [s for s in stories if s.published_at > since
                       and (not chosen or s.section_id in chosen)][:DIGEST_MOST]
        if not stories:
            return None
        key = tuple(s.pk for s in stories)
        if key not in self.rendered:
            self.rendered[key] = mail.render_issue(self.issue, stories)
        return self.rendered[key]

    def template(self, body: tuple[str, str]) -> mail.Template:
        if id(body) not in self.templates:
            self.templates[id(body)] = mail.Template(self.issue, body)
        return self.templates[id(body)]
