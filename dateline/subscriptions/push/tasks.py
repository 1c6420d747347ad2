"""Sending an alert: `fan_out` splits the edition's devices into batches, `send_batch` sends
one batch. Each device's delivery row is claimed before its send and recorded after it, so a
batch run again (a worker killed, the job retried) sends to no device twice. Devices whose
push service said "later" (429, 5xx, no answer) go into a batch of their own, enqueued after
the longest wait asked for and at least the backoff of their attempt.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.crypto import get_random_string

from dateline.subscriptions.push import sending
from dateline.subscriptions.push.models import Alert, Delivery, Subscription
from dateline.tasks import job

S = Delivery.Status
SETTLE_EVERY = timedelta(hours=1)
KEEP_DELIVERIES = timedelta(days=7)
SETTLE_AT_ONCE = 50


@job()
def fan_out(alert_id: int) -> int:
    """Enqueue the alert's batches, once; the number of devices queued."""
    size = settings.PUSH_BATCH_SIZE
    with transaction.atomic():
        alert = Alert.objects.select_for_update().filter(pk=alert_id, fanned_out_at=None).first()
        if alert is None:
            return 0
        ids = list(Subscription.objects.filter(language=alert.language).order_by("pk")
                   .values_list("pk", flat=True))
        for start in range(0, len(ids), size):
            send_batch.enqueue(alert.pk, ids[start:start + size])
        Alert.objects.filter(pk=alert.pk).update(fanned_out_at=timezone.now(), queued=len(ids))
    return len(ids)


@job()
def send_batch(alert_id: int, subscription_ids: list[int]) -> dict[str, int]:
    """Send the alert to the batch's devices not yet done; the count of each outcome."""
    alert = Alert.objects.filter(pk=alert_id).first()
    if alert is None:
        return {}
    claimed = claim(alert, subscription_ids)
    sent = sending.send_all([delivery.subscription for delivery in claimed],
                            sending.payload(alert))
    return record(alert, list(zip(claimed, sent, strict=True)))


@transaction.atomic
def claim(alert: Alert, subscription_ids: list[int]) -> list[Delivery]:
    """The deliveries this run may send: new ones, and those waiting for a retry."""
    token = get_random_string(32)
    existing = Subscription.objects.filter(pk__in=subscription_ids).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        [Delivery(alert=alert, subscription_id=pk, claim=token) for pk in existing],
        ignore_conflicts=True)
    Delivery.objects.filter(alert=alert, subscription_id__in=subscription_ids,
                            status=S.RETRY).update(status=S.SENDING, claim=token)
    return list(Delivery.objects.filter(claim=token, subscription__isnull=False)
                .select_related("subscription").order_by("pk"))


def record(alert: Alert, outcomes: list[tuple[Delivery, sending.Outcome]]) -> dict[str, int]:
    now = timezone.now()
    counts: dict[str, int] = {}
    retry: list[Delivery] = []
    waits = [0.0]
    for delivery, outcome in outcomes:
        delivery.attempts += 1
        delivery.status, delivery.status_code = outcome.status, outcome.code
        delivery.claim, delivery.updated_at = "", now
        if outcome.status == S.RETRY:
            if delivery.attempts >= settings.PUSH_RETRIES:
                delivery.status = S.FAILED
            else:
                retry.append(delivery)
                waits.append(max(outcome.retry_after or 0.0, backoff(delivery.attempts)))
        counts[delivery.status] = counts.get(delivery.status, 0) + 1
    with transaction.atomic():
        Delivery.objects.bulk_update([d for d, _o in outcomes],
                                     ["status", "status_code", "attempts", "claim", "updated_at"])
        expired = [d.subscription_id for d, o in outcomes if o.status == S.PRUNED]
        Subscription.objects.filter(pk__in=expired).delete()
        if retry:
            send_batch.using(run_after=now + timedelta(seconds=max(waits))).enqueue(
                alert.pk, [d.subscription_id for d in retry])
    return counts


def backoff(attempts: int) -> float:
    """Seconds before attempt attempts + 1: the base doubling, with up to half again at
    random so that devices refused together are not retried together."""
    base = settings.PUSH_RETRY_SECONDS * 2 ** (attempts - 1)
    return base * random.uniform(1.0, 1.5)  # noqa: S311


@job(retries=0)  # periodic: the next round is the retry
def settle_alerts() -> int:
    """A week on, an alert's counts are written into it and its deliveries (a row per
    device) dropped; the number of alerts settled. Anything still waiting then has failed."""
    cutoff = timezone.now() - KEEP_DELIVERIES
    due = list(Alert.objects.filter(settled_at=None, created_at__lt=cutoff)
               .order_by("pk").values_list("pk", flat=True)[:SETTLE_AT_ONCE])
    for alert_id in due:
        with transaction.atomic():
            counts = dict(Delivery.objects.filter(alert_id=alert_id).values_list("status")
                          .annotate(n=Count("pk")).order_by())
            Alert.objects.filter(pk=alert_id, settled_at=None).update(
                sent=counts.get(S.SENT, 0), pruned=counts.get(S.PRUNED, 0),
                failed=sum(counts.get(s, 0) for s in (S.FAILED, S.RETRY, S.SENDING)),
                settled_at=timezone.now())
            Delivery.objects.filter(alert_id=alert_id).delete()
    return len(due)
