"""Read paths of the figures: each one query, grouped in the database, of bounded size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr, TruncHour
from django.utils import timezone

from dateline.analytics.models import Kind, StoryDay, StoryHour, TrafficDay, TrafficHour
from dateline.discussion.models import Comment
from dateline.newsroom.models import Article, Section

MOST_READ_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Period:
    key: str
    span: timedelta
    hourly: bool  # one point an hour, else one a day


PERIODS = {p.key: p for p in (Period("24h", timedelta(hours=24), True),
                              Period("7d", timedelta(days=7), False),
                              Period("30d", timedelta(days=30), False),
                              Period("365d", timedelta(days=365), False))}
DEFAULT_PERIOD = PERIODS["24h"]


def _hour(when: datetime) -> datetime:
    return when.replace(minute=0, second=0, microsecond=0)


def most_read(*, language: str, section: Section | None = None, limit: int = 5
              ) -> list[Article]:
    """The public stories of an edition (or a section) read most in the last 24 hours."""
    since = _hour(timezone.now() - MOST_READ_WINDOW)
    where = {"language": language, "hour__gte": since}
    if section is not None:
        where["section"] = section
    # Ranked inside StoryHour's (language | section, hour) index, the public ones only, in a
    # subquery; the stories are then fetched by id. Joined from the stories' side instead,
    # the database walked every published story of the year.
    ranked = (StoryHour.objects.filter(**where, article__status=Article.Status.PUBLISHED,
                                       article__published_at__lte=timezone.now())
              .values("article_id").annotate(n=Sum("reads"))
              .order_by("-n", "-article__published_at", "-article_id")
              .values("article_id")[:limit])
    return list(Article.objects.filter(pk__in=ranked)
                .annotate(reads=Sum("hourly_reads__reads",
                                    filter=_within("hourly_reads__", where)))
                .select_related("section").only("id", "headline", "slug", "language",
                                                "section__id", "section__slug")
                .order_by("-reads", "-published_at", "-id"))


def _within(prefix: str, where: dict) -> Q:
    return Q(**{prefix + key: value for key, value in where.items()})


def points(period: Period, now: datetime) -> list[datetime | date]:
    """Every hour or day of the period, oldest first: the charts' x axis, gaps at zero."""
    if period.hourly:
        last = _hour(now)
        hours = int(period.span / timedelta(hours=1))
        return [last - timedelta(hours=n) for n in range(hours)][::-1]
    today = timezone.localdate(now)
    return [today - timedelta(days=n) for n in range(period.span.days)][::-1]


def start(period: Period, now: datetime) -> datetime:
    first = points(period, now)[0]
    if period.hourly:
        return first
    return timezone.make_aware(datetime.combine(first, datetime.min.time()))


def point_of(period: Period, hour: datetime) -> datetime | date:
    """The chart point an hour (UTC) falls in: its local hour, or its local day."""
    local = timezone.localtime(hour)
    return local.replace(minute=0, second=0, microsecond=0) if period.hourly else local.date()


def _sum_by_point(period: Period, rows) -> dict:
    # Grouped in the database by the hour, then into the period's points here: a per-row
    # date function is a Python call on SQLite, and made that the page's whole cost.
    out: dict = {}
    for hour, n in rows:
        point = point_of(period, hour)
        out[point] = out.get(point, 0) + n
    return out


def _traffic(period: Period, now: datetime) -> QuerySet:
    """The traffic rows of the period: hourly for a day, else daily (365 a year per key)."""
    if period.hourly:
        return TrafficHour.objects.filter(hour__gte=start(period, now))
    return TrafficDay.objects.filter(day__gte=points(period, now)[0])


def reads_over_time(period: Period, now: datetime) -> dict:
    """Reads in each hour or day of the period: {point: reads}."""
    if not period.hourly:
        return dict(_traffic(period, now).values("day").annotate(n=Sum("reads")).order_by()
                    .values_list("day", "n"))
    rows = (_traffic(period, now).values("hour").annotate(n=Sum("reads")).order_by()
            .values_list("hour", "n"))
    return _sum_by_point(period, rows)


def comments_over_time(period: Period, now: datetime) -> dict:
    """Comments written in each hour or day of the period: {point: comments}."""
    since = start(period, now)
    comments = Comment.objects.filter(created_at__gte=since)
    if connection.vendor == "sqlite":
        # stored as UTC text: its first 13 characters name the hour, no function per row
        rows = (comments.annotate(at=Substr("created_at", 1, 13)).values("at")
                .annotate(n=Count("id")).order_by().values_list("at", "n"))
        rows = [(datetime.fromisoformat(f"{at}:00+00:00"), n) for at, n in rows]
    else:
        rows = (comments.annotate(at=TruncHour("created_at", tzinfo=UTC)).values("at")
                .annotate(n=Count("id")).order_by().values_list("at", "n"))
    return _sum_by_point(period, rows)


def reads_per_section(period: Period, now: datetime) -> list[tuple[str, str, int]]:
    """(language, section name, reads) for each section read in the period, most first;
    pages of no section (home) under an empty name."""
    rows = list(_traffic(period, now).values("language", "section_ref")
                .annotate(n=Sum("reads")).order_by("-n"))
    names = dict(Section.objects.filter(pk__in={r["section_ref"] for r in rows})
                 .values_list("pk", "name"))
    return [(r["language"], names.get(r["section_ref"], ""), r["n"]) for r in rows
            if r["section_ref"] in names or not r["section_ref"]]


def arrivals(period: Period, now: datetime) -> dict[str, int]:
    """Readers arriving from outside, by kind (moves between our pages are not arrivals)."""
    rows = (_traffic(period, now).exclude(kind=Kind.INTERNAL).values("kind")
            .annotate(n=Sum("reads")).order_by())
    return {row["kind"]: row["n"] for row in rows}


def top_last_hour(now: datetime, *, limit: int = 10) -> list[Article]:
    """The stories read most in this clock hour and the one before it."""
    return list(Article.objects.filter(hourly_reads__hour__gte=_hour(now) - timedelta(hours=1))
                .annotate(reads=Sum("hourly_reads__reads"))
                .select_related("section").only("id", "headline", "language", "section__name")
                .order_by("-reads", "-id")[:limit])


def story_days(article: Article, *, days: int = 365) -> dict[date, int]:
    """A story's reads per day, the last `days` days: {day: reads}."""
    since = timezone.localdate() - timedelta(days=days - 1)
    return dict(StoryDay.objects.filter(article=article, day__gte=since)
                .values_list("day", "reads"))


def story_total(article: Article) -> int:
    """Every read of a story ever counted."""
    return StoryDay.objects.filter(article=article).aggregate(n=Sum("reads"))["n"] or 0
