"""Every change to push subscriptions and alerts: a device subscribing or leaving, a breaking
story starting its alert, a reader's data taken along or forgotten."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from dateline.events import ArticlePublished
from dateline.newsroom.models import Article
from dateline.subscriptions.push import tasks
from dateline.subscriptions.push.checks import NewSubscription
from dateline.subscriptions.push.models import Alert, Subscription

log = logging.getLogger(__name__)


def subscribe(new: NewSubscription, *, user=None) -> Subscription:
    """Keep the device's subscription (a browser subscribing again replaces its keys).
    One transaction: update_or_create's own."""
    owner = user if user is not None and user.is_authenticated else None
    subscription, _created = Subscription.objects.update_or_create(
        endpoint=new.endpoint,
        defaults={"p256dh": new.p256dh, "auth": new.auth, "language": new.language,
                  "user": owner})
    return subscription


def unsubscribe(endpoint: str, *, auth: str) -> int:
    """Remove the device's subscription; the number removed (0 or 1). The endpoint and its
    secret together prove the device: either alone removes nothing."""
    return Subscription.objects.filter(endpoint=endpoint, auth=auth).delete()[1].get(
        Subscription._meta.label, 0)


def alert_on_publish(event: ArticlePublished) -> Alert | None:
    """A breaking story just published starts its alert, once: later events (a second
    server hearing it, the story published again) find the row and do nothing."""
    if not event.is_breaking or not _fresh(event.published_at):
        return None
    lead = Article.objects.filter(pk=event.article_id).values_list("lead", flat=True).first()
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                article_id=event.article_id, language=event.language,
                headline=event.headline[:300], lead=lead or "", url=event.url[:500])
            # the database backend keeps the job in this transaction: no alert without it
            tasks.fan_out.enqueue(alert.pk)
    except IntegrityError:
        return None
    return alert


def _fresh(published_at: str | None) -> bool:
    """Only a story published just now alerts: a replayed event or a story put back up
    after a withdrawal does not (its first publication time is kept)."""
    if published_at is None:
        return False
    try:
        when = datetime.fromisoformat(published_at)
    except ValueError:
        return False
    return timezone.now() - when <= timedelta(seconds=settings.PUSH_ALERT_WITHIN_SECONDS)


def push_data(user) -> list[dict]:
    """The reader's devices subscribed while signed in, for their data export."""
    return [{"edition": s.language, "endpoint": s.endpoint, "subscribed": s.created_at.isoformat()}
            for s in Subscription.objects.filter(user=user).order_by("pk")]


def forget(user) -> int:
    """Remove the reader's devices (their account is going); the number removed."""
    return Subscription.objects.filter(user=user).delete()[1].get(Subscription._meta.label, 0)
