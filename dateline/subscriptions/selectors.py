"""Read paths: what a reader's data export shows of their subscriptions."""

from __future__ import annotations

from django.db.models import Q

from dateline.subscriptions.models import Subscriber


def reader_subscriptions(user) -> list[dict]:
    """The email subscriptions of an account, or of its address, with their choices."""
    query = Q(user=user) | Q(email=user.email.lower()) if user.email else Q(user=user)
    return [{"email": s.email, "edition": s.language, "status": s.status,
             "sections": [section.name for section in s.sections.all()],
             "breaking_alerts": s.breaking, "daily_digest": s.digest,
             "digest_hour": s.digest_hour, "time_zone": s.time_zone,
             "subscribed": s.created_at.isoformat(),
             "confirmed": s.confirmed_at.isoformat() if s.confirmed_at else None,
             "issues_received": s.sent_count}
            for s in Subscriber.objects.filter(query).prefetch_related("sections").annotate(
                sent_count=_sent())]


def _sent():
    from django.db.models import Count

    return Count("deliveries", filter=Q(deliveries__status="sent"))
