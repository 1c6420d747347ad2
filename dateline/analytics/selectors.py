"""Read paths of the figures: each one query, grouped in the database, of bounded size."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import connection
from django.db.models import Q, QuerySet, Sum
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


def _sum_by_point(period: Period, now: datetime, rows) -> dict:
    # Grouped in the database by the hour, then into the period's points here: a per-row
    # date function is a Python call on SQLite, and made that the page's whole cost. Each
    # hour finds its point among the points' first instants (UTC) by bisection: converting
    # 8,760 hours of a year to local time one by one cost more than the query.
    found = points(period, now)
    firsts = _firsts(period, found)
    out: dict = {}
    for hour, n in rows:
        i = bisect_right(firsts, hour) - 1
        if 0 <= i < len(found):
            out[found[i]] = out.get(found[i], 0) + n
    return out


def _firsts(period: Period, found: list) -> list[datetime]:
    """The first instant (UTC) of each point, then the end of the last."""
    firsts = [_first_instant(period, p) for p in found]
    firsts.append(firsts[-1] + timedelta(hours=1) if period.hourly
                  else _first_instant(period, found[-1] + timedelta(days=1)))
    return firsts


def _first_instant(period: Period, point: datetime | date) -> datetime:
    if period.hourly:
        return point.astimezone(UTC)
    return timezone.make_aware(datetime.combine(point, datetime.min.time())).astimezone(UTC)


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
    return _sum_by_point(period, now, rows)


def comments_over_time(period: Period, now: datetime) -> dict:
    """Comments written in each hour or day of the period: {point: comments}."""
    # One count per point, each a range of the comments' index on their time, in one query:
    # a year of 200,000 comments grouped by the hour cost a sort of them all (~80 ms on
    # SQLite); 365 counted ranges cost ~10 ms. The points' bounds are their first instants
    # in UTC, so a day is the local day.
    found = points(period, now)
    firsts = _firsts(period, found)
    ops, quote = connection.ops, connection.ops.quote_name
    params: list = []
    for n, (low, high) in enumerate(zip(firsts, firsts[1:], strict=False)):
        params += [n, ops.adapt_datetimefield_value(low), ops.adapt_datetimefield_value(high)]
    table, column = quote(Comment._meta.db_table), quote("created_at")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT b.column1, (SELECT COUNT(*) FROM {table} c WHERE c.{column} >= b.column2 "
            f"AND c.{column} < b.column3) FROM (VALUES {', '.join(['(%s, %s, %s)'] * len(found))}"
            ") b", params)
        return {found[n]: count for n, count in cursor.fetchall() if count}


@dataclass
class Split:
    """The period's reads per section and arrivals by kind, from one pass over its rows."""

    sections: list[tuple[str, str, int]]  # (language, section name, reads), most first
    arrivals: dict[str, int]  # kind: reads, moves between our pages left out


def split(period: Period, now: datetime) -> Split:
    """Reads per section (pages of no section, home, under an empty name) and readers
    arriving from outside by kind: one grouped query (a year is 48,000 daily rows; each
    pass over them costs ~20 ms on SQLite), then the section names."""
    rows = list(_traffic(period, now).values_list("language", "section_ref", "kind")
                .annotate(n=Sum("reads")).order_by())
    per_section: dict[tuple[str, int], int] = {}
    arrivals: dict[str, int] = {}
    for language, ref, kind, n in rows:
        per_section[language, ref] = per_section.get((language, ref), 0) + n
        if kind != Kind.INTERNAL:
            arrivals[kind] = arrivals.get(kind, 0) + n
    names = dict(Section.objects.filter(pk__in={ref for _l, ref in per_section})
                 .values_list("pk", "name"))
    ranked = sorted(per_section.items(), key=lambda item: -item[1])
    return Split(sections=[(language, names.get(ref, ""), n) for (language, ref), n in ranked
                           if ref in names or not ref], arrivals=arrivals)


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
