"""Search at scale: N stories in both languages, then a mix of reader queries, timed in-process.

    PYTHONPATH=. .venv/bin/python bench/search.py --stories 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        PYTHONPATH=. .venv/bin/python bench/search.py --stories 100000

SQLite: a data dir of its own. PostgreSQL: the database named in DATABASE_URL is dropped and
made afresh (give it a name of its own). With --reuse DIR the stories and index are kept in
that data dir (SQLite) or database (PostgreSQL) and built only when it does not hold them yet:
the next run times the queries at once (after migrating, so new indexes are made).
Stories are written in bulk (half English, half Russian, words drawn from a Zipf
distribution with inflected Russian forms); the index is built by the same code as
`dateline reindex`. Then every query of the mix runs ROUNDS times through search_stories
(the page's selector, excerpts included): p50/p95/p99 overall and per kind of query.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dateline

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
EN_WORDS = """government city council election minister police court president market
report water school health hospital price energy power border army family house road
train river bridge harbour ferry island storm weather farmer harvest trade export import
bank budget tax company worker strike union law vote party leader opposition campaign
parliament region village mountain coast ship port airport flight museum festival music
film theatre artist football match team player coach season league record fire rescue
science research university student teacher child doctor nurse virus vaccine climate
forest wildlife fishing tourism hotel festival election voter ballot count result""".split()
RU_STEMS = {  # a stem and the endings its cases take
    "москв": "а ы е у ой", "выбор": "ы ов ам ами ах", "город": " а у ом е а ов ам",
    "правительств": "о а у ом е", "президент": " а у ом е ы ов", "депутат": " а у ом ы ов",
    "бюджет": " а у ом е ы", "закон": " а у ом е ы ов", "рынк": "и а у ом е ов",
    "реформ": "а ы е у ой", "больниц": "а ы е у ой", "школ": "а ы е у ой",
    "дорог": "а и е у ой", "мост": " а у ом е ы ов", "погод": "а ы е у ой",
    "урожа": "й я ю ем е", "театр": " а у ом е ы ов", "фестивал": "ь я ю ем е",
    "команд": "а ы е у ой", "матч": " а у ем е и ей", "учител": "ь я ю ем и ей",
    "ёлк": "а и е у ой", "границ": "а ы е у ей", "налог": " а у ом е и ов",
}
STOP = {"en": "the of and to in a is that for on was with as by at from".split(),
        "ru": "и в не на что с по как к из у за от о".split()}
SYLLABLES = "ka ri mo lan te sor vel un bri dax po ne lu mar gis ton fe ra".split()


def zipf_weights(n: int) -> list[float]:
    """Cumulative weights of a Zipf distribution over content words: the stop words hold
    the first hundred ranks of running text, so content words start below them."""
    return list(itertools.accumulate(1 / (rank ** 1.07) for rank in range(100, n + 100)))


def vocabulary(rng: random.Random) -> dict[str, list[str]]:
    rare = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(30000)]
    ru = [stem + ending for stem, endings in RU_STEMS.items() for ending in endings.split(" ")]
    ru_rare = ["".join(rng.choice("абвгдежзиклмнопрстуфх") for _ in range(rng.randint(5, 9)))
               for _ in range(30000)]
    return {"en": EN_WORDS + rare, "ru": ru + ru_rare}


def text(rng, words, weights, stop, n: int) -> str:
    out = rng.choices(words, cum_weights=weights, k=n)
    for i in range(0, n, 3):  # about a third of running text is stop words
        out[i] = rng.choice(stop)
    return " ".join(out)


def generate(stories: int, rng: random.Random) -> None:
    from django.utils import timezone

    from dateline.newsroom.models import Agency, Article, Section, Tag

    vocab = vocabulary(rng)
    weights = {lang: zipf_weights(len(words)) for lang, words in vocab.items()}
    sections = {lang: [Section.objects.create(name=f"S{i}", slug=f"s{i}", language=lang, order=i)
                       for i in range(8)] for lang in ("en", "ru")}
    tags = {lang: [Tag.objects.create(name=f"T{i}", slug=f"t{i}", language=lang)
                   for i in range(20)] for lang in ("en", "ru")}
    agencies = [Agency.objects.create(name=f"Agency {i}", code=f"A{i}") for i in range(4)]
    now, batch, links = timezone.now(), [], []
    through = Article.tags.through
    for n in range(stories):
        lang = "en" if n % 2 == 0 else "ru"
        w, ws, stop = vocab[lang], weights[lang], STOP[lang]
        paragraphs = "".join(f"<p>{text(rng, w, ws, stop, 60)}.</p>" for _ in range(5))
        batch.append(Article(
            headline=text(rng, w, ws, stop, 8).capitalize(), slug=f"story-{n}",
            lead=text(rng, w, ws, stop, 25), body=paragraphs, language=lang,
            section=rng.choice(sections[lang]), agency=rng.choice(agencies + [None]),
            status="published", published_at=now - timedelta(minutes=n * 7)))
        if len(batch) == 2000 or n == stories - 1:
            made = Article.objects.bulk_create(batch)
            links += [through(article_id=a.pk, tag_id=rng.choice(tags[a.language]).pk)
                      for a in made]
            through.objects.bulk_create(links)
            batch, links = [], []
            print(f"\r  stories written: {n + 1}", end="", file=sys.stderr)
    print(file=sys.stderr)


QUERIES = [  # (kind, language, query, filters)
    ("common word", "en", "government", {}),
    ("common word", "en", "city", {}),
    ("common word", "ru", "москва", {}),
    ("two words", "en", "election result", {}),
    ("rare word", "en", "VOCAB_RARE_EN", {}),
    ("rare word", "ru", "VOCAB_RARE_RU", {}),
    ("phrase", "en", '"city council"', {}),
    ("phrase", "ru", '"выборы в москве"', {}),
    ("prefix", "en", "gov*", {}),
    ("prefix", "en", "electi*", {}),
    ("russian forms", "ru", "выборов", {}),
    ("russian forms", "ru", "правительством", {}),
    ("russian forms", "ru", "ёлки", {}),
    ("filters", "en", "harbour", {"section": "s3"}),
    ("filters", "en", "police", {"tag": "t7"}),
    ("filters", "ru", "бюджет", {"agency": "A2"}),
    ("filters", "en", "market", {"since": "DAYS_AGO_30"}),
    ("newest", "en", "football", {"order": "newest"}),
    ("newest", "ru", "школа", {"order": "newest"}),
    ("page 5", "en", "train", {"page": 5}),
    ("stop words", "en", "the of and", {}),
]


def run_queries(rng: random.Random) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each search's wall time and this process's CPU time (ms), per kind. On a shared
    machine the wall time carries the others' load; on SQLite the CPU time is the search's
    own cost (on PostgreSQL the server's work is not in it)."""
    from django.utils import timezone

    from dateline.search.selectors import search_stories

    vocab = vocabulary(random.Random(2026))  # the same words generate() drew from
    rare = {"en": vocab["en"][len(EN_WORDS) + 5000], "ru": vocab["ru"][len(RU_STEMS) * 5 + 5000]}
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for _round in range(ROUNDS + 1):
        for kind, lang, query, filters in QUERIES:
            query = query.replace("VOCAB_RARE_EN", rare["en"]).replace("VOCAB_RARE_RU", rare["ru"])
            filters = dict(filters)
            if filters.get("since") == "DAYS_AGO_30":
                filters["since"] = timezone.now() - timedelta(days=30)
            started, cpu_started = time.perf_counter(), time.process_time()
            page = search_stories(query, language=lang, **filters)
            elapsed = (time.perf_counter() - started) * 1000
            if _round:  # the first round warms caches
                times.setdefault(kind, []).append(elapsed)
                cpu.setdefault(kind, []).append((time.process_time() - cpu_started) * 1000)
            if _round == 1:
                print(f"  {kind:14} {lang} {query[:24]:26} {page.count:7} found "
                      f"{elapsed:7.1f} ms", file=sys.stderr)
    return times, cpu


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="profile one round of queries")
    parser.add_argument("--reuse", metavar="DIR",
                        help="keep the data (and the SQLite data dir) here between runs")
    args = parser.parse_args()
    fresh_database(args.reuse)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from dateline.search import index
    from dateline.search.models import Document

    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    if args.reuse and Document.objects.count() == args.stories:
        print(f"reusing {args.stories} indexed stories", file=sys.stderr)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    else:
        if args.reuse and Document.objects.exists():
            sys.exit(f"{args.reuse} holds another number of stories: remove it first")
        started = time.monotonic()
        generate(args.stories, rng)
        print(f"stories written in {time.monotonic() - started:.0f} s", file=sys.stderr)
        started = time.monotonic()
        written = index.reindex()
        print(f"index built ({written} stories) in {time.monotonic() - started:.0f} s",
              file=sys.stderr)
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(run_queries, rng)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
        return
    times, cpu = run_queries(rng)
    every = [t for values in times.values() for t in values]
    every_cpu = [t for values in cpu.values() for t in values]
    print(f"\n{connection.vendor}, {args.stories} stories, {len(every)} searches "
          f"({ROUNDS} rounds of {len(QUERIES)} queries), load average {os.getloadavg()[0]:.1f}")
    print(f"{'':16}{'wall time':^27}{'CPU time (this process)':^27}")
    print(f"{'kind':16}" + f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}" * 2)
    for kind, values, cpu_values in [*((k, v, cpu[k]) for k, v in times.items()),
                                     ("all", every, every_cpu)]:
        print(f"{kind:16}" + "".join(f"{statistics.median(v):9.1f}{pct(v, 95):9.1f}"
                                     f"{pct(v, 99):9.1f}" for v in (values, cpu_values)))


def fresh_database(reuse: str | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    if reuse:
        Path(reuse).mkdir(parents=True, exist_ok=True)
    data_dir = reuse or tempfile.mkdtemp(prefix="dateline-bench-search-")
    os.environ["DATELINE_DATA_DIR"] = str(Path(data_dir).resolve())
    url = os.environ.get("DATABASE_URL")
    if not url:
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if reuse and exists:
            return
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
