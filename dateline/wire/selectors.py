"""The wire monitor's reads: the newest current items under the desk's filters, each with
how many agencies sent the same story; an item's versions; open alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet

from dateline.wire.models import Alert, Feed, Take, WireItem

PAGE = 50


@dataclass
class Filters:
    agency: int | None = None
    language: str = ""
    priority: int | None = None  # at most this (1 = flash only)
    subject: str = ""
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    before: int | None = None  # keyset: items older than this id


def monitor(filters: Filters) -> tuple[list[WireItem], int | None]:
    """A page of the newest current items (one query, plus one for their story sizes), and
    the id to page on from, if there are more."""
    items = (WireItem.objects.filter(current=True).select_related("agency", "feed")
             .defer("raw", "body", "signature"))
    if filters.agency:
        items = items.filter(agency_id=filters.agency)
    if filters.language:
        items = items.filter(language=filters.language)
    if filters.priority:
        items = items.filter(priority__lte=filters.priority)
    if filters.subject:
        items = items.filter(subjects__icontains=filters.subject)
    if filters.since:
        items = items.filter(received_at__gte=filters.since)
    if filters.until:
        items = items.filter(received_at__lt=filters.until)
    if filters.text:
        for word in filters.text.split()[:8]:
            items = items.filter(Q(headline__icontains=word) | Q(lead__icontains=word)
                                 | Q(body__icontains=word))
    if filters.before:
        items = items.filter(id__lt=filters.before)
    page = list(items.order_by("-id")[:PAGE + 1])
    more = page[PAGE - 1].pk if len(page) > PAGE else None
    page = page[:PAGE]
    sizes = _story_sizes([item.cluster_id for item in page if item.cluster_id])
    for item in page:
        item.agencies = sizes.get(item.cluster_id, 1)
    return page, more


def _story_sizes(clusters: list[int]) -> dict[int, int]:
    if not clusters:
        return {}
    rows = (WireItem.objects.filter(cluster_id__in=set(clusters), current=True)
            .values("cluster_id").annotate(n=Count("agency", distinct=True)))
    return {row["cluster_id"]: row["n"] for row in rows}


def versions(item: WireItem) -> QuerySet[WireItem]:
    return WireItem.objects.filter(agency_id=item.agency_id, guid=item.guid).order_by("-version")


def same_story(item: WireItem) -> QuerySet[WireItem]:
    """The same story as sent by other agencies (and other items of this one)."""
    return (WireItem.objects.filter(cluster_id=item.cluster_id, current=True)
            .exclude(pk=item.pk).select_related("agency").defer("raw", "body", "signature")
            .order_by("-received_at")[:20])


def open_alerts() -> QuerySet[Alert]:
    return (Alert.objects.filter(resolved_at=None).select_related("item__agency", "article")
            .order_by("-created_at")[:20])


def failing_feeds() -> list[Feed]:
    """Enabled feeds whose last look failed, with the error the desk should read."""
    return list(Feed.objects.filter(enabled=True).exclude(last_error="")
                .select_related("agency").order_by("-checked_at")[:10])


def taken_item(article_id: int) -> WireItem | None:
    """The wire item a story was made from, with its agency (one query), or None."""
    take = Take.objects.filter(article_id=article_id).select_related("item__agency").first()
    return take.item if take else None
