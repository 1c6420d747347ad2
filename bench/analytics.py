"""Editors' analytics on a year of counts: the desk page and "most read", timed in-process.

    PYTHONPATH=. .venv/bin/python bench/analytics.py --stories 100000 --days 365

Builds its own data dir (SQLite, or DATABASE_URL if set) and fills it with bulk inserts:
the stories spread over the year, each read on its first days (daily rows), the last 8 days'
hourly rows of the stories published in them, every hour of the year for every section,
edition and kind of arrival (the site's traffic), and the year's comments. Then it asks for
the desk's page for each period and for most_read, and prints p50/p95 per request.
With --reuse DIR the data dir (and the PostgreSQL database of DATABASE_URL) is kept: a
second run migrates and times at once. --profile prints where a year's page spends its time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline

BATCH = 5000
SECTIONS = 10  # per edition
KINDS = ["search", "social", "direct", "newsletter", "other", "internal"]


def setup(data_dir: str) -> None:
    os.environ["DATELINE_DATA_DIR"] = data_dir
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # the desk names its files


def fill(stories: int, days: int, comments: int) -> dict:
    from django.utils import timezone

    from dateline.analytics.models import StoryDay, StoryHour, TrafficDay, TrafficHour
    from dateline.discussion.models import Comment
    from dateline.newsroom.models import Article, Section

    rng = random.Random(7)
    now = timezone.now()
    hour_now = now.replace(minute=0, second=0, microsecond=0)
    started = time.perf_counter()
    sections = Section.objects.bulk_create([
        Section(name=f"Section {language} {n}", slug=f"section-{n}", language=language, order=n)
        for language in ("en", "ru") for n in range(SECTIONS)])
    articles = []
    for n in range(stories):
        section = sections[n % len(sections)]
        articles.append(Article(
            section=section, language=section.language, headline=f"Story {n}", slug=f"story-{n}",
            lead="Lead.", body="<p>Body.</p>", status="published",
            published_at=now - timedelta(seconds=days * 86400 * (stories - n) / stories)))
    for i in range(0, stories, BATCH):
        Article.objects.bulk_create(articles[i:i + BATCH], batch_size=BATCH)
    today = timezone.localdate(now)
    daily, hourly = [], []
    for article in articles:
        age_days = (now - article.published_at).days
        for d in range(min(age_days + 1, 7)):  # a story is read on its first week
            daily.append(StoryDay(article=article, day=today - timedelta(days=age_days - d),
                                  reads=rng.randint(1, 400)))
        if age_days < 8:
            first = article.published_at.replace(minute=0, second=0, microsecond=0)
            for h in range(48):
                when = first + timedelta(hours=h)
                if when > hour_now:
                    break
                hourly.append(StoryHour(article=article, section_id=article.section_id,
                                        language=article.language, hour=when,
                                        reads=rng.randint(1, 50)))
    StoryDay.objects.bulk_create(daily, batch_size=BATCH)
    StoryHour.objects.bulk_create(hourly, batch_size=BATCH)
    traffic, per_day = 0, {}
    for h in range(days * 24):
        hour = hour_now - timedelta(hours=h)
        rows = [TrafficHour(hour=hour, language=language, section_ref=ref, kind=kind,
                            reads=rng.randint(0, 300))
                for language in ("en", "ru")
                for ref in [0, *(s.pk for s in sections if s.language == language)]
                for kind in KINDS]
        TrafficHour.objects.bulk_create(rows, batch_size=BATCH)
        traffic += len(rows)
        day = timezone.localdate(hour)
        for row in rows:
            key = (day, row.language, row.section_ref, row.kind)
            per_day[key] = per_day.get(key, 0) + row.reads
    TrafficDay.objects.bulk_create([
        TrafficDay(day=d, language=lang, section_ref=ref, kind=kind, reads=n)
        for (d, lang, ref, kind), n in per_day.items()], batch_size=BATCH)
    ids = [a.pk for a in articles[-5000:]]
    for i in range(0, comments, BATCH):
        Comment.objects.bulk_create([
            Comment(article_id=rng.choice(ids), body="A comment.",
                    created_at=now - timedelta(seconds=rng.randint(0, days * 86400)))
            for _ in range(min(BATCH, comments - i))])
    return {"stories": stories, "daily rows": len(daily), "hourly story rows": len(hourly),
            "hourly traffic rows": traffic, "daily traffic rows": len(per_day),
            "comments": comments,
            "fill seconds": round(time.perf_counter() - started, 1),
            "section": sections[0]}


def timed(call, runs: int) -> str:
    call()  # warm
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return f"p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   ({runs} runs)"


def measure(section, runs: int) -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    from dateline.analytics.selectors import most_read

    user = User.objects.filter(username="bench").first() or User.objects.create_superuser(
        "bench", "bench@example.org", "bench-pass-2026")
    client = Client()
    client.force_login(user)

    def page(period: str):
        def get():
            response = client.get("/admin/analytics/", {"period": period})
            assert response.status_code == 200, response.status_code
        return get

    for period in ("24h", "7d", "30d", "365d"):
        print(f"desk page, {period:>4}:        {timed(page(period), runs)}")
    story = section.articles.order_by("-published_at").first()

    def story_page():
        assert client.get(f"/admin/analytics/story/{story.pk}/",
                          {"period": "365d"}).status_code == 200

    print(f"story page, a year:      {timed(story_page, runs)}")
    print(f"most_read(en):           {timed(lambda: most_read(language='en'), runs * 10)}")
    print(f"most_read(en, section):  "
          f"{timed(lambda: most_read(language='en', section=section), runs * 10)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reuse", metavar="DIR", help="keep the filled data here between runs")
    parser.add_argument("--profile", action="store_true", help="profile a year's desk page")
    args = parser.parse_args()
    if args.reuse:
        Path(args.reuse).mkdir(parents=True, exist_ok=True)
        run(str(Path(args.reuse).resolve()), args)
        return
    with tempfile.TemporaryDirectory(prefix="dateline-bench-analytics-") as data_dir:
        run(data_dir, args)


def run(data_dir: str, args) -> None:
    setup(data_dir)
    from django.conf import settings

    from dateline.newsroom.models import Article, Section

    print("database:", settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1])
    if args.reuse and Article.objects.count() == args.stories:
        print(f"reusing {args.stories} stories and their counts")
        section = Section.objects.order_by("pk").first()
    else:
        if Article.objects.exists():
            sys.exit(f"{data_dir} holds other data: remove it first")
        filled = fill(args.stories, args.days, args.comments)
        section = filled.pop("section")
        print(", ".join(f"{k}: {v}" for k, v in filled.items()))
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        from django.db import connection

        with connection.cursor() as cursor:
            # as autovacuum leaves a live site: statistics, and pages marked all-visible so
            # counts can be answered from an index alone
            cursor.execute("VACUUM ANALYZE")
    if args.profile:
        profile_year()
        return
    measure(section, args.runs)


def profile_year() -> None:
    import cProfile
    import pstats

    from django.contrib.auth.models import User
    from django.test import Client

    user = User.objects.filter(username="bench").first() or User.objects.create_superuser(
        "bench", "bench@example.org", "bench-pass-2026")
    client = Client()
    client.force_login(user)
    client.get("/admin/analytics/", {"period": "365d"})
    profile = cProfile.Profile()
    profile.runcall(lambda: [client.get("/admin/analytics/", {"period": "365d"})
                             for _ in range(5)])
    pstats.Stats(profile).sort_stats("cumulative").print_stats("dateline|execute|render", 40)


if __name__ == "__main__":
    main()
