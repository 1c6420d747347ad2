"""What a partner key may read: stories that went out, in its editions and sections.

A story leaves once it is published and its time has come. Drafts, stories in review and
scheduled ones never do. An unpublished story that had gone out stays listed, as withdrawn,
so partners learn to take it down: its status and updated_at say when (the unpublish bumps
updated_at; a later edit of the withdrawn story only repeats the withdrawal).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from dateline.newsroom.models import Article, Byline
from dateline.wire.models import PartnerKey

PAGE_MAX = 100
# A change is listed once it is this old. updated_at is stamped inside the transaction,
# before its commit: a story saved at 12:00:00.100 that commits at 12:00:00.300 must not be
# skipped by a partner who read the list at 12:00:00.200 and moved on past 12:00:00.100.
# The wait also covers small clock differences between app servers.
SETTLE = timedelta(seconds=5)


def key_languages(key: PartnerKey) -> list[str] | None:
    """The editions a key may read; None for every edition. A value the desk could not have
    saved reads as no edition at all (never as every one)."""
    if key.languages in (None, [], ""):
        return None
    if not isinstance(key.languages, list):
        return []
    known = {code for code, _name in settings.LANGUAGES}
    return [code for code in key.languages if isinstance(code, str) and code in known]


def partner_stories(key: PartnerKey) -> QuerySet[Article]:
    """Every story that went out, within the key's editions and sections, ready to map."""
    rows = Article.objects.filter(
        status__in=[Article.Status.PUBLISHED, Article.Status.UNPUBLISHED],
        published_at__lte=timezone.now())
    languages = key_languages(key)
    if languages is not None:
        rows = rows.filter(language__in=languages)
    sections = list(key.sections.values_list("pk", flat=True))
    if sections:
        rows = rows.filter(section_id__in=sections)
    return rows.select_related("section", "agency", "lead_image").prefetch_related(
        "tags", "corrections", Prefetch("bylines", queryset=Byline.objects.select_related(
            "author")))


def partner_changes(key: PartnerKey, *, after: tuple[datetime, int] | None = None,
                    since: datetime | None = None, language: str | None = None,
                    section: str | None = None, limit: int = PAGE_MAX) -> list[Article]:
    """Stories changed after the (updated_at, id) mark, or at or since a time, oldest change
    first: at most limit + 1, the one over saying there is more. Query count: four."""
    rows = partner_stories(key).filter(updated_at__lte=timezone.now() - SETTLE)
    if language is not None:
        rows = rows.filter(language=language)
    if section is not None:
        rows = rows.filter(section__slug=section)
    if after is not None:
        moment, pk = after
        rows = rows.filter(Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=pk))
    elif since is not None:
        rows = rows.filter(updated_at__gte=since)
    return list(rows.order_by("updated_at", "pk")[:limit + 1])


def partner_story(key: PartnerKey, pk: int) -> Article | None:
    """One story as the key may see it, or None. Query count: four."""
    return partner_stories(key).filter(pk=pk).first()
