"""Parsed items into the wire: versions kept, duplicates grouped, the desk alerted.

One transaction per payload. An item the wire has already (the same version, or, for a
format without versions, the same words and status) is skipped, so reading a payload twice
stores nothing twice: polling, a folder and a push may all deliver it.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from dateline.events import WireItemChanged, emit
from dateline.newsroom.sanitize import sanitize_html
from dateline.wire import dedup
from dateline.wire.formats import ParsedItem, parse
from dateline.wire.models import Alert, Feed, NearKey, Take, WireItem

log = logging.getLogger(__name__)
NEAR_WINDOW = timedelta(days=3)  # the same story is looked for among items this recent
NEAR_CANDIDATES = 50


def receive(feed: Feed, payload: bytes) -> list[WireItem]:
    """Parse a payload of the feed's format and store what is new; the items stored.
    Raises FormatError (nothing stored) when the payload does not parse."""
    stored = []
    with transaction.atomic():
        for parsed in parse(feed.format, payload):
            try:
                with transaction.atomic():  # one bad item does not lose the others
                    item = store(feed, parsed)
            except IntegrityError:  # another worker stored it at the same moment
                continue
            if item is not None:
                stored.append(item)
    return stored


def store(feed: Feed, parsed: ParsedItem) -> WireItem | None:
    language = (parsed.language or feed.language)[:2].lower()
    if language not in dict(WireItem._meta.get_field("language").choices):
        language = feed.language
    digest = dedup.content_hash(parsed.status, parsed.headline, parsed.lead, parsed.body)
    current = (WireItem.objects.select_for_update()
               .filter(agency_id=feed.agency_id, guid=parsed.guid, current=True).first())
    if current is not None:
        if parsed.version and parsed.version <= current.version:
            return None  # this version or a newer one is here already
        if not parsed.version and digest == current.content_hash:
            return None
    version = parsed.version or (current.version + 1 if current else 1)
    if current is not None:
        WireItem.objects.filter(pk=current.pk).update(current=False)
    signature = dedup.signature(parsed.headline, parsed.lead, parsed.body)
    item = WireItem.objects.create(
        feed=feed, agency_id=feed.agency_id, guid=parsed.guid, version=version,
        priority=min(max(parsed.priority, 1), 9), status=parsed.status,
        headline=parsed.headline[:300], lead=parsed.lead, body=sanitize_html(parsed.body),
        dateline_place=parsed.dateline_place[:100], dateline_date=parsed.dateline_date,
        byline=parsed.byline[:200], language=language, subjects=parsed.subjects,
        embargo=parsed.embargo, sent_at=parsed.sent_at, raw=parsed.raw,
        content_hash=digest, signature=signature,
        cluster_id=current.cluster_id if current else None)
    keys = dedup.band_keys(signature, language)
    if item.cluster_id is None:
        item.cluster_id = _same_story(item, keys) or item.pk
        WireItem.objects.filter(pk=item.pk).update(cluster_id=item.cluster_id)
    NearKey.objects.bulk_create([NearKey(item=item, key=key) for key in keys])
    alert = _alert(item, current)
    event = WireItemChanged(
        item_id=item.pk, agency_id=item.agency_id, agency=feed.agency.code,
        language=language, priority=item.priority, status=item.status,
        headline=item.headline, received_at=item.received_at.isoformat(),
        cluster_id=item.cluster_id, alert=alert.kind if alert else "",
        article_id=alert.article_id if alert else None,
        replaces=current.pk if current else None)
    transaction.on_commit(lambda: emit(event))
    return item


def _same_story(item: WireItem, keys: list[int]) -> int | None:
    """The cluster of an earlier item with the same words, or near enough, in the language.

    Each lookup goes through its own index first (content hash, band keys) and is narrowed
    after: left to choose, SQLite without statistics scans the language's recent items."""
    since = timezone.now() - NEAR_WINDOW

    def earlier(ids) -> QuerySet[WireItem]:
        return WireItem.objects.filter(pk__in=ids, language=item.language,
                                       received_at__gte=since).exclude(
            agency_id=item.agency_id, guid=item.guid)

    same_words = list(WireItem.objects.filter(content_hash=item.content_hash)
                      .exclude(pk=item.pk).values_list("pk", flat=True)[:NEAR_CANDIDATES])
    if same_words and (exact := earlier(same_words).values_list("cluster_id", flat=True)
                       .first()):
        return exact
    # the items sharing the most band keys first: the likeliest to be the same story, and a
    # bound on the work however many items share a key or two by chance
    near = list(NearKey.objects.filter(key__in=keys).exclude(item_id=item.pk)
                .values("item_id").annotate(shared=Count("id")).order_by("-shared")
                .values_list("item_id", flat=True)[:NEAR_CANDIDATES])
    if not near:
        return None
    candidates = (earlier(near).order_by("-received_at")
                  .values_list("cluster_id", "signature")[:NEAR_CANDIDATES])
    best, cluster = dedup.SAME, None
    for cluster_id, signature in candidates:
        if (score := dedup.similarity(item.signature, signature)) >= best:
            best, cluster = score, cluster_id
    return cluster


def _alert(item: WireItem, previous: WireItem | None) -> Alert | None:
    """Tell the desk of urgent copy, and of a kill or withhold of copy we ran."""
    if item.status in (WireItem.Status.CANCELED, WireItem.Status.WITHHELD):
        take = (Take.objects.filter(item__agency_id=item.agency_id, item__guid=item.guid)
                .select_related("article").order_by("-at").first())
        if take is not None:
            kind = (Alert.Kind.KILL if item.status == WireItem.Status.CANCELED
                    else Alert.Kind.WITHHOLD)
            return Alert.objects.create(kind=kind, item=item, article=take.article)
        return None
    if item.urgent and (previous is None or not previous.urgent):
        return Alert.objects.create(kind=Alert.Kind.URGENT, item=item)
    return None
