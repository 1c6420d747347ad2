"""CPU per rendered reader page at archive size: story, home, section, tag, author, archive day.

    PYTHONPATH=. .venv/bin/python bench/render.py                     # 100,000 stories
    PYTHONPATH=. .venv/bin/python bench/render.py --data-dir DIR      # build once, reuse after
    PYTHONPATH=. .venv/bin/python bench/render.py --quick             # 10,000 stories, 20 rounds
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/render_bench \\
        PYTHONPATH=. .venv/bin/python bench/render.py --stories 100000

Stories are written in bulk, half English and half Russian: ten sections per edition, tags
drawn from a Zipf distribution (the commonest English tag is on tens of thousands of
stories), authors on the newsroom's own copy, agencies on the rest, a lead image on a third,
a day's reads for "most read". An existing archive of the requested size in --data-dir (or
the DATABASE_URL database) is reused; --fresh drops it first.

Each page is then asked for in-process through Django's test client with the page store
off (PAGE_STORE=off), so every request renders (middleware, view, queries, template); the
menu and Newsfeed parts are the ones stored per edition change, as in production, and the
Newsfeed's own render is timed apart. CPU per request is time.process_time (one core),
not wall time: the figure holds on a machine others share. `measure()` returns the figures
as a dict for a side-by-side benchmark.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline

BATCH = 2000
SECTIONS = 10  # per edition
TAGS = 300  # per edition
AUTHORS = 60
WORDS = """government city council election minister police court president market report
water school health hospital price energy power border army family house road train river
bridge harbour ferry island storm weather farmer harvest trade export bank budget tax company
worker strike union law vote party leader opposition campaign parliament region village
mountain coast ship port airport flight museum festival music film theatre artist football
match team player coach season league record fire rescue science research university""".split()
PAGES = ("story", "home", "section", "tag", "author", "archive_day")


def setup(data_dir: str | None) -> str:
    """Point Django at the bench's data dir (made if not given) and migrate."""
    data_dir = data_dir or tempfile.mkdtemp(prefix="dateline-bench-render-")
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    os.environ["DATELINE_DATA_DIR"] = str(data_dir)
    os.environ["PAGE_STORE"] = "off"  # every request renders (a made-up parameter would hit)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name hashed files
    return str(data_dir)


def drop_everything() -> None:
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(WORDS, k=n))


def _zipf(n: int, s: float = 1.1) -> list[float]:
    return list(itertools.accumulate(1 / rank ** s for rank in range(1, n + 1)))


def build(stories: int, *, seed: int = 2026) -> None:
    """Write `stories` published stories, one every 7 minutes back from now, in bulk."""
    from django.utils import timezone

    from dateline.analytics.models import StoryHour
    from dateline.newsroom.models import Agency, Article, Author, Byline, LeadImage, Section, Tag

    try:
        from dateline.newsroom.models.listings import list_links
    except ImportError:
        list_links = None
    rng = random.Random(seed)
    languages = ("en", "ru")
    sections = {lang: Section.objects.bulk_create([
        Section(name=f"{_words(rng, 1).title()} {n}", slug=f"section-{n}", language=lang,
                order=n, tagline=_words(rng, 8)) for n in range(SECTIONS)]) for lang in languages}
    tags = {lang: Tag.objects.bulk_create([
        Tag(name=f"{_words(rng, 2).title()} {n}", slug=f"topic-{n}", language=lang)
        for n in range(TAGS)]) for lang in languages}
    tag_weights = _zipf(TAGS)
    agencies = Agency.objects.bulk_create([
        Agency(name=f"Agency {n}", code=f"AG{n}", name_ru=f"Агентство {n}") for n in range(4)])
    authors = Author.objects.bulk_create([
        Author(name=f"Reporter {n}", name_ru=f"Репортёр {n}", slug=f"reporter-{n}",
               bio=_words(rng, 30)) for n in range(AUTHORS)])
    now = timezone.now()
    through = Article.tags.through
    for start in range(0, stories, BATCH):
        count = min(BATCH, stories - start)
        images = LeadImage.objects.bulk_create([
            LeadImage(original=f"images/originals/bench-{start + i}.jpg", width=1600,
                      height=900, alt=_words(rng, 6), caption=_words(rng, 10),
                      credit="Photo desk",
                      renditions=[{"width": w, "height": w * 9 // 16,
                                   "url": f"/media/images/r/{start + i}-{w}.jpg"}
                                  for w in (480, 800, 1600)])
            for i in range(0, count, 3)])
        batch = []
        for i in range(count):
            n = start + i
            lang = languages[n % 2]
            paragraphs = "".join(f"<p>{_words(rng, 60).capitalize()}.</p>" for _ in range(8))
            wire = rng.random() < 0.3
            batch.append(Article(
                headline=_words(rng, 8).capitalize(), slug=f"story-{n}", lead=_words(rng, 35),
                body=paragraphs, language=lang, section=rng.choice(sections[lang]),
                agency=rng.choice(agencies) if wire else None,
                byline="Staff" if wire else "", dateline_place=_words(rng, 1).title(),
                status="published", published_at=now - timedelta(minutes=7 * n + 1),
                is_breaking=n < 2, comment_count=rng.randrange(40),
                lead_image=images[i // 3] if i % 3 == 0 else None))
        made = Article.objects.bulk_create(batch)
        links = [(a.pk, t.pk) for a in made for t in {
            *rng.choices(tags[a.language], cum_weights=tag_weights, k=rng.randint(1, 4))}]
        through.objects.bulk_create([through(article_id=a, tag_id=t) for a, t in links])
        if list_links is not None:  # the tag pages' kept list, where this checkout has one
            list_links(links)
        Byline.objects.bulk_create(
            [Byline(article_id=a.pk, author=author, position=p) for a in made if not a.agency_id
             for p, author in enumerate(rng.sample(authors, rng.choice((1, 1, 1, 2))))])
        print(f"\r  stories written: {start + count}", end="", file=sys.stderr)
    print(file=sys.stderr)
    if list_links is not None:  # and its kept section counts
        from dateline.newsroom.models.listings import recount_sections

        recount_sections(Section.objects.values_list("id", flat=True))
    hour = now.replace(minute=0, second=0, microsecond=0)
    recent = Article.objects.filter(published_at__gte=now - timedelta(days=1))
    StoryHour.objects.bulk_create([
        StoryHour(article=a, section_id=a.section_id, language=a.language,
                  hour=hour - timedelta(hours=h), reads=rng.randrange(1, 500))
        for a in recent for h in range(3)])


def ensure(stories: int, *, fresh: bool = False) -> None:
    """An archive of `stories` stories: the one there, or a new one."""
    from dateline.newsroom.models import Article

    if not fresh and Article.objects.count() == stories:
        return
    drop_everything()
    started = time.monotonic()
    build(stories)
    print(f"{stories} stories written in {time.monotonic() - started:.0f} s", file=sys.stderr)


def addresses() -> dict[str, str]:
    """One address of each page type: a story from the middle of the archive, the biggest
    section and tag, the most credited author, a day in the middle of the archive."""
    from django.db.models import Count
    from django.utils import timezone

    from dateline.newsroom.models import Article, Author, Section, Tag

    public = Article.objects.filter(language="en").order_by("-published_at")
    middle = public[public.count() // 2]
    section = (Section.objects.filter(language="en").annotate(n=Count("articles"))
               .order_by("-n").first())
    tag = Tag.objects.filter(language="en").annotate(n=Count("articles")).order_by("-n").first()
    author = Author.objects.annotate(n=Count("bylines")).order_by("-n").first()
    day = timezone.localtime(middle.published_at).date()
    return {
        "story": middle.get_absolute_url(),
        "home": "/en/",
        "section": section.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "author": f"/en/authors/{author.slug}/",
        "archive_day": f"/en/archive/{day:%Y/%m/%d}/",
    }


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def _newsfeed_cost(rounds: int) -> dict:
    """The Newsfeed column's own render (its query and template), stored per edition change."""
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from dateline.newsroom import selectors

    def render() -> str:
        return render_to_string("reader/_newsfeed.html", {
            "newsfeed": selectors.newsfeed(language="en"), "LANGUAGE_CODE": "en"})

    times = []
    with translation.override("en"):
        render()
        for _ in range(rounds):
            started = time.process_time()
            render()
            times.append((time.process_time() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            render()
    return {"median_ms": statistics.median(times), "p95_ms": _pct(times, 95),
            "queries": len(queries)}


def measure(rounds: int = 50, pages: tuple[str, ...] = PAGES) -> dict[str, dict]:
    """CPU ms (median, p95) and queries per rendered request of each page type, plus the
    Newsfeed part apart: {page: {"median_ms", "p95_ms", "queries", "url"}}."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    urls = addresses()
    times: dict[str, list[float]] = {page: [] for page in pages}
    for page in pages:  # warm: templates compiled, menu and Newsfeed stored
        response = client.get(urls[page], {"render": "0"})
        if response.status_code != 200 or response.get("X-Cache") == "hit":
            raise SystemExit(f"{page} {urls[page]}: {response.status_code}")
    for n in range(rounds):  # interleaved, so a busy moment of the machine hits every page
        for page in pages:
            started = time.process_time()
            response = client.get(urls[page], {"render": str(n)})
            times[page].append((time.process_time() - started) * 1000)
            assert response.status_code == 200 and "X-Cache" not in response
    figures = {}
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            client.get(urls[page], {"render": "q"})
        figures[page] = {"median_ms": statistics.median(times[page]),
                         "p95_ms": _pct(times[page], 95), "queries": len(queries),
                         "url": urls[page]}
    figures["newsfeed part"] = {**_newsfeed_cost(rounds), "url": "(stored per edition change)"}
    return figures


def profile(page: str, rounds: int) -> None:
    """cProfile of `rounds` renders of one page type, by cumulative and by own time."""
    import cProfile
    import pstats

    from django.test import Client

    client, url = Client(), addresses()[page]
    client.get(url, {"render": "0"})
    prof = cProfile.Profile(time.process_time)  # CPU, as measure() counts it
    prof.enable()
    for n in range(rounds):
        client.get(url, {"render": str(n)})
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--data-dir", help="keep (and reuse) the SQLite archive here")
    parser.add_argument("--fresh", action="store_true", help="rebuild the archive")
    parser.add_argument("--quick", action="store_true", help="10,000 stories, 20 rounds")
    parser.add_argument("--page", choices=PAGES, action="append", help="only these pages")
    parser.add_argument("--profile", choices=PAGES, help="profile one page type instead")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.quick:
        args.stories, args.rounds = 10_000, 20
    setup(args.data_dir)
    ensure(args.stories, fresh=args.fresh)
    if args.profile:
        profile(args.profile, args.rounds)
        return
    from django.db import connection

    figures = measure(args.rounds, tuple(args.page or PAGES))
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{connection.vendor}, {args.stories} stories, {args.rounds} rounds; "
          f"CPU ms per rendered request (time.process_time)")
    print(f"{'page':14}{'median':>8}{'p95':>8}{'queries':>9}  address")
    for page, f in figures.items():
        print(f"{page:14}{f['median_ms']:8.2f}{f['p95_ms']:8.2f}{f['queries']:9}  {f['url']}")


if __name__ == "__main__":
    main()
