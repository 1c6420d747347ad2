"""The jobs that mail: confirmations, an issue split into batches, each batch, and the sweep
that starts the digests whose hour has come.

An issue's batches are made by `start_issue` (alerts) or `send_due_digests` (digests): each
batch is one transaction holding its rows and its job, so a batch exists exactly when its
job does, and a job that stops halfway leaves nothing half-made.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from dateline.subscriptions import mail, schedule, sending
from dateline.subscriptions.models import Batch, Delivery, Issue, Subscriber
from dateline.tasks import job

log = logging.getLogger(__name__)
DIGEST_EVERY = timedelta(minutes=1)
S = Subscriber.Status


@job(retries=3, backoff=60)
def send_confirmation(subscriber_id: int) -> bool:
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status__in=[S.PENDING, S.CONFIRMED]).first()
    if subscriber is None:
        return False
    return bool(get_connection().send_messages([mail.confirmation(subscriber)]))


@job(retries=5, backoff=20, queue="default")
def send_batch(batch_id: int) -> list[int]:
    batch = (Batch.objects.select_related("issue__article__section")
             .filter(pk=batch_id, finished_at=None).first())
    if batch is None:
        return [0, 0]
    return list(sending.send_batch(batch))


def _batch_size() -> int:
    return max(1, settings.SUBSCRIPTIONS_BATCH_SIZE)


def add_batch(issue: Issue, subscribers: list[Subscriber], *, number: int,
              since: dict[int, object] | None = None) -> Batch:
    """One batch: its rows and its job, in the caller's transaction."""
    batch = Batch.objects.create(issue=issue, number=number)
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, batch=batch, subscriber=s, since=(since or {}).get(s.pk))
         for s in subscribers], ignore_conflicts=True)
    send_batch.enqueue(batch.pk)
    return batch


@job(retries=5, backoff=10)
def start_issue(issue_id: int) -> int:
    """Split an alert into batches of its readers; run again, it adds only the missing."""
    issue = Issue.objects.get(pk=issue_id)
    waiting = (Subscriber.objects.filter(status=S.CONFIRMED, breaking=True,
                                         language=issue.language)
               .exclude(deliveries__issue=issue).order_by("pk").only("pk"))
    number = Batch.objects.filter(issue=issue).count()
    size = _batch_size()
    while chunk := list(waiting[:size]):
        with transaction.atomic():
            number += 1
            add_batch(issue, chunk, number=number)
    queued = Delivery.objects.filter(issue=issue).count()
    Issue.objects.filter(pk=issue.pk).update(queued=queued, started_at=timezone.now())
    return queued


@job(retries=0)  # periodic: the next minute is the retry
def send_due_digests() -> int:
    """Start the digest of every reader whose hour has come; how many readers."""
    now = timezone.now()
    started = 0
    for language, _name in settings.LANGUAGES:
        due = (Subscriber.objects.filter(status=S.CONFIRMED, digest=True, language=language,
                                         next_digest_at__lte=now)
               .order_by("pk").only("pk", "digest_hour", "time_zone", "last_digest_at"))
        if not due.exists():
            continue
        issue = Issue.objects.create(kind=Issue.Kind.DIGEST, language=language,
                                     subject=digest_subject(language, now), created_at=now)
        number = 0
        while True:
            with transaction.atomic():
                # read under the claim's lock: two sweeps at once (a slow one and the next
                # minute's) never take the same reader (on SQLite the transaction is
                # IMMEDIATE, so it holds the write lock from its start)
                chunk = list(due.select_for_update(skip_locked=True)[:_batch_size()])
                if not chunk:
                    break
                number += 1
                _claim_digests(issue, chunk, number, now)
            started += len(chunk)
        if not number:  # another sweep took them all
            issue.delete()
            continue
        Issue.objects.filter(pk=issue.pk).update(queued=Delivery.objects.filter(
            issue=issue).count(), started_at=timezone.now())
    return started


def _claim_digests(issue: Issue, chunk: list[Subscriber], number: int, now) -> None:
    """Queue the chunk's digests and move each reader on to tomorrow's hour, together: a
    reader is claimed for today once, however often the sweep runs."""
    since = {s.pk: s.last_digest_at for s in chunk}
    # one UPDATE per (hour, zone) in the chunk, a handful: the write lock is held briefly
    groups: dict[tuple[int, str], list[int]] = {}
    for subscriber in chunk:
        groups.setdefault((subscriber.digest_hour, subscriber.time_zone), []).append(
            subscriber.pk)
    for (hour, zone), ids in groups.items():
        Subscriber.objects.filter(pk__in=ids).update(
            next_digest_at=schedule.next_digest(hour, zone, after=now), last_digest_at=now)
    add_batch(issue, chunk, number=number, since=since)


def digest_subject(language: str, when) -> str:
    with translation.override(language):
        day = formats.date_format(timezone.localtime(when), "j F")
        return _("Dateline digest: %(day)s") % {"day": day}
