"""Writing a closed minute of counts into the hourly and daily tables, exactly once."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from dateline.analytics import counter
from dateline.analytics.models import (
    FlushedBucket,
    StoryDay,
    StoryHour,
    TrafficDay,
    TrafficHour,
)
from dateline.newsroom.models import Article, Section

# A beacon that took its minute just before the minute ended may still be writing into it.
GRACE = timedelta(seconds=10)
LOOK_BACK = timedelta(seconds=counter.KEEP_SECONDS)


def closed_minutes(now: datetime) -> list[datetime]:
    """The minutes whose buckets may still be in the cache and can take no more reads."""
    last = counter.minute_of(now - GRACE) - counter.BUCKET
    count = int(LOOK_BACK / counter.BUCKET)
    return [last - counter.BUCKET * back for back in range(count)]


def flush(now: datetime | None = None) -> int:
    """Write every closed bucket not yet written; how many buckets were written."""
    minutes = closed_minutes(now or timezone.now())
    sizes = counter.sizes(minutes)
    if not sizes:
        return 0
    done = set(FlushedBucket.objects.filter(minute__in=list(sizes))
               .values_list("minute", flat=True))
    written = 0
    for minute, size in sorted(sizes.items()):
        if minute not in done:
            written += write_bucket(minute, counter.bucket(minute, size))
        counter.forget(minute, size)
    return written


def write_bucket(minute: datetime, counts: dict[counter.Read, int]) -> int:
    """One bucket in one transaction, guarded by its FlushedBucket row: 1 if written."""
    try:
        with transaction.atomic():
            FlushedBucket.objects.create(minute=minute)
            _write(minute, counts)
    except IntegrityError:
        return 0  # another flush wrote this minute already
    return 1


def _write(minute: datetime, counts: dict[counter.Read, int]) -> None:
    stories = {pk: (section, language) for pk, section, language in Article.objects.filter(
        pk__in={read.article for read in counts if read.article}
    ).values_list("pk", "section_id", "language")}
    sections = set(Section.objects.filter(
        pk__in={read.section for read in counts if read.section}).values_list("pk", flat=True))
    hour = minute.replace(minute=0)
    day = timezone.localdate(minute)
    story_reads: Counter[int] = Counter()
    traffic: Counter[tuple[str, int, str]] = Counter()
    for read, n in counts.items():
        if read.article:
            if read.article not in stories:
                continue  # a story deleted since, or an id no story ever had
            section, language = stories[read.article]
            story_reads[read.article] += n
        else:
            if read.section and read.section not in sections:
                continue
            section, language = read.section, read.language
        traffic[(language, section, read.kind)] += n
    _add(StoryHour, ["article_id", "hour"], [
        (pk, hour, n, stories[pk][0], stories[pk][1]) for pk, n in story_reads.items()],
        extra=["section_id", "language"])
    _add(StoryDay, ["article_id", "day"], [(pk, day, n) for pk, n in story_reads.items()])
    _add(TrafficHour, ["hour", "language", "section_ref", "kind"], [
        (hour, language, section, kind, n) for (language, section, kind), n in traffic.items()])
    _add(TrafficDay, ["day", "language", "section_ref", "kind"], [
        (day, language, section, kind, n) for (language, section, kind), n in traffic.items()])


def _add(model, key: list[str], rows: list[tuple], *, extra: tuple | list = ()) -> None:
    """Insert rows (key..., reads, extra...), adding reads to a row already there."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [*key, "reads", *extra]
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    holes = ", ".join(["%s"] * len(columns))
    conflict = ", ".join(connection.ops.quote_name(c) for c in key)
    reads = connection.ops.quote_name("reads")
    sql = (f"INSERT INTO {table} ({quoted}) VALUES ({holes}) ON CONFLICT ({conflict}) "  # noqa: S608
           f"DO UPDATE SET {reads} = {table}.{reads} + excluded.{reads}")
    fields = [model._meta.get_field(_field_name(column)) for column in columns]
    prepared = [[field.get_db_prep_value(value, connection)
                 for field, value in zip(fields, row, strict=True)] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, prepared)


def _field_name(column: str) -> str:
    return column.removesuffix("_id")  # article_id -> the article field


def prune(now: datetime | None = None, *, keep: timedelta) -> int:
    """Drop hourly story rows and bucket marks older than keep; how many story rows went."""
    before = (now or timezone.now()) - keep
    deleted, _ = StoryHour.objects.filter(hour__lt=before).delete()
    FlushedBucket.objects.filter(minute__lt=before).delete()
    return deleted
